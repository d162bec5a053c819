import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createSimulator } from "../create-simulator.js";
import { seededDeviceIds, seededUserIds } from "../seed/showcase-catalog.js";
import type { Simulator } from "../simulator.js";
import {
  graphErrorOf,
  graphGet,
  graphPost,
  intuneMessageOf,
  waitUntil,
  type GraphResult,
} from "../test-support/graph-client.js";

interface Device {
  id: string;
  userId: string;
  deviceName: string;
  operatingSystem: string;
  managementState: string;
  complianceState: string;
  managedDeviceOwnerType: string;
  deviceEnrollmentType: string;
  deviceActionResults: Record<string, unknown>[];
  [property: string]: unknown;
}

const { lukaszWisniewski: lukasz, zoeMuller: zoe, liNa, noorAlHassan: noor } = seededUserIds;
const all = "/v1.0/deviceManagement/managedDevices";
const ofUser = (userId: string, version = "v1.0") => `/${version}/users/${userId}/managedDevices`;
const retire = (userId: string, version = "v1.0") =>
  `/${version}/users/${userId}/removeAllDevicesFromManagement`;

let sim: Simulator;
let token: string;
beforeAll(async () => {
  sim = await createSimulator({ port: 0, size: "tiny" });
  token = await sim.mintToken({ audience: "graph" });
});
afterEach(() => {
  sim.resetTenant();
  sim.resetTiming();
  sim.resetThrottling();
});
afterAll(() => sim.close());

const devices = (result: GraphResult): Device[] => result.body.value as Device[];

