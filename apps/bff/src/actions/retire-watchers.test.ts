import type { BulkItem } from "@ihc/contracts";
import { describe, expect, it } from "vitest";
import type { StoredAction } from "./action-journal.js";
import { settleRetire, type RetireSnapshot } from "./retire-watchers.js";

const sentAt = Date.parse("2026-11-23T10:00:00Z");
const options = { now: sentAt + 5_000, reconcileWindowMs: 60_000, clockSkewMs: 10_000 };

const item = (id: string, managementState: string, state: BulkItem["state"]): BulkItem => ({
  key: `device:${id}`,
  kind: "device",
  id,
  label: `Device ${id}`,
  state,
  managementState,
});

const record = (state: StoredAction["state"], items: BulkItem[]): StoredAction => ({
  id: "00000000-0000-4000-8000-000000000001",
  kind: "user.retire-all-devices",
  idempotencyKey: "00000000-0000-4000-8000-000000000002",
  actor: { oid: "a", userPrincipalName: "a@x", displayName: "A" },
  target: { type: "user", id: "u", displayName: "U" },
  parameters: { userPrincipalName: "u@x" },
  state,
  graph: { clientRequestId: "c" },
  items,
  createdAt: new Date(sentAt).toISOString(),
  updatedAt: new Date(sentAt).toISOString(),
  sentAt: new Date(sentAt).toISOString(),
  requestHash: "h",
});

const snapshot = (entries: [string, string, string?][]): RetireSnapshot =>
  new Map(
    entries.map(([id, managementState, retireStartedAt]) => [
      id,
      { managementState, retireStartedAt },
    ]),
  );

describe("settleRetire", () => {
  it("moves each device: retirePending carries its state, gone is succeeded, retireFailed failed", () => {
    const action = record("succeeded", [
      item("a", "managed", "sent"),
      item("b", "managed", "sent"),
      item("c", "managed", "sent"),
    ]);
    const settled = settleRetire(
      action,
      snapshot([
        ["a", "retirePending"],
        ["c", "retireFailed"],
      ]),
      options,
    );
    expect(settled?.done).toBe(false);
    expect(settled?.patch.items?.map((i) => [i.id, i.state, i.managementState])).toEqual([
      ["a", "sent", "retirePending"],
      ["b", "succeeded", undefined],
      ["c", "failed", "retireFailed"],
    ]);
    expect(settled?.patch.progress).toMatchObject({
      actionState: "active",
      attemptedCount: 2,
      failedCount: 1,
      totalBefore: 3,
    });
  });

  it("settles a device Intune shows retireCanceled as failed: it stays managed, as the SPA says", () => {
    const action = record("succeeded", [item("a", "managed", "sent")]);
    const settled = settleRetire(action, snapshot([["a", "retireCanceled"]]), options);
    expect(settled?.patch.items?.map((i) => [i.id, i.state, i.managementState])).toEqual([
      ["a", "failed", "retireCanceled"],
    ]);
  });

  it("does not take a device that was already being retired as evidence for an unknown call", () => {
    const action = record("unknown", [
      item("a", "retirePending", "unknown"),
      item("b", "managed", "unknown"),
    ]);
    const before = settleRetire(
      action,
      snapshot([
        ["a", "retirePending", "2026-11-23T09:00:00Z"],
        ["b", "managed"],
      ]),
      options,
    );
    expect(before?.patch.state).toBe("unknown");
    // Later, the device that was managed starts retiring: the call happened.
    const after = settleRetire(
      action,
      snapshot([
        ["a", "retirePending", "2026-11-23T09:00:00Z"],
        ["b", "retirePending", "2026-11-23T10:00:01Z"],
      ]),
      options,
    );
    expect(after?.patch.state).toBe("succeeded");
    expect(after?.patch.items?.map((i) => i.state)).toEqual(["sent", "sent"]);
  });

  it("fails an unknown call with no evidence after the reconcile window (notApplied)", () => {
    const action = record("unknown", [item("a", "managed", "unknown")]);
    const settled = settleRetire(action, snapshot([["a", "managed"]]), {
      ...options,
      now: sentAt + 61_000,
    });
    expect(settled?.done).toBe(true);
    expect(settled?.patch.state).toBe("failed");
    expect(settled?.patch.graph?.code).toBe("notApplied");
    expect(settled?.patch.items?.[0]?.state).toBe("failed");
    expect(settled?.patch.progress?.actionState).toBe("failed");
  });

  it("is final once every device is, and says nothing when nothing changed", () => {
    const action = record("succeeded", [item("a", "retirePending", "sent")]);
    const first = settleRetire(action, snapshot([["a", "retirePending"]]), options);
    expect(first?.patch.progress?.actionState).toBe("active");
    const seen: StoredAction = { ...action, ...first?.patch };
    expect(settleRetire(seen, snapshot([["a", "retirePending"]]), options)).toBeUndefined();
    const done = settleRetire(action, snapshot([]), options);
    expect(done?.done).toBe(true);
    expect(done?.patch.completedAt).toBeDefined();
    expect(done?.patch.progress?.actionState).toBe("done");
  });
});
