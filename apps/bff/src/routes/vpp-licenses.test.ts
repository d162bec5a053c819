import {
  ReclaimableLicenseReportSchema,
  type ReclaimableLicense,
  type ReclaimableLicenseReport,
} from "@ihc/contracts";
import { iosVppAppSeeds, reclaimSeeds, seededIds } from "@ihc/tenant-sim";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { postAction, waitForAction } from "../test-support/action-helpers.js";
import { startStack, type Stack } from "../test-support/start-stack.js";
import { routeGraphCosts } from "./route-graph-costs.js";

const PRIYA = "priya.eriksson@contoso-sim.onmicrosoft.com";
const PATH = "/api/vpp-licenses/reclaimable";

const licensesOf = (report: ReclaimableLicenseReport, appId: string): ReclaimableLicense[] =>
  report.tokens.flatMap((t) => t.apps.filter((a) => a.appId === appId).flatMap((a) => a.licenses));

const allLicenses = (report: ReclaimableLicenseReport): ReclaimableLicense[] =>
  report.tokens.flatMap((t) => t.apps.flatMap((a) => a.licenses));

/** Graph's count: each sub-request of a $batch, not the envelope. */
const graphCallsIn = (stack: Stack): number =>
  stack.graphCalls().filter((call) => !call.path.endsWith("/$batch")).length;

describe("GET /api/vpp-licenses/reclaimable (issue #18, 3)", () => {
  let stack: Stack;
  let agent: string;
  let auditor: string;
  let norole: string;
  beforeAll(async () => {
    stack = await startStack({ env: { VIEW_CACHE_SECONDS: "0" } });
    [agent, auditor, norole] = await Promise.all([
      stack.tokenFor("agent"),
      stack.tokenFor("auditor"),
      stack.tokenFor("norole"),
    ]);
  });
  afterAll(() => stack.close());
  afterEach(() => {
    stack.sim.resetTenant();
    stack.sim.clearReceived();
  });

  const report = async (token: string): Promise<ReclaimableLicenseReport> => {
    const response = await stack.fetch(PATH, { token });
    expect(response.status).toBe(200);
    return ReclaimableLicenseReportSchema.parse(await response.json());
  };

  it("lists the licenses of disabled and deleted users and of devices that left Intune, by token and app", async () => {
    stack.sim.clearReceived();
    const body = await report(agent);

    // Deleted: Kai is in no directory read, yet holds UK Outlook and UK Excel licenses.
    const deleted = allLicenses(body).filter((l) => l.userId === reclaimSeeds.deletedUser.id);
    expect(deleted.map((l) => l.reasons)).toEqual([["userDeleted"], ["userDeleted"]]);
    // Unmanaged: the returned iPad's device license on UK Outlook.
    expect(licensesOf(body, iosVppAppSeeds.ukOutlook.id)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: "device",
          managedDeviceId: reclaimSeeds.unmanagedDevice.id,
          deviceName: reclaimSeeds.unmanagedDevice.deviceName,
          reasons: ["deviceUnmanaged"],
        }),
      ]),
    );
    // Disabled: Priya Eriksson (accountEnabled false in the seed) and her nine licenses.
    const priya = allLicenses(body).filter((l) => l.userPrincipalName === PRIYA);
    expect(priya).toHaveLength(9);
    expect(priya.every((l) => l.reasons.includes("userDisabled"))).toBe(true);
    // A normal license is not listed: the agent's own (enabled, in the directory).
    expect(allLicenses(body).some((l) => l.userPrincipalName?.startsWith("adele.vance"))).toBe(
      false,
    );
    expect(allLicenses(body)).toHaveLength(9 + 2 + 1);

    // Grouped by token, with the count per token; the UK token holds Kai's and the iPad's.
    const uk = body.tokens.find((t) => t.vppTokenId === seededIds.vppTokens.expiringSoon);
    expect(uk?.vppTokenDisplayName).toBe("Contoso UK Retail VPP");
    expect(uk?.reclaimableCount).toBe(uk?.apps.reduce((sum, app) => sum + app.licenses.length, 0));
    for (const token of body.tokens) {
      expect(token.reclaimableCount).toBe(token.apps.reduce((n, a) => n + a.licenses.length, 0));
    }
    expect(body.appsScanned).toBe(20);

    // Within the declared Graph cost: no read per license or per device.
    const calls = graphCallsIn(stack);
    expect(calls).toBe(26); // 1 app list + 20 license reads + 4 user reads + 1 device-id read
    expect(calls).toBeGreaterThan(0);
    expect(calls).toBeLessThanOrEqual(routeGraphCosts.reclaimableLicenses);
    const users = stack.graphCalls().filter((c) => c.path.endsWith("/v1.0/users"));
    expect(users.length).toBeLessThanOrEqual(4);
  });

  it("is readable by the auditor, who still cannot revoke what it lists", async () => {
    const body = await report(auditor);
    expect(allLicenses(body)).toHaveLength(12);
    const refused = await postAction(
      stack,
      `/api/apps/${iosVppAppSeeds.ukExcel.id}/revoke-licenses`,
      auditor,
      {
        notifyManagedDevices: false,
        licenses: [{ kind: "user", userId: reclaimSeeds.deletedUser.id }],
      },
    );
    expect(refused.status).toBe(403);
    const writes = stack
      .graphCalls()
      .filter((c) => c.method === "POST" && !c.path.endsWith("/$batch"));
    expect(writes).toEqual([]);
  });

  it("refuses a caller without Console.Read, before any Graph call", async () => {
    stack.sim.clearReceived();
    const response = await stack.fetch(PATH, { token: norole });
    expect(response.status).toBe(403);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    expect(stack.graphCalls()).toEqual([]);
  });

  it("drops a license once the agent's bulk revoke of it has run", async () => {
    stack.sim.setTiming({ appRevokeSeconds: 0 });
    const accepted = await postAction(
      stack,
      `/api/apps/${iosVppAppSeeds.ukExcel.id}/revoke-licenses`,
      agent,
      {
        notifyManagedDevices: false,
        licenses: [{ kind: "user", userId: reclaimSeeds.deletedUser.id }],
      },
    );
    expect(accepted.status).toBe(202);
    const { id } = (await accepted.json()) as { id: string };
    await waitForAction(stack, id, agent, (r) => r.state === "succeeded");
    const posts = stack.graphCalls().filter((c) => /revokeUserLicense$/.test(c.path));
    expect(posts).toHaveLength(1);
    const after = await report(agent);
    const kai = licensesOf(after, iosVppAppSeeds.ukExcel.id).filter(
      (l) => l.userId === reclaimSeeds.deletedUser.id,
    );
    expect(kai).toEqual([]);
    expect(allLicenses(after)).toHaveLength(11);
  });
});
