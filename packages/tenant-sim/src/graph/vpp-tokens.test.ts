import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSimulator } from "../create-simulator.js";
import { seededIds } from "../seed/vpp-catalog.js";
import type { Simulator } from "../simulator.js";
import {
  graphErrorOf,
  graphGet,
  graphPost,
  intuneMessageOf,
  waitUntil,
  type GraphResult,
} from "../test-support/graph-client.js";

const tokens = "/beta/deviceAppManagement/vppTokens";
const { valid, expired, externalMdm } = seededIds.vppTokens;

let sim: Simulator;
let token: string;
beforeAll(async () => {
  sim = await createSimulator({ port: 0 });
  token = await sim.mintToken({ audience: "graph" });
});
beforeEach(() => {
  sim.resetTenant();
  sim.clearReceived();
  sim.setTiming({ vppRevokeSeconds: 1.2, vppSyncSeconds: 0.3 });
});
afterAll(() => sim.close());

type Result = Record<string, unknown>;
const value = (result: GraphResult): Result[] => result.body.value as Result[];
const lastResult = async (id: string): Promise<Result> => {
  const read = await graphGet(sim, `${tokens}/${id}?$select=tokenActionResults`, token);
  const results = read.body.tokenActionResults as Result[];
  const last = results.at(-1);
  if (last === undefined) throw new Error("no tokenActionResults");
  return last;
};
const licensesOf = async (tokenId: string): Promise<number> => {
  const apps = await graphGet(
    sim,
    `/beta/deviceAppManagement/mobileApps?$filter=isof('microsoft.graph.iosVppApp') and microsoft.graph.iosVppApp/vppTokenId eq '${tokenId}'&$select=microsoft.graph.iosVppApp/usedLicenseCount`,
    token,
  );
  return value(apps).reduce((n, a) => n + Number(a.usedLicenseCount), 0);
};

