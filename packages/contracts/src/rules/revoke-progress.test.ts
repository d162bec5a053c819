import { describe, expect, it } from "vitest";
import { latestRevoke, progressFromRevokeResult, revokeCountsOf } from "./revoke-progress.js";

const result = (start: string | undefined, extra: Record<string, unknown> = {}) => ({
  actionName: "RevokeLicenses",
  actionState: "active" as const,
  startDateTime: start,
  totalLicensesCount: 0,
  failedLicensesCount: 0,
  ...extra,
});

describe("latestRevoke", () => {
  it("takes the latest start among revokes, whatever the order", () => {
    const a = result("2026-01-01T10:00:00Z");
    const b = result("2026-01-01T11:00:00Z");
    expect(latestRevoke([a, b])).toBe(b);
    expect(latestRevoke([b, a])).toBe(b);
  });

  it("ignores other action names", () => {
    const sync = result("2026-01-02T00:00:00Z", { actionName: "SyncLicenses" });
    const revoke = result("2026-01-01T00:00:00Z");
    expect(latestRevoke([sync, revoke])).toBe(revoke);
    expect(latestRevoke([sync])).toBeUndefined();
  });

  it("reads an undated result as older than every dated one, in either order", () => {
    const undated = result(undefined);
    const garbled = result("not a date");
    const dated = result("2026-01-01T00:00:00Z");
    expect(latestRevoke([undated, dated])).toBe(dated);
    expect(latestRevoke([dated, undated])).toBe(dated);
    expect(latestRevoke([garbled, dated])).toBe(dated);
    expect(latestRevoke([undated])).toBe(undated);
  });

  it("breaks a tie of starts by the last update", () => {
    const older = result("2026-01-01T00:00:00Z", { lastUpdatedDateTime: "2026-01-01T00:01:00Z" });
    const newer = result("2026-01-01T00:00:00Z", { lastUpdatedDateTime: "2026-01-01T00:02:00Z" });
    expect(latestRevoke([newer, older])).toBe(newer);
    expect(latestRevoke([older, newer])).toBe(newer);
  });
});

describe("progressFromRevokeResult", () => {
  it("maps Graph's counts and keeps what the record knew", () => {
    expect(
      progressFromRevokeResult(
        result("2026-01-01T00:00:00Z", {
          actionState: "failed",
          totalLicensesCount: 5,
          failedLicensesCount: 2,
          actionFailureReason: "appleFailure",
        }),
        { actionState: "pending", attemptedCount: 0, failedCount: 0, totalBefore: 9 },
      ),
    ).toEqual({
      actionState: "failed",
      attemptedCount: 5,
      failedCount: 2,
      totalBefore: 9,
      failureReason: "appleFailure",
      startDateTime: "2026-01-01T00:00:00Z",
    });
  });

  it("leaves out a failure reason of none", () => {
    const progress = progressFromRevokeResult(
      result("2026-01-01T00:00:00Z", { actionFailureReason: "none" }),
    );
    expect(progress).not.toHaveProperty("failureReason");
  });
});

describe("revokeCountsOf", () => {
  it("never says more attempted than out of: untracked licenses are told apart", () => {
    expect(
      revokeCountsOf({
        actionState: "done",
        attemptedCount: 134,
        failedCount: 0,
        totalBefore: 131,
      }),
    ).toEqual({ attempted: 134, total: 134, untracked: 3, failed: 0 });
  });

  it("reads N of M while running, and no total when none was known", () => {
    expect(
      revokeCountsOf({ actionState: "active", attemptedCount: 4, failedCount: 1, totalBefore: 9 }),
    ).toEqual({ attempted: 4, total: 9, untracked: 0, failed: 1 });
    expect(revokeCountsOf({ actionState: "active", attemptedCount: 4, failedCount: 9 })).toEqual({
      attempted: 4,
      total: undefined,
      untracked: 0,
      failed: 4,
    });
  });
});
