import { ActionRecordSchema, AppAssignmentListSchema } from "@ihc/contracts";
import { groupSeeds, seededIds } from "@ihc/tenant-sim";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postAction, waitForAction } from "../test-support/action-helpers.js";
import { startStack, type Stack } from "../test-support/start-stack.js";

/**
 * Issue #15 (3): an app assigned as Required or Available to a group re-licenses its members
 * after a revoke. The console reads the assignments, with each group's name and member count,
 * so that a revoke dialog can warn before the revoke is sent.
 */
describe("licenses come back: an app's assignments (realistic: assignmentsRelicense)", () => {
  let stack: Stack;
  let agent: string;
  beforeAll(async () => {
    stack = await startStack({
      watcherTuning: { pollMs: 100, maxPollMs: 400, reassignWatchMs: 20_000 },
    });
    // 20 minutes of Intune's re-licensing delay at 0.0005 is 0.6 s.
    stack.sim.setScenario({ assignmentsRelicense: true, timeScale: 0.0005 });
    stack.sim.setTiming({ appRevokeSeconds: 0.1 });
    agent = await stack.tokenFor("agent");
  });
  afterAll(() => stack.close());

  const assignmentsOf = async (id: string) => {
    const response = await stack.fetch(`/api/apps/${id}/assignments`, { token: agent });
    expect(response.status).toBe(200);
    return AppAssignmentListSchema.parse(await response.json());
  };

  it("names each assigned group with its member count and intent", async () => {
    const { teams } = seededIds.iosVppApps;
    const { items, truncated } = await assignmentsOf(teams);
    expect(truncated).toBe(false);
    const required = items.find((a) => a.intent === "required");
    expect(required).toMatchObject({
      target: "group",
      groupId: groupSeeds.sales.id,
      groupName: "Sales",
      givesLicensesBack: true,
    });
    expect(required?.memberCount).toBeGreaterThan(0);
    expect(items.find((a) => a.intent === "available")).toMatchObject({
      groupName: "IT Helpdesk",
      givesLicensesBack: true,
    });
    // The count is Entra ID's advanced query: only with ConsistencyLevel: eventual.
    const counts = stack.sim.received().filter((r) => r.path.endsWith("/transitiveMembers/$count"));
    expect(counts).toHaveLength(2);
  });

  it("answers an empty list for an app with no assignment, 404 for an unknown app", async () => {
    expect((await assignmentsOf(seededIds.iosVppApps.outlook)).items).toEqual([]);
    const unknown = await stack.fetch(
      "/api/apps/00000000-0000-4000-8000-000000000000/assignments",
      { token: agent },
    );
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("content-type")).toMatch(/problem\+json/);
  });

  it("shows a revoked license Intune gave back as re-assigned, not as revoked", async () => {
    const adeleId = "a1f0e2d3-0001-4c5b-8a9d-000000000001"; // in "Slack users"
    const response = await postAction(
      stack,
      `/api/apps/${seededIds.iosVppApps.slack}/revoke-user-license`,
      agent,
      { userId: adeleId, notifyManagedDevices: false },
    );
    expect(response.status).toBe(202);
    const record = ActionRecordSchema.parse(await response.json());
    const final = await waitForAction(
      stack,
      record.id,
      agent,
      (r) => r.reassignedAt !== undefined,
      15_000,
    );
    expect(final).toMatchObject({ state: "succeeded", progress: { actionState: "done" } });
    expect(Date.parse(final.reassignedAt ?? "")).toBeGreaterThanOrEqual(
      Date.parse(final.completedAt ?? ""),
    );
  });
});
