import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createSimulator } from "../create-simulator.js";
import { defaultThrottling } from "../faults/throttling.js";
import { seededEnrollmentProfileIds } from "../seed/enrollment-profile-catalog.js";
import type { Simulator } from "../simulator.js";
import {
  graphErrorOf,
  graphGet,
  graphPost,
  intuneMessageOf,
  type GraphResult,
} from "../test-support/graph-client.js";

const forWork = "/beta/deviceManagement/androidForWorkEnrollmentProfiles";
const deviceOwner = "/beta/deviceManagement/androidDeviceOwnerEnrollmentProfiles";
const afw = seededEnrollmentProfileIds.androidForWork;
const ado = seededEnrollmentProfileIds.androidDeviceOwner;
const dayMs = 86_400_000;
const noToken = "0001-01-01T00:00:00Z";
const tokenSelect =
  "$select=displayName,tokenValue,qrCodeContent,qrCodeImage,tokenExpirationDateTime";

let sim: Simulator;
let token: string;
beforeAll(async () => {
  sim = await createSimulator({ port: 0 });
  token = await sim.mintToken({ audience: "graph" });
});
afterEach(() => {
  sim.resetTenant();
  sim.resetThrottling();
  sim.clearReceived();
});
afterAll(() => sim.close());

type Result = Record<string, unknown>;
const value = (result: GraphResult): Result[] => result.body.value as Result[];
const byId = (items: Result[], id: string): Result => {
  const found = items.find((p) => p.id === id);
  if (found === undefined) throw new Error(`no profile ${id}`);
  return found;
};
const daysFromNow = (dateTime: unknown): number =>
  (Date.parse(String(dateTime)) - Date.now()) / dayMs;
const read = async (collection: string, id: string, query = tokenSelect): Promise<Result> => {
  const result = await graphGet(sim, `${collection}/${id}?${query}`, token);
  expect(result.status).toBe(200);
  return result.body;
};

