import { ActionRecordSchema, type ActionRecord } from "@ihc/contracts";
import { seededIds } from "@ihc/tenant-sim";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { postAction, waitForAction } from "../test-support/action-helpers.js";
import { startStack, type Stack } from "../test-support/start-stack.js";

/**
 * Issue #15 (6): `actionName` is undocumented and tenants report other values
 * (`RevokeLicenseForUser`, `RevokeAllAppLicenses`, …). A revoke's progress is still matched to
 * its record, by what the result carries and when it started, not by its name.
 */
describe("other actionName values (realistic: otherActionNames)", () => {
  let stack: Stack;
  let agent: string;
  const adeleId = "a1f0e2d3-0001-4c5b-8a9d-000000000001";
  beforeAll(async () => {
    stack = await startStack({ watcherTuning: { pollMs: 150, reconcileWindowMs: 2500 } });
    stack.sim.setScenario({ otherActionNames: true });
    stack.sim.setTiming({ appRevokeSeconds: 0.5, appRevokeAllSeconds: 1, vppRevokeSeconds: 1 });
    agent = await stack.tokenFor("agent");
  });
  afterAll(() => stack.close());
  afterEach(() => {
    stack.sim.resetTenant();
  });

  const done = (r: ActionRecord) =>
    r.state === "failed" ||
    r.progress?.actionState === "done" ||
    r.progress?.actionState === "failed";

  const runToEnd = async (path: string, body: unknown) => {
    const response = await postAction(stack, path, agent, body);
    expect(response.status).toBe(202);
    const record = ActionRecordSchema.parse(await response.json());
    return waitForAction(stack, record.id, agent, done, 8_000);
  };

  it("follows a user license revoke reported as RevokeLicenseForUser", async () => {
    const final = await runToEnd(`/api/apps/${seededIds.iosVppApps.slack}/revoke-user-license`, {
      userId: adeleId,
      notifyManagedDevices: false,
    });
    expect(final.progress).toMatchObject({ actionState: "done", attemptedCount: 1 });
    // Graph's own result was matched (not only the license seen gone): it carries its start.
    expect(final.progress?.startDateTime).toBeDefined();
    expect(stack.sim.received().some((c) => c.path.endsWith("/revokeUserLicense"))).toBe(true);
  });

  it("follows a revoke of all an app's licenses reported as RevokeAllAppLicenses", async () => {
    const final = await runToEnd(`/api/apps/${seededIds.iosVppApps.slack}/revoke-all-licenses`, {
      notifyManagedDevices: false,
      confirmDisplayName: "Slack",
    });
    expect(final.progress?.actionState).toBe("done");
    expect(final.progress?.attemptedCount).toBeGreaterThan(0);
  });
});
