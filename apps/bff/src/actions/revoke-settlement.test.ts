import { describe, expect, it } from "vitest";
import type { StoredAction } from "./action-journal.js";
import { settleRevoke } from "./revoke-settlement.js";

const sentAt = Date.parse("2026-12-05T10:00:00Z");
const minutes = (n: number) => sentAt + n * 60_000;

const unknownRevoke = {
  id: "7faebfa3-4cdd-4d92-9725-f202efdb624f",
  kind: "app.revoke-user-license",
  idempotencyKey: "aa244cd1-ac76-473a-94ab-74390b3067be",
  requestHash: "h",
  actor: { oid: "o", userPrincipalName: "u", displayName: "d" },
  target: { type: "app", id: "a", displayName: "Slack" },
  parameters: { userId: "u1" },
  state: "unknown",
  createdAt: new Date(sentAt).toISOString(),
  updatedAt: new Date(sentAt).toISOString(),
  sentAt: new Date(sentAt).toISOString(),
} as unknown as StoredAction;

const options = { reconcileWindowMs: 30 * 60_000, clockSkewMs: 60_000 };

describe("settleRevoke: an unknown outcome over a window that fits Intune", () => {
  it("leaves a lost answer 'not visible yet' within the window, and notApplied only after it", () => {
    // Ten minutes without a trace is Intune being slow, not proof the revoke did not happen.
    expect(settleRevoke(unknownRevoke, [], { ...options, now: minutes(10) })).toBeUndefined();
    expect(settleRevoke(unknownRevoke, [], { ...options, now: minutes(31) })).toMatchObject({
      patch: { state: "failed", graph: { code: "notApplied" } },
      done: true,
    });
  });

  it("follows a license seen gone, and records it re-assigned when Intune gives it back", () => {
    const gone = settleRevoke(unknownRevoke, [], {
      ...options,
      now: minutes(5),
      licenseGone: true,
      reassignWatchMs: 30 * 60_000,
    });
    expect(gone).toMatchObject({ patch: { state: "succeeded" }, done: false });
    const revoked = { ...unknownRevoke, ...gone?.patch };
    expect(revoked.licenseGoneAt).toBe(revoked.completedAt);
    const back = settleRevoke(revoked, [], {
      ...options,
      now: minutes(20),
      licensePresent: true,
      reassignWatchMs: 30 * 60_000,
    });
    expect(back).toEqual({
      patch: { reassignedAt: new Date(minutes(20)).toISOString() },
      done: true,
    });
    // Still gone after the watch: the revoke stands, the watch ends.
    expect(
      settleRevoke(revoked, [], { ...options, now: minutes(40), reassignWatchMs: 30 * 60_000 }),
    ).toEqual({ patch: {}, done: true });
  });
});
