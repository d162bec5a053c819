import { randomUUID } from "node:crypto";
import { ActionRecordSchema, ProblemSchema, type ActionRecord } from "@ihc/contracts";
import { seededIds } from "@ihc/tenant-sim";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { postAction, readAction, waitForAction } from "../test-support/action-helpers.js";
import { startStack, type Stack } from "../test-support/start-stack.js";

const apps = seededIds.iosVppApps;
const adeleId = "a1f0e2d3-0001-4c5b-8a9d-000000000001";

/** Issue #12, "records that tell the truth": each class of what the screen once said wrongly. */
describe("action records that tell the truth", () => {
  let stack: Stack;
  let agent: string;
  let senior: string;
  beforeAll(async () => {
    stack = await startStack({ watcherTuning: { pollMs: 150, reconcileWindowMs: 2500 } });
    [agent, senior] = await Promise.all([stack.tokenFor("agent"), stack.tokenFor("senior")]);
  });
  afterAll(() => stack.close());
  afterEach(() => {
    stack.sim.clearFaults();
    stack.sim.resetTenant();
    stack.sim.clearReceived();
  });

  const graphPosts = (pathEnd: string) =>
    stack.graphCalls().filter((c) => c.method === "POST" && c.path.endsWith(pathEnd));

  describe("at most one open action per target and kind (3)", () => {
    it("sends ONE revoke when two tabs revoke the same user's license, and names the running one", async () => {
      stack.sim.setTiming({ appRevokeSeconds: 2 });
      const path = `/api/apps/${apps.slack}/revoke-user-license`;
      const body = { userId: adeleId, notifyManagedDevices: true };
      const responses = await Promise.all([
        postAction(stack, path, agent, body),
        postAction(stack, path, senior, body),
      ]);
      const statuses = responses.map((r) => r.status).sort();
      expect(statuses).toEqual([202, 409]);
      const accepted = responses.find((r) => r.status === 202);
      const refused = responses.find((r) => r.status === 409);
      const record = ActionRecordSchema.parse(await accepted?.json());
      expect(refused?.headers.get("content-type")).toContain("application/problem+json");
      const problem = ProblemSchema.parse(await refused?.json());
      expect(problem.code).toBe("conflict");
      expect(problem.runningAction).toEqual({
        id: record.id,
        kind: "app.revoke-user-license",
        actor: {
          userPrincipalName: record.actor.userPrincipalName,
          displayName: record.actor.displayName,
        },
        createdAt: record.createdAt,
      });
      expect(graphPosts("/revokeUserLicense")).toHaveLength(1);

      // A third try while the first is still followed is refused too; the first is untouched.
      const again = await postAction(stack, path, agent, body);
      expect(again.status).toBe(409);
      const first = await readAction(stack, record.id, senior);
      expect(first.state).toBe(record.state);
      const done = await waitForAction(
        stack,
        record.id,
        senior,
        (r) => r.progress?.actionState === "done",
      );
      expect(done.graph?.code).toBeUndefined();
      expect(graphPosts("/revokeUserLicense")).toHaveLength(1);
    });

    it("lets a revoke of another user's license of the same app run alongside", async () => {
      stack.sim.setTiming({ appRevokeSeconds: 2 });
      const path = `/api/apps/${apps.slack}/revoke-user-license`;
      const licenses = await stack.fetch(`/api/apps/${apps.slack}/licenses?limit=5`, {
        token: agent,
      });
      const { items } = (await licenses.json()) as { items: { userId?: string }[] };
      const other = items.map((l) => l.userId).find((id) => id !== undefined && id !== adeleId);
      expect(other).toBeDefined();
      const [a, b] = await Promise.all([
        postAction(stack, path, agent, { userId: adeleId, notifyManagedDevices: false }),
        postAction(stack, path, agent, { userId: other, notifyManagedDevices: false }),
      ]);
      expect([a.status, b.status]).toEqual([202, 202]);
    });

    it("refuses a second VPP token revoke while the first runs, and the first still ends Done", async () => {
      stack.sim.setTiming({ vppRevokeSeconds: 3 });
      const token = seededIds.vppTokens.valid;
      const list = await stack.fetch(`/api/vpp-tokens/${token}`, { token: senior });
      const { token: detail } = (await list.json()) as { token: { displayName: string } };
      const path = `/api/vpp-tokens/${token}/revoke-licenses`;
      const body = {
        notifyManagedDevices: false,
        revokeUntrackedLicenses: false,
        confirmDisplayName: detail.displayName,
      };
      const first = await postAction(stack, path, senior, body);
      expect(first.status).toBe(202);
      const record = ActionRecordSchema.parse(await first.json());
      const second = await postAction(stack, path, senior, body);
      expect(second.status).toBe(409);
      expect(ProblemSchema.parse(await second.json()).runningAction?.id).toBe(record.id);
      expect(graphPosts("/revokeLicenses")).toHaveLength(1);
      const final = await waitForAction(
        stack,
        record.id,
        senior,
        (r: ActionRecord) => r.progress?.actionState === "done",
      );
      expect(final.state).toBe("succeeded");
      // Once it is done, the token may be revoked again.
      const third = await postAction(stack, path, senior, body, randomUUID());
      expect(third.status).toBe(202);
    });
  });
});
