import { randomUUID } from "node:crypto";
import { ActionRecordSchema, AssignedLicenseListSchema } from "@ihc/contracts";
import { seededIds } from "@ihc/tenant-sim";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postAction, waitForAction } from "../test-support/action-helpers.js";
import { startStack, type Stack } from "../test-support/start-stack.js";

/**
 * Issue #15: a watch costs O(1) Graph requests per poll. A single-license revoke is followed by
 * the app's revoke results and one probe of that license (one page, filtered on its subject),
 * never by the app's whole license list, even where Intune ignores the probe's `$filter`.
 */
describe("the cost of watching a single-license revoke (realistic: realTimings, ignoredQueryOptions)", () => {
  let stack: Stack;
  let agent: string;
  const app = seededIds.iosVppApps.eduExplainEverything;
  beforeAll(async () => {
    stack = await startStack();
    // Intune's app revoke runs for 3 minutes: the watch polls all along.
    stack.sim.setScenario({ realTimings: true, timeScale: 1, ignoredQueryOptions: true });
    agent = await stack.tokenFor("agent");
  });
  afterAll(() => stack.close());

  it("reads one page of licenses per poll, never the whole list, and claims nothing from it", async () => {
    const licenses = AssignedLicenseListSchema.parse(
      await (await stack.fetch(`/api/apps/${app}/licenses?limit=200`, { token: agent })).json(),
    ).items;
    expect(licenses.length).toBeGreaterThan(50);
    const device = licenses.find((l) => l.kind === "device")?.managedDeviceId;
    if (device === undefined) throw new Error("a device license");
    const sent = await postAction(
      stack,
      `/api/apps/${app}/revoke-device-license`,
      agent,
      { managedDeviceId: device, notifyManagedDevices: false },
      randomUUID(),
    );
    expect(sent.status).toBe(202);
    const record = ActionRecordSchema.parse(await sent.json());
    const from = stack.graphCalls().length;
    await waitForAction(stack, record.id, agent, (r) => r.lastCheckedAt !== undefined);
    await new Promise((resolve) => setTimeout(resolve, 1500));

    const reads = stack
      .graphCalls()
      .slice(from)
      .filter((call) => call.method === "GET" && call.path.includes(app));
    const licenseReads = reads.filter((call) => call.path.endsWith("/assignedLicenses"));
    const resultReads = reads.length - licenseReads.length;
    expect(licenseReads.length).toBeGreaterThan(0);
    // One probe per poll: as many license reads as result reads, each one page of at most 50.
    expect(licenseReads.length).toBeLessThanOrEqual(resultReads);
    for (const call of licenseReads) {
      expect(call.query.$skiptoken).toBeUndefined();
      expect(Number(call.query.$top)).toBeLessThanOrEqual(50);
    }
    // Intune ignored the filter, so the page proves nothing: the revoke is still followed by
    // its result (running for minutes), not settled from a page that did not list the license.
    const now = ActionRecordSchema.parse(
      await (await stack.fetch(`/api/actions/${record.id}`, { token: agent })).json(),
    );
    expect(now.completedAt).toBeUndefined();
    expect(now.state).toBe("succeeded");
  });
});