describe("GET vppTokens", () => {
  it("lists every token with Graph's collection shape and beta properties", async () => {
    const result = await graphGet(sim, tokens, token);
    expect(result.status).toBe(200);
    expect(result.headers.get("content-type")).toContain("application/json");
    expect(result.body["@odata.context"]).toBe(
      "https://graph.microsoft.com/beta/$metadata#deviceAppManagement/vppTokens",
    );
    const items = value(result);
    expect(items.map((t) => t.state)).toEqual([
      "valid",
      "valid",
      "expired",
      "assignedToExternalMDM",
      "valid",
    ]);
    expect(items[0]).toMatchObject({
      "@odata.type": "#microsoft.graph.vppToken",
      id: valid,
      displayName: "Contoso Business VPP",
      organizationName: "Contoso Ltd",
      countryOrRegion: "us",
      vppTokenAccountType: "business",
      lastSyncStatus: "completed",
      tokenActionResults: [],
      roleScopeTagIds: ["0"],
    });
    expect(typeof items[0]?.token).toBe("string");
    expect(String(items[0]?.expirationDateTime)).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/,
    );
    expect(items.some((t) => t.vppTokenAccountType === "education")).toBe(true);
  });

  it("applies $select and pages with $top and @odata.nextLink", async () => {
    const first = await graphGet(sim, `${tokens}?$select=displayName,state&$top=2`, token);
    expect(first.body["@odata.context"]).toBe(
      "https://graph.microsoft.com/beta/$metadata#deviceAppManagement/vppTokens(displayName,state)",
    );
    expect(value(first)[0]).toEqual({
      "@odata.type": "#microsoft.graph.vppToken",
      id: valid,
      displayName: "Contoso Business VPP",
      state: "valid",
    });
    const seen = value(first).map((t) => t.id);
    let next = first.body["@odata.nextLink"] as string | undefined;
    while (next !== undefined) {
      expect(next.startsWith(`${sim.graphUrl}/beta/deviceAppManagement/vppTokens?`)).toBe(true);
      expect(next).toContain("$skiptoken=");
      const page = await graphGet(sim, next.slice(sim.graphUrl.length), token);
      expect(value(page).length).toBeLessThanOrEqual(2);
      expect(Object.keys(value(page)[0] ?? {})).toEqual([
        "@odata.type",
        "id",
        "displayName",
        "state",
      ]);
      seen.push(...value(page).map((t) => t.id));
      next = page.body["@odata.nextLink"] as string | undefined;
    }
    expect(new Set(seen).size).toBe(5);
  });

  it("answers bad query options with 400 as Graph does", async () => {
    const unknown = await graphGet(sim, `${tokens}?$select=nope`, token);
    expect(unknown.status).toBe(400);
    expect(graphErrorOf(unknown).message).toBe(
      "Parsing OData Select and Expand failed: Could not find a property named 'nope' on type 'microsoft.graph.vppToken'.",
    );
    expect((await graphGet(sim, `${tokens}?$top=-1`, token)).status).toBe(400);
    expect((await graphGet(sim, `${tokens}?$skiptoken=garbage`, token)).status).toBe(400);
  });

  it("serves v1.0 with v1.0's properties only", async () => {
    const result = await graphGet(sim, `/v1.0/deviceAppManagement/vppTokens/${valid}`, token);
    expect(result.status).toBe(200);
    expect(result.body).toHaveProperty("organizationName");
    expect(result.body).not.toHaveProperty("displayName");
    expect(result.body).not.toHaveProperty("tokenActionResults");
    expect(
      (await graphGet(sim, `/v1.0/deviceAppManagement/vppTokens?$select=displayName`, token))
        .status,
    ).toBe(400);
  });

  it("gets one token; 404 for an unknown id, 400 for a malformed one", async () => {
    const one = await graphGet(sim, `${tokens}/${valid.toUpperCase()}`, token);
    expect(one.status).toBe(200);
    expect(one.body["@odata.context"]).toBe(
      "https://graph.microsoft.com/beta/$metadata#deviceAppManagement/vppTokens/$entity",
    );
    expect(one.body.id).toBe(valid);

    const missing = await graphGet(sim, `${tokens}/00000000-0000-4000-8000-000000000000`, token);
    expect(missing.status).toBe(404);
    expect(graphErrorOf(missing).code).toBe("ResourceNotFound");
    expect(intuneMessageOf(missing)).toContain(
      `Activity ID: ${missing.headers.get("request-id") ?? ""}`,
    );

    const malformed = await graphGet(sim, `${tokens}/not-a-guid`, token);
    expect(malformed.status).toBe(400);
    expect(graphErrorOf(malformed).code).toBe("BadRequest");
  });

  it("names an unknown segment and refuses methods the simulator does not implement", async () => {
    const unknown = await graphGet(sim, `${tokens}/${valid}/nothingHere`, token);
    expect(unknown.status).toBe(400);
    expect(graphErrorOf(unknown).message).toBe("Resource not found for the segment 'nothingHere'.");
    const remove = await fetch(`${sim.graphUrl}${tokens}/${valid}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(remove.status).toBe(405);
    expect((await graphGet(sim, tokens, token)).body.value).toHaveLength(5);
  });

  it("needs DeviceManagementServiceConfig.Read.All or .ReadWrite.All", async () => {
    const readOnly = await sim.mintToken({
      audience: "graph",
      scopes: ["DeviceManagementServiceConfig.Read.All"],
    });
    expect((await graphGet(sim, tokens, readOnly)).status).toBe(200);
    const appsOnly = await sim.mintToken({
      audience: "graph",
      scopes: ["DeviceManagementApps.ReadWrite.All"],
    });
    const denied = await graphGet(sim, tokens, appsOnly);
    expect(denied.status).toBe(403);
    expect(graphErrorOf(denied).code).toBe("Forbidden");
    expect(intuneMessageOf(denied)).toContain("DeviceManagementServiceConfig.Read.All");
  });
});

describe("POST vppTokens/{id}/revokeLicenses", () => {
  const revoke = (id: string, body: unknown = { notifyManagedDevices: true }, t = token) =>
    graphPost(sim, `${tokens}/${id}/revokeLicenses`, t, body);

  it("answers 204, then goes pending → active → done, counts growing, licenses leaving", async () => {
    const before = await licensesOf(valid);
    const accepted = await revoke(valid, {
      notifyManagedDevices: true,
      revokeUntrackedLicenses: false,
    });
    expect(accepted.status).toBe(204);
    const first = await lastResult(valid);
    expect(first).toMatchObject({
      "@odata.type": "#microsoft.graph.vppTokenRevokeLicensesActionResult",
      actionName: "RevokeLicenses",
      actionState: "pending",
      totalLicensesCount: 0,
      failedLicensesCount: 0,
      actionFailureReason: "none",
    });
    expect(first.startDateTime).toBe(first.lastUpdatedDateTime);

    const states = new Set<unknown>();
    const counts: number[] = [];
    const done = await waitUntil(
      () => lastResult(valid),
      (r) => {
        states.add(r.actionState);
        counts.push(Number(r.totalLicensesCount));
        return r.actionState === "done";
      },
    );
    expect([...states]).toEqual(expect.arrayContaining(["pending", "active", "done"]));
    expect(counts.some((c) => c > 0 && c < before)).toBe(true);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(done.totalLicensesCount).toBe(before);
    expect(Number(done.failedLicensesCount)).toBeGreaterThan(0);
    expect(await licensesOf(valid)).toBe(done.failedLicensesCount);
    expect(Date.parse(String(done.lastUpdatedDateTime))).toBeGreaterThan(
      Date.parse(String(done.startDateTime)),
    );
    const recorded = sim.received().find((r) => r.method === "POST");
    expect(recorded).toMatchObject({
      path: `${tokens}/${valid}/revokeLicenses`,
      status: 204,
      body: { notifyManagedDevices: true, revokeUntrackedLicenses: false },
    });
  });

  it("refuses a second revoke while the first runs", async () => {
    expect((await revoke(valid)).status).toBe(204);
    const second = await revoke(valid);
    expect(second.status).toBe(400);
    expect(intuneMessageOf(second)).toContain("already pending or active");
  });

  it("fails an expired token's revoke with expiredVppToken and revokes nothing", async () => {
    const before = await licensesOf(expired);
    expect((await revoke(expired)).status).toBe(204);
    const failed = await waitUntil(
      () => lastResult(expired),
      (r) => r.actionState !== "pending",
    );
    expect(failed).toMatchObject({
      actionState: "failed",
      actionFailureReason: "expiredVppToken",
      totalLicensesCount: 0,
    });
    expect(await licensesOf(expired)).toBe(before);
  });

  it("fails on a token assigned to another MDM with appleFailure", async () => {
    expect((await revoke(externalMdm)).status).toBe(204);
    const failed = await waitUntil(
      () => lastResult(externalMdm),
      (r) => r.actionState !== "pending",
    );
    expect(failed).toMatchObject({ actionState: "failed", actionFailureReason: "appleFailure" });
  });

  it("validates the parameters as Graph's OData reader does", async () => {
    const cases: [unknown, string][] = [
      [
        { notifyManagedDevices: true, extra: 1 },
        "The parameter 'extra' in the request payload is not a valid parameter for the operation 'revokeLicenses'.",
      ],
      [
        { notifyManagedDevices: "yes" },
        "Cannot convert the literal 'yes' to the expected type 'Edm.Boolean'.",
      ],
      [
        { notifyManagedDevices: null },
        "A null value was found for the property named 'notifyManagedDevices'",
      ],
      [{ revokeUntrackedLicenses: true }, "The parameter 'notifyManagedDevices' is required"],
      [[], "A 'StartObject' node was expected."],
    ];
    for (const [body, message] of cases) {
      const result = await revoke(valid, body);
      expect(result.status).toBe(400);
      expect(graphErrorOf(result)).toMatchObject({ code: "BadRequest" });
      expect(graphErrorOf(result).message).toContain(message);
    }
    const noBody = await graphPost(sim, `${tokens}/${valid}/revokeLicenses`, token);
    expect(graphErrorOf(noBody).message).toBe("Empty Payload. JSON content expected.");
    const notJson = await graphPost(sim, `${tokens}/${valid}/revokeLicenses`, token, "{", {
      "content-type": "application/json",
    });
    expect(notJson.status).toBe(400);
    expect(await lastResultOrNone(valid)).toBeUndefined();
  });

  it("is beta only: v1.0 does not know the segment", async () => {
    const result = await graphPost(
      sim,
      `/v1.0/deviceAppManagement/vppTokens/${valid}/revokeLicenses`,
      token,
      { notifyManagedDevices: true },
    );
    expect(result.status).toBe(400);
    expect(graphErrorOf(result).message).toBe(
      "Resource not found for the segment 'revokeLicenses'.",
    );
  });

  it("needs DeviceManagementServiceConfig.ReadWrite.All", async () => {
    const readOnly = await sim.mintToken({
      audience: "graph",
      scopes: ["DeviceManagementServiceConfig.Read.All"],
    });
    const denied = await revoke(valid, { notifyManagedDevices: true }, readOnly);
    expect(denied.status).toBe(403);
    expect(await lastResultOrNone(valid)).toBeUndefined();
  });

  it("takes the namespace-qualified action name too", async () => {
    const result = await graphPost(
      sim,
      `${tokens}/${valid}/microsoft.graph.revokeLicenses`,
      token,
      {
        notifyManagedDevices: false,
      },
    );
    expect(result.status).toBe(204);
  });
});

async function lastResultOrNone(id: string): Promise<Result | undefined> {
  const read = await graphGet(sim, `${tokens}/${id}?$select=tokenActionResults`, token);
  return (read.body.tokenActionResults as Result[]).at(-1);
}

describe("POST vppTokens/{id}/syncLicenses", () => {
  it("returns the token inProgress, then it completes with lastSyncDateTime moved", async () => {
    const before = await graphGet(sim, `${tokens}/${valid}`, token);
    const sync = await graphPost(sim, `${tokens}/${valid}/syncLicenses`, token);
    expect(sync.status).toBe(200);
    expect(sync.body).toMatchObject({
      "@odata.context": "https://graph.microsoft.com/beta/$metadata#microsoft.graph.vppToken",
      id: valid,
      lastSyncStatus: "inProgress",
    });
    const after = await waitUntil(
      () => graphGet(sim, `${tokens}/${valid}?$select=lastSyncStatus,lastSyncDateTime`, token),
      (r) => r.body.lastSyncStatus !== "inProgress",
    );
    expect(after.body.lastSyncStatus).toBe("completed");
    expect(Date.parse(String(after.body.lastSyncDateTime))).toBeGreaterThan(
      Date.parse(String(before.body.lastSyncDateTime)),
    );
  });

  it("ends failed on an expired token, and exists on v1.0", async () => {
    const sync = await graphPost(
      sim,
      `/v1.0/deviceAppManagement/vppTokens/${expired}/syncLicenses`,
      token,
    );
    expect(sync.status).toBe(200);
    const after = await waitUntil(
      () => graphGet(sim, `${tokens}/${expired}?$select=lastSyncStatus`, token),
      (r) => r.body.lastSyncStatus !== "inProgress",
    );
    expect(after.body.lastSyncStatus).toBe("failed");
  });
});
