import { ActionListSchema, ActionRecordSchema, type ActionRecord } from "@ihc/contracts";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  postAction,
  readAction,
  tokenInState,
  waitForAction,
  waitForNoOpenAction,
} from "../test-support/action-helpers.js";
import { startStack, type Stack } from "../test-support/start-stack.js";

const revokeBody = (confirmDisplayName: string) => ({
  notifyManagedDevices: true,
  revokeUntrackedLicenses: false,
  confirmDisplayName,
});

/**
 * Records that explain a wait (issue #12, 5): a record held back by Graph's 429 says so and
 * until when, and a record whose outcome is being checked says when it was last checked. Both
 * read as the SPA reads them, over HTTP from the BFF against the simulator.
 */
describe("records say why they wait and when they were last checked", () => {
  let stack: Stack;
  let agent: string;
  beforeAll(async () => {
    stack = await startStack({ watcherTuning: { pollMs: 150, reconcileWindowMs: 1500 } });
    stack.sim.setTiming({ vppRevokeSeconds: 2 });
    agent = await stack.tokenFor("agent");
  });
  afterAll(() => stack.close());
  afterEach(async () => {
    stack.sim.clearFaults();
    await waitForNoOpenAction(stack);
    stack.sim.clearReceived();
  });

  /** The newest record about this target, read from the journal as the SPA reads it. */
  const newestAbout = async (targetId: string): Promise<ActionRecord | undefined> => {
    const response = await stack.fetch(`/api/actions?targetId=${targetId}&limit=1`, {
      token: agent,
    });
    return ActionListSchema.parse(await response.json()).items[0];
  };

  it("shows `waiting: throttled` with a future `until` while a 429 holds the revoke back, and drops it once sent", async () => {
    const valid = await tokenInState(stack, agent, "valid");
    stack.sim.setFaults([
      {
        method: "POST",
        path: "/revokeLicenses$",
        kind: "throttle",
        retryAfterSeconds: 3,
        times: 1,
      },
    ]);
    const before = await newestAbout(valid.id);
    const answer = postAction(
      stack,
      `/api/vpp-tokens/${valid.id}/revoke-licenses`,
      agent,
      revokeBody(valid.displayName),
    );
    // While the POST is held back by Graph's Retry-After, the record says so.
    let waiting: ActionRecord | undefined;
    const deadline = Date.now() + 2_500;
    while (waiting === undefined && Date.now() < deadline) {
      const newest = await newestAbout(valid.id);
      if (newest !== undefined && newest.id !== before?.id && newest.waiting !== undefined) {
        waiting = await readAction(stack, newest.id, agent);
      } else {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    expect(waiting?.waiting?.reason).toBe("throttled");
    expect(Date.parse(waiting?.waiting?.until ?? "")).toBeGreaterThan(Date.now());

    const record = ActionRecordSchema.parse(await (await answer).json());
    expect(record.id).toBe(waiting?.id);
    expect(record.state).toBe("succeeded");
    expect(record.waiting).toBeUndefined();
    expect((await readAction(stack, record.id, agent)).waiting).toBeUndefined();
  });

  it("shows `lastCheckedAt` on an unknown outcome while it is settled, and after", async () => {
    const valid = await tokenInState(stack, agent, "valid");
    stack.sim.setFaults([
      { method: "POST", path: "/revokeLicenses$", kind: "status", status: 503, times: 1 },
    ]);
    const response = await postAction(
      stack,
      `/api/vpp-tokens/${valid.id}/revoke-licenses`,
      agent,
      revokeBody(valid.displayName),
    );
    const record = ActionRecordSchema.parse(await response.json());
    expect(record.state).toBe("unknown");
    const sentAt = Date.parse(record.sentAt ?? "");
    const checked = await waitForAction(
      stack,
      record.id,
      agent,
      (r) => r.lastCheckedAt !== undefined,
    );
    expect(Date.parse(checked.lastCheckedAt ?? "")).toBeGreaterThanOrEqual(sentAt);
    const settled = await waitForAction(stack, record.id, agent, (r) => r.state !== "unknown");
    expect(settled.graph?.code).toBe("notApplied");
    expect(settled.lastCheckedAt).toBeDefined();
  });
});