describe("GET /users/{id}/managedDevices", () => {
  it("lists a user's devices across platforms and ownership", async () => {
    const result = await graphGet(sim, ofUser(lukasz), token);
    expect(result.status).toBe(200);
    expect(result.body["@odata.context"]).toBe(
      `https://graph.microsoft.com/v1.0/$metadata#users('${lukasz}')/managedDevices`,
    );
    const list = devices(result);
    expect(list.map((d) => d.id).sort()).toEqual(
      Object.values(seededDeviceIds.lukaszWisniewski).sort(),
    );
    expect(list.map((d) => d.operatingSystem).sort()).toEqual([
      "Android",
      "Windows",
      "iOS",
      "iPadOS",
      "macOS",
    ]);
    expect(new Set(list.map((d) => d.managedDeviceOwnerType))).toEqual(
      new Set(["company", "personal"]),
    );
    expect(list.every((d) => d.userId === lukasz && d.managementState === "managed")).toBe(true);
    expect(list.map((d) => d.complianceState).sort()).toEqual([
      "compliant",
      "compliant",
      "compliant",
      "inGracePeriod",
      "noncompliant",
    ]);
  });

  it("gives an empty list for a user without devices and a 404 for an unknown user", async () => {
    expect(devices(await graphGet(sim, ofUser(zoe, "beta"), token))).toEqual([]);
    const upn = encodeURIComponent("lukasz.wisniewski@contoso-sim.onmicrosoft.com");
    expect(devices(await graphGet(sim, ofUser(upn), token))).toHaveLength(5);
    const unknown = await graphGet(sim, ofUser("00000000-0000-4000-8000-000000000000"), token);
    expect(unknown.status).toBe(404);
    expect(graphErrorOf(unknown).code).toBe("Request_ResourceNotFound");
  });

  it("serves the schema's properties for each version, v1.0's enums included", async () => {
    const iphone = seededDeviceIds.liNa.iphone;
    const v1 = await graphGet(sim, `${ofUser(liNa)}/${iphone}`, token);
    expect(v1.status).toBe(200);
    expect(v1.body).toMatchObject({
      "@odata.type": "#microsoft.graph.managedDevice",
      id: iphone,
      userId: liNa,
      userDisplayName: "李娜",
      userPrincipalName: "na.li@contoso-sim.onmicrosoft.com",
      emailAddress: "na.li@contoso-sim.onmicrosoft.com",
      deviceName: "李娜的iPhone",
      operatingSystem: "iOS",
      osVersion: "17.6.1",
      manufacturer: "Apple",
      model: "iPhone 14",
      managedDeviceOwnerType: "personal",
      complianceState: "compliant",
      managementState: "managed",
      // Account-driven user enrollment is a beta-only member: v1.0 says unknownFutureValue.
      deviceEnrollmentType: "unknownFutureValue",
      deviceActionResults: [],
    });
    expect(v1.body).not.toHaveProperty("joinType");
    expect(String(v1.body.serialNumber)).toMatch(/^[A-Z0-9]{10}$/);
    expect(String(v1.body.imei)).toMatch(/^\d{15}$/);
    expect(String(v1.body.lastSyncDateTime)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(Object.keys(v1.body)).toHaveLength(2 + 56);

    const beta = await graphGet(sim, `/beta/deviceManagement/managedDevices/${iphone}`, token);
    expect(beta.body).toMatchObject({
      deviceEnrollmentType: "appleAccountDrivenUserEnrollment",
      ownerType: "personal",
      joinType: "azureADRegistered",
      serialNumber: v1.body.serialNumber,
    });
    expect(Object.keys(beta.body)).toHaveLength(2 + 84);

    const selected = await graphGet(
      sim,
      `${all}/${iphone}?$select=deviceName,complianceState`,
      token,
    );
    expect(selected.body).toEqual({
      "@odata.context":
        "https://graph.microsoft.com/v1.0/$metadata#deviceManagement/managedDevices(deviceName,complianceState)/$entity",
      "@odata.type": "#microsoft.graph.managedDevice",
      id: iphone,
      deviceName: "李娜的iPhone",
      complianceState: "compliant",
    });
  });

  it("does not find another user's device under a user, or a malformed id", async () => {
    const other = await graphGet(sim, `${ofUser(lukasz)}/${seededDeviceIds.liNa.iphone}`, token);
    expect(other.status).toBe(404);
    expect(intuneMessageOf(other)).toContain("No managedDevice");
    expect((await graphGet(sim, `${all}/not-a-guid`, token)).status).toBe(400);
  });
});

describe("GET /deviceManagement/managedDevices", () => {
  it("filters on userId, operatingSystem and managementState", async () => {
    const byUser = await graphGet(sim, `${all}?$filter=userId eq '${lukasz}'`, token);
    expect(devices(byUser)).toHaveLength(5);
    const windows = devices(
      await graphGet(
        sim,
        `${all}?$filter=${encodeURIComponent("operatingSystem eq 'Windows' and userId eq '" + lukasz + "'")}&$select=deviceName`,
        token,
      ),
    );
    expect(windows.map((d) => d.deviceName)).toEqual(["CONTOSO-LT-0190"]);
    const managed = await graphGet(
      sim,
      `${all}?$filter=managementState eq 'managed'&$count=true&$top=1`,
      token,
    );
    expect(managed.body["@odata.count"]).toBeGreaterThan(100);
    expect(
      (await graphGet(sim, `${all}?$filter=${encodeURIComponent("shoeSize eq 1")}`, token)).status,
    ).toBe(400);
  });

  it("pages through every device exactly once, userless shared iPads included", async () => {
    const seen: Device[] = [];
    let next: string | undefined = `${all}?$top=200&$select=userId,deviceName,deviceEnrollmentType`;
    while (next !== undefined) {
      const page = await graphGet(sim, next, token);
      seen.push(...devices(page));
      const link = page.body["@odata.nextLink"];
      next = typeof link === "string" ? link.slice(sim.graphUrl.length) : undefined;
    }
    const counted = await graphGet(sim, `${all}?$count=true&$top=1`, token);
    expect(seen).toHaveLength(Number(counted.body["@odata.count"]));
    expect(new Set(seen.map((d) => d.id)).size).toBe(seen.length);
    const shared = seen.find((d) => d.deviceName === "ACAD-IPAD-001");
    // Intune writes empty strings, not nulls, for a userless device's user.
    expect(shared).toMatchObject({ userId: "", deviceEnrollmentType: "appleBulkWithoutUser" });
  });
});

describe("POST /users/{id}/removeAllDevicesFromManagement", () => {
  it("answers 204, puts every device in retirePending with a pending retire, then removes them", async () => {
    sim.setTiming({ retireSeconds: 0.6 });
    const before = devices(await graphGet(sim, ofUser(lukasz), token));
    const answer = await graphPost(sim, retire(lukasz), token);
    expect(answer.status).toBe(204);
    expect(answer.body).toEqual({});

    const pending = devices(await graphGet(sim, ofUser(lukasz), token));
    expect(pending.map((d) => d.id).sort()).toEqual(before.map((d) => d.id).sort());
    for (const device of pending) {
      expect(device.managementState).toBe("retirePending");
      expect(device.deviceActionResults).toEqual([
        {
          actionName: "retire",
          actionState: "pending",
          startDateTime: expect.stringMatching(/^\d{4}-.*Z$/) as unknown,
          lastUpdatedDateTime: expect.stringMatching(/^\d{4}-.*Z$/) as unknown,
        },
      ]);
    }
    const listed = await graphGet(
      sim,
      `/beta/deviceManagement/managedDevices?$filter=managementState eq 'retirePending'&$select=userId`,
      token,
    );
    expect(devices(listed).every((d) => d.userId === lukasz)).toBe(true);
    expect(devices(listed)).toHaveLength(5);

    await waitUntil(
      async () => devices(await graphGet(sim, ofUser(lukasz), token)).length,
      (n) => n === 0,
    );
    const gone = await graphGet(sim, `${all}/${seededDeviceIds.lukaszWisniewski.iphone}`, token);
    expect(gone.status).toBe(404);
    // Nobody else's devices moved.
    const others = devices(await graphGet(sim, ofUser(noor), token));
    expect(others.map((d) => d.managementState)).toEqual(["managed", "managed"]);
  });

  it("works on beta, namespace-qualified and by UPN; a second call changes nothing", async () => {
    sim.setTiming({ retireSeconds: 60 });
    const upn = encodeURIComponent("noor.al-hassan@contoso-sim.onmicrosoft.com");
    expect(
      (
        await graphPost(
          sim,
          `/beta/users/${upn}/microsoft.graph.removeAllDevicesFromManagement`,
          token,
        )
      ).status,
    ).toBe(204);
    const first = devices(await graphGet(sim, ofUser(noor, "beta"), token));
    expect((await graphPost(sim, retire(noor, "beta"), token)).status).toBe(204);
    const second = devices(await graphGet(sim, ofUser(noor, "beta"), token));
    expect(second.map((d) => d.deviceActionResults)).toEqual(
      first.map((d) => d.deviceActionResults),
    );
  });

  it("is a 204 no-op for a user without devices; 404 for an unknown user; 400 with parameters", async () => {
    expect((await graphPost(sim, retire(zoe), token)).status).toBe(204);
    const unknown = await graphPost(sim, retire("nobody@contoso-sim.onmicrosoft.com"), token);
    expect(unknown.status).toBe(404);
    const withBody = await graphPost(sim, retire(lukasz), token, { keepUserData: true });
    expect(withBody.status).toBe(400);
    expect(graphErrorOf(withBody).message).toContain("'keepUserData'");
    expect(devices(await graphGet(sim, ofUser(lukasz), token))[0]?.managementState).toBe("managed");
  });

  it("needs DeviceManagementManagedDevices.PrivilegedOperations.All, correctly spelled", async () => {
    for (const scopes of [
      ["DeviceManagementManagedDevices.ReadWrite.All"],
      // The misspelling on Graph's own reference page is not a permission.
      ["DeviceManagementManagedDevices.PriviligedOperation.All"],
    ]) {
      const limited = await sim.mintToken({ audience: "graph", scopes });
      const result = await graphPost(sim, retire(lukasz), limited);
      expect(result.status).toBe(403);
      expect(intuneMessageOf(result)).toContain(
        "DeviceManagementManagedDevices.PrivilegedOperations.All",
      );
    }
    expect(devices(await graphGet(sim, ofUser(lukasz), token))[0]?.managementState).toBe("managed");
    const privileged = await sim.mintToken({
      audience: "graph",
      scopes: ["DeviceManagementManagedDevices.PrivilegedOperations.All"],
    });
    expect((await graphPost(sim, retire(lukasz), privileged)).status).toBe(204);
    const app = await sim.mintToken({
      audience: "graph",
      appOnly: true,
      roles: ["DeviceManagementManagedDevices.PrivilegedOperations.All"],
    });
    expect((await graphPost(sim, retire(noor), app)).status).toBe(204);
  });

  it("reads need DeviceManagementManagedDevices.Read.All or ReadWrite.All", async () => {
    const none = await sim.mintToken({ audience: "graph", scopes: ["User.Read.All"] });
    const result = await graphGet(sim, ofUser(lukasz), none);
    expect(result.status).toBe(403);
    expect(intuneMessageOf(result)).toContain("DeviceManagementManagedDevices.Read.All");
    const read = await sim.mintToken({
      audience: "graph",
      scopes: ["DeviceManagementManagedDevices.Read.All"],
    });
    expect((await graphGet(sim, all, read)).status).toBe(200);
  });
});

describe("Intune's devices throttling", () => {
  it("answers 429 with Retry-After past the write limit, and does not retire anything", async () => {
    sim.setThrottling({ service: "devices", writes: 2, windowSeconds: 20 });
    expect((await graphPost(sim, retire(zoe), token)).status).toBe(204);
    expect((await graphPost(sim, retire(noor), token)).status).toBe(204);
    const throttled = await graphPost(sim, retire(lukasz), token);
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get("retry-after"))).toBeGreaterThanOrEqual(19);
    expect(graphErrorOf(throttled).code).toBe("TooManyRequests");
    expect(intuneMessageOf(throttled)).toContain("App request limit exceeded.");
    const untouched = devices(await graphGet(sim, ofUser(lukasz), token));
    expect(untouched.every((d) => d.managementState === "managed")).toBe(true);
  });

  it("counts device reads in the same service, but not /users", async () => {
    sim.setThrottling({ service: "devices", requests: 1 });
    expect((await graphGet(sim, ofUser(lukasz), token)).status).toBe(200);
    expect((await graphGet(sim, all, token)).status).toBe(429);
    expect((await graphGet(sim, `/v1.0/users/${lukasz}`, token)).status).toBe(200);
  });
});
