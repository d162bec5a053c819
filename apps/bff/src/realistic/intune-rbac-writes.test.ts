import { randomUUID } from "node:crypto";
import { ActionRecordSchema, INTUNE_ROLE_MISSING, ProblemSchema } from "@ihc/contracts";
import { seededIds } from "@ihc/tenant-sim";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postAction } from "../test-support/action-helpers.js";
import { startStack, type Stack } from "../test-support/start-stack.js";

/**
 * Issue #15 (1): a Graph write Intune refuses for a missing Intune role (the reads before it
 * passed) ends as the `intuneRoleMissing` problem, and the action record says so truthfully:
 * failed, with Intune's refusal, not a generic failure.
 */
describe("a write Intune refuses for a missing role (realistic: intuneRbac, intuneReadOnly)", () => {
  let stack: Stack;
  let agent: string;
  beforeAll(async () => {
    stack = await startStack();
    stack.sim.setScenario({ intuneRbac: true, intuneReadOnly: true });
    agent = await stack.tokenFor("agent");
  });
  afterAll(() => stack.close());

  it("revoke-all-licenses answers 403 intuneRoleMissing naming Mobile apps: Update", async () => {
    const response = await postAction(
      stack,
      `/api/apps/${seededIds.iosVppApps.slack}/revoke-all-licenses`,
      agent,
      { notifyManagedDevices: false, confirmDisplayName: "Slack" },
      randomUUID(),
    );
    expect(response.status).toBe(403);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    const problem = ProblemSchema.parse(await response.json());
    expect(problem).toMatchObject({
      code: INTUNE_ROLE_MISSING,
      intunePermission: "mobileApps.update",
    });
    expect(problem.detail).toContain('"Mobile apps: Update"');

    const posts = stack.graphCalls().filter((c) => c.method === "POST");
    expect(posts.map((c) => c.status)).toEqual([403]);
    const listed = (await (await stack.fetch("/api/actions", { token: agent })).json()) as {
      items: unknown[];
    };
    const [record] = listed.items.map((item) => ActionRecordSchema.parse(item));
    expect(record?.state).toBe("failed");
    expect(record?.graph).toMatchObject({ status: 403, code: INTUNE_ROLE_MISSING });
    expect(record?.completedAt).toBeDefined();
  });
});
