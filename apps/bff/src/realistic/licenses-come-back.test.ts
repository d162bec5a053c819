import { AppAssignmentListSchema } from "@ihc/contracts";
import { groupSeeds, seededIds } from "@ihc/tenant-sim";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
    stack = await startStack();
    stack.sim.setScenario({ assignmentsRelicense: true });
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
});