describe("GET androidForWorkEnrollmentProfiles and androidDeviceOwnerEnrollmentProfiles", () => {
  it("lists six profiles of each kind in Graph's shape, with beta's properties", async () => {
    const work = await graphGet(sim, forWork, token);
    expect(work.status).toBe(200);
    expect(work.body["@odata.context"]).toBe(
      "https://graph.microsoft.com/beta/$metadata#deviceManagement/androidForWorkEnrollmentProfiles",
    );
    expect(value(work)).toHaveLength(6);
    expect(Object.keys(byId(value(work), afw.warehouseScanners)).sort()).toEqual(
      [
        "@odata.type",
        "id",
        "accountId",
        "createdDateTime",
        "description",
        "displayName",
        "enrolledDeviceCount",
        "lastModifiedDateTime",
        "qrCodeContent",
        "qrCodeImage",
        "tokenExpirationDateTime",
        "tokenValue",
      ].sort(),
    );
    expect(byId(value(work), afw.warehouseScanners)).toMatchObject({
      "@odata.type": "#microsoft.graph.androidForWorkEnrollmentProfile",
      displayName: "Corporate-owned dedicated — Warehouse scanners",
      enrolledDeviceCount: 148,
    });

    const owner = await graphGet(sim, deviceOwner, token);
    expect(value(owner)).toHaveLength(6);
    const phones = byId(value(owner), ado.corporatePhones);
    expect(phones).toMatchObject({
      "@odata.type": "#microsoft.graph.androidDeviceOwnerEnrollmentProfile",
      displayName: "Fully managed — Corporate phones",
      enrollmentMode: "corporateOwnedFullyManaged",
      enrollmentTokenType: "default",
      roleScopeTagIds: ["0"],
      wifiSecurityType: "none",
      configureWifi: false,
    });
    expect(String(phones.tokenCreationDateTime)).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/,
    );
    expect(value(owner).map((p) => p.enrollmentMode)).toEqual(
      expect.arrayContaining([
        "corporateOwnedDedicatedDevice",
        "corporateOwnedWorkProfile",
        "corporateOwnedAOSPUserlessDevice",
        "corporateOwnedAOSPUserAssociatedDevice",
      ]),
    );
    expect(byId(value(owner), ado.sharedFrontline)).toMatchObject({
      enrollmentTokenType: "corporateOwnedDedicatedDeviceWithAzureADSharedMode",
      configureWifi: true,
      wifiSsid: "Contoso-Stores",
      wifiSecurityType: "wpa",
    });
    // Graph returns the Wi-Fi secret to whoever may read; the BFF must never select it.
    expect(typeof byId(value(owner), ado.sharedFrontline).wifiPassword).toBe("string");
  });

  it("has active, expiring (≤ 14 days), expired and token-less profiles of each kind", async () => {
    for (const [collection, ids] of [
      [
        forWork,
        [afw.warehouseScanners, afw.retailKiosks, afw.deliveryHandhelds, afw.conferencePanels],
      ],
      [
        deviceOwner,
        [ado.corporatePhones, ado.salesTablets, ado.stagingScanners, ado.meetingHeadsets],
      ],
    ] as const) {
      const items = value(await graphGet(sim, `${collection}?${tokenSelect}`, token));
      const [active, expiring, expired, none] = ids.map((id) => byId(items, id));
      expect(daysFromNow(active?.tokenExpirationDateTime)).toBeGreaterThan(14);
      expect(daysFromNow(expiring?.tokenExpirationDateTime)).toBeGreaterThan(0);
      expect(daysFromNow(expiring?.tokenExpirationDateTime)).toBeLessThanOrEqual(14);
      expect(daysFromNow(expired?.tokenExpirationDateTime)).toBeLessThan(0);
      expect(typeof expired?.tokenValue).toBe("string");
      expect(none).toMatchObject({ tokenValue: null, qrCodeContent: null, qrCodeImage: null });
      expect(none?.tokenExpirationDateTime).toBe(noToken);
    }
  });

  it("returns the token properties only when $select names them", async () => {
    const plain = value(await graphGet(sim, deviceOwner, token));
    for (const profile of plain) {
      expect(profile).toMatchObject({ tokenValue: null, qrCodeContent: null, qrCodeImage: null });
    }
    const selected = await graphGet(sim, `${deviceOwner}?${tokenSelect}`, token);
    expect(selected.body["@odata.context"]).toBe(
      "https://graph.microsoft.com/beta/$metadata#deviceManagement/androidDeviceOwnerEnrollmentProfiles(displayName,tokenValue,qrCodeContent,qrCodeImage,tokenExpirationDateTime)",
    );
    const frontline = byId(value(selected), ado.sharedFrontline);
    expect(Object.keys(frontline).sort()).toEqual(
      [
        "@odata.type",
        "id",
        "displayName",
        "tokenValue",
        "qrCodeContent",
        "qrCodeImage",
        "tokenExpirationDateTime",
      ].sort(),
    );
    expect(frontline.tokenValue).toMatch(/^[A-Z2-9]{20}$/);
    const content = JSON.parse(String(frontline.qrCodeContent)) as Record<string, unknown>;
    expect(content["android.app.extra.PROVISIONING_ADMIN_EXTRAS_BUNDLE"]).toEqual({
      "com.google.android.apps.work.clouddpc.EXTRA_ENROLLMENT_TOKEN": frontline.tokenValue,
    });
    expect(content["android.app.extra.PROVISIONING_WIFI_SSID"]).toBe("Contoso-Stores");
    const image = frontline.qrCodeImage as { type: string; value: string };
    expect(image.type).toBe("image/png");
    expect(Buffer.from(image.value, "base64").subarray(1, 4).toString("ascii")).toBe("PNG");

    // The same on a single profile, and the values repeat on every run (derived from the id).
    const one = await graphGet(
      sim,
      `${forWork}/${afw.warehouseScanners}?$select=tokenValue`,
      token,
    );
    expect(one.body).toEqual({
      "@odata.context":
        "https://graph.microsoft.com/beta/$metadata#deviceManagement/androidForWorkEnrollmentProfiles(tokenValue)/$entity",
      "@odata.type": "#microsoft.graph.androidForWorkEnrollmentProfile",
      id: afw.warehouseScanners,
      tokenValue: expect.stringMatching(/^[A-Z2-9]{20}$/) as unknown,
    });
    sim.resetTenant();
    expect((await read(forWork, afw.warehouseScanners, "$select=tokenValue")).tokenValue).toBe(
      one.body.tokenValue,
    );
    expect(
      (await graphGet(sim, `${forWork}/${afw.warehouseScanners}`, token)).body.tokenValue,
    ).toBeNull();
  });

  it("takes $filter on the expiry, $top paging and $count", async () => {
    const now = new Date().toISOString().replace(/\.\d+Z$/, "Z");
    const live = await graphGet(
      sim,
      `${deviceOwner}?$filter=tokenExpirationDateTime gt ${now}&$select=id&$count=true`,
      token,
    );
    expect(live.status).toBe(200);
    expect(live.body["@odata.count"]).toBe(4);
    const paged = await graphGet(sim, `${forWork}?$top=4`, token);
    expect(value(paged)).toHaveLength(4);
    expect(String(paged.body["@odata.nextLink"])).toContain("$skiptoken=");
    const bad = await graphGet(sim, `${forWork}?$select=wifiPassword`, token);
    expect(bad.status).toBe(400);
    expect(graphErrorOf(bad).message).toContain(
      "Could not find a property named 'wifiPassword' on type 'microsoft.graph.androidForWorkEnrollmentProfile'",
    );
  });

  it("answers 404 for an unknown id, 400 for a malformed one, and 400 on v1.0", async () => {
    const missing = await graphGet(sim, `${forWork}/00000000-0000-4000-8000-000000000000`, token);
    expect(missing.status).toBe(404);
    expect(graphErrorOf(missing).code).toBe("ResourceNotFound");
    expect(intuneMessageOf(missing)).toContain("No androidForWorkEnrollmentProfile with id");
    // A device-owner id is not an androidForWork profile.
    expect((await graphGet(sim, `${forWork}/${ado.corporatePhones}`, token)).status).toBe(404);
    const malformed = await graphGet(sim, `${deviceOwner}/not-a-guid`, token);
    expect(malformed.status).toBe(400);
    expect(intuneMessageOf(malformed)).toContain("the key must be a GUID");
    const v1 = await graphGet(
      sim,
      "/v1.0/deviceManagement/androidDeviceOwnerEnrollmentProfiles",
      token,
    );
    expect(v1.status).toBe(400);
    expect(graphErrorOf(v1).message).toBe(
      "Resource not found for the segment 'androidDeviceOwnerEnrollmentProfiles'.",
    );
    const unknown = await graphGet(sim, `${deviceOwner}/${ado.corporatePhones}/assignments`, token);
    expect(graphErrorOf(unknown).message).toBe("Resource not found for the segment 'assignments'.");
    const remove = await fetch(`${sim.graphUrl}${deviceOwner}/${ado.corporatePhones}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(remove.status).toBe(405);
  });
});

describe("revokeToken", () => {
  it("answers 204 and the token is gone, on both kinds", async () => {
    for (const [collection, id] of [
      [forWork, afw.warehouseScanners],
      [deviceOwner, ado.corporatePhones],
    ] as const) {
      const before = await read(collection, id, `${tokenSelect},lastModifiedDateTime`);
      expect(typeof before.tokenValue).toBe("string");
      const revoke = await graphPost(sim, `${collection}/${id}/revokeToken`, token);
      expect(revoke.status).toBe(204);
      const after = await read(collection, id, `${tokenSelect},lastModifiedDateTime`);
      expect(after).toMatchObject({
        tokenValue: null,
        qrCodeContent: null,
        qrCodeImage: null,
        tokenExpirationDateTime: noToken,
      });
      expect(Date.parse(String(after.lastModifiedDateTime))).toBeGreaterThan(
        Date.parse(String(before.lastModifiedDateTime)),
      );
    }
    const owner = await read(
      deviceOwner,
      ado.corporatePhones,
      "$select=tokenCreationDateTime,enrollmentTokenUsageCount",
    );
    expect(owner).toMatchObject({ tokenCreationDateTime: noToken, enrollmentTokenUsageCount: 0 });
  });

  it("is a no-op 204 on a profile without a token, namespace-qualified or not", async () => {
    const before = await read(forWork, afw.conferencePanels, "$select=lastModifiedDateTime");
    const revoke = await graphPost(
      sim,
      `${forWork}/${afw.conferencePanels}/microsoft.graph.revokeToken`,
      token,
      {},
    );
    expect(revoke.status).toBe(204);
    expect(await read(forWork, afw.conferencePanels, "$select=lastModifiedDateTime")).toEqual(
      before,
    );
  });

  it("refuses a parameter, an unknown id and v1.0", async () => {
    const extra = await graphPost(sim, `${forWork}/${afw.retailKiosks}/revokeToken`, token, {
      notify: true,
    });
    expect(extra.status).toBe(400);
    expect(graphErrorOf(extra).message).toBe(
      "The parameter 'notify' in the request payload is not a valid parameter for the operation 'revokeToken'.",
    );
    const missing = await graphPost(
      sim,
      `${deviceOwner}/00000000-0000-4000-8000-000000000000/revokeToken`,
      token,
    );
    expect(missing.status).toBe(404);
    const v1 = await graphPost(
      sim,
      `/v1.0/deviceManagement/androidForWorkEnrollmentProfiles/${afw.retailKiosks}/revokeToken`,
      token,
    );
    expect(v1.status).toBe(400);
    expect(typeof (await read(forWork, afw.retailKiosks)).tokenValue).toBe("string");
  });
});

describe("createToken", () => {
  it("makes a new token valid for tokenValidityInSeconds, replacing the old one", async () => {
    const old = await read(deviceOwner, ado.salesTablets);
    const started = Date.now();
    const create = await graphPost(sim, `${deviceOwner}/${ado.salesTablets}/createToken`, token, {
      tokenValidityInSeconds: 30 * 86_400,
    });
    expect(create.status).toBe(204);
    const after = await read(
      deviceOwner,
      ado.salesTablets,
      `${tokenSelect},tokenCreationDateTime,enrollmentTokenUsageCount`,
    );
    expect(after.tokenValue).toMatch(/^[A-Z2-9]{20}$/);
    expect(after.tokenValue).not.toBe(old.tokenValue);
    expect(String(after.qrCodeContent)).toContain(String(after.tokenValue));
    const created = Date.parse(String(after.tokenCreationDateTime));
    expect(created).toBeGreaterThanOrEqual(started - 1);
    expect(Date.parse(String(after.tokenExpirationDateTime)) - created).toBe(30 * dayMs);
    expect(after.enrollmentTokenUsageCount).toBe(0);
  });

  it("gives a token-less profile one, for 1 second up to 90 days", async () => {
    for (const seconds of [1, 7_776_000]) {
      const create = await graphPost(sim, `${forWork}/${afw.conferencePanels}/createToken`, token, {
        tokenValidityInSeconds: seconds,
      });
      expect(create.status).toBe(204);
      const after = await read(forWork, afw.conferencePanels);
      expect(typeof after.tokenValue).toBe("string");
      expect(daysFromNow(after.tokenExpirationDateTime)).toBeCloseTo(seconds / 86_400, 2);
    }
  });

  it("refuses a validity of 0, below or beyond 90 days, with Intune's 400, and changes nothing", async () => {
    const before = await read(forWork, afw.warehouseScanners);
    for (const seconds of [0, -60, 7_776_001]) {
      const create = await graphPost(
        sim,
        `${forWork}/${afw.warehouseScanners}/createToken`,
        token,
        { tokenValidityInSeconds: seconds },
      );
      expect(create.status).toBe(400);
      expect(graphErrorOf(create).code).toBe("BadRequest");
      expect(intuneMessageOf(create)).toContain("tokenValidityInSeconds must be greater than 0");
    }
    expect(await read(forWork, afw.warehouseScanners)).toEqual(before);
  });

  it("reads tokenValidityInSeconds as Graph's OData reader does (Edm.Int32, required)", async () => {
    const path = `${deviceOwner}/${ado.corporatePhones}/createToken`;
    const cases: [unknown, string][] = [
      [undefined, "Empty Payload. JSON content expected."],
      [
        {},
        "The parameter 'tokenValidityInSeconds' is required for the operation 'createToken' but was not found in the request payload.",
      ],
      [
        { tokenValidityInSeconds: null },
        "A null value was found for the property named 'tokenValidityInSeconds', which has the expected type 'Edm.Int32[Nullable=False]'. The expected type 'Edm.Int32[Nullable=False]' does not allow null values.",
      ],
      [
        { tokenValidityInSeconds: "3600" },
        "Cannot convert the literal '3600' to the expected type 'Edm.Int32'.",
      ],
      [
        { tokenValidityInSeconds: 1.5 },
        "Cannot convert the literal '1.5' to the expected type 'Edm.Int32'.",
      ],
      [
        { tokenValidityInSeconds: 2_147_483_648 },
        "Cannot convert the literal '2147483648' to the expected type 'Edm.Int32'.",
      ],
    ];
    for (const [body, message] of cases) {
      const result = await graphPost(sim, path, token, body);
      expect(result.status).toBe(400);
      expect(graphErrorOf(result).message).toBe(message);
    }
  });
});

describe("permissions and throttling", () => {
  it("reads with DeviceManagementConfiguration.Read.All; acts only with .ReadWrite.All", async () => {
    const readOnly = await sim.mintToken({
      audience: "graph",
      scopes: ["DeviceManagementConfiguration.Read.All"],
    });
    expect((await graphGet(sim, forWork, readOnly)).status).toBe(200);
    expect((await graphGet(sim, `${deviceOwner}/${ado.corporatePhones}`, readOnly)).status).toBe(
      200,
    );
    const refused = await graphPost(
      sim,
      `${deviceOwner}/${ado.corporatePhones}/revokeToken`,
      readOnly,
    );
    expect(refused.status).toBe(403);
    expect(intuneMessageOf(refused)).toContain("DeviceManagementConfiguration.ReadWrite.All");
    const create = await graphPost(sim, `${forWork}/${afw.retailKiosks}/createToken`, readOnly, {
      tokenValidityInSeconds: 60,
    });
    expect(create.status).toBe(403);

    const otherScope = await sim.mintToken({
      audience: "graph",
      scopes: ["DeviceManagementServiceConfig.ReadWrite.All"],
    });
    expect((await graphGet(sim, deviceOwner, otherScope)).status).toBe(403);
    expect(typeof (await read(deviceOwner, ado.corporatePhones)).tokenValue).toBe("string");
  });

  it("counts writes in Intune's Android for Work service, 100 per 20 s per app by default", async () => {
    expect(defaultThrottling.androidForWork).toEqual({
      writes: 100,
      tenantWrites: 200,
      requests: 1000,
      tenantRequests: 2000,
      windowSeconds: 20,
    });
    sim.setThrottling({ service: "androidForWork", writes: 2 });
    const revoke = (id: string) => graphPost(sim, `${deviceOwner}/${id}/revokeToken`, token);
    expect((await revoke(ado.corporatePhones)).status).toBe(204);
    expect((await revoke(ado.salesTablets)).status).toBe(204);
    const throttled = await graphPost(sim, `${forWork}/${afw.retailKiosks}/revokeToken`, token);
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(intuneMessageOf(throttled)).toContain("App request limit exceeded.");
    // Not applied, reads still admitted, and other services' windows are their own.
    expect(typeof (await read(forWork, afw.retailKiosks)).tokenValue).toBe("string");
    const sync = await graphPost(
      sim,
      `/beta/deviceAppManagement/vppTokens/b3a1e7c2-4d5f-4a6b-9c8d-1e2f3a4b5c01/syncLicenses`,
      token,
    );
    expect(sync.status).toBe(200);
  });
});
