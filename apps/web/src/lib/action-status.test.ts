import type { ActionRecord } from "@ihc/contracts";
import { describe, expect, it } from "vitest";
import { latestRevoke, progressFromRevokeResult } from "@ihc/contracts";
import { actionStatusOf, isFinal } from "./action-status";

const record = (overrides: Partial<ActionRecord>): ActionRecord =>
  ({
    id: "7faebfa3-4cdd-4d92-9725-f202efdb624f",
    kind: "vpp-token.revoke-licenses",
    idempotencyKey: "aa244cd1-ac76-473a-94ab-74390b3067be",
    actor: { oid: "o", userPrincipalName: "u", displayName: "d" },
    target: { type: "vppToken", id: "t", displayName: "T" },
    parameters: {},
    state: "succeeded",
    createdAt: "2026-11-23T10:00:00Z",
    updatedAt: "2026-11-23T10:00:00Z",
    ...overrides,
  }) as ActionRecord;

const progress = (actionState: NonNullable<ActionRecord["progress"]>["actionState"]) => ({
  actionState,
  attemptedCount: 0,
  failedCount: 0,
});

describe("actionStatusOf", () => {
  it("says a revoked license Intune gave back is re-assigned, not done", () => {
    const revoked = record({
      kind: "app.revoke-user-license",
      progress: { ...progress("done"), attemptedCount: 1 },
      completedAt: "2026-11-23T10:01:00Z",
    });
    expect(actionStatusOf(revoked)).toBe("done");
    const back = { ...revoked, reassignedAt: "2026-11-23T10:21:00Z" };
    expect(actionStatusOf(back)).toBe("reassigned");
    expect(isFinal("reassigned")).toBe(true);
  });

  it("follows the Graph call until Graph reports progress", () => {
    expect(actionStatusOf(record({ state: "accepted", progress: progress("none") }))).toBe(
      "recorded",
    );
    expect(actionStatusOf(record({ state: "sent", progress: progress("none") }))).toBe("sending");
    expect(actionStatusOf(record({ state: "succeeded", progress: progress("none") }))).toBe(
      "pending",
    );
    expect(actionStatusOf(record({ state: "unknown", progress: progress("none") }))).toBe(
      "unconfirmed",
    );
    expect(actionStatusOf(record({ state: "succeeded" }))).toBe("succeeded");
  });

  it("then follows Graph's progress", () => {
    expect(actionStatusOf(record({ progress: progress("pending") }))).toBe("pending");
    expect(actionStatusOf(record({ progress: progress("active") }))).toBe("inProgress");
    expect(actionStatusOf(record({ progress: progress("done") }))).toBe("done");
    expect(actionStatusOf(record({ progress: progress("failed") }))).toBe("failed");
  });

  it("says a refused call failed whatever the progress, and a lost watch plainly", () => {
    expect(actionStatusOf(record({ state: "failed", progress: progress("none") }))).toBe("refused");
    expect(
      actionStatusOf(record({ progress: { ...progress("active"), watchTimedOut: true } })),
    ).toBe("unwatched");
    expect(isFinal("unwatched")).toBe(true);
    expect(isFinal("inProgress")).toBe(false);
  });
});

describe("VPP results", () => {
  it("picks the newest revoke and maps it to progress", () => {
    const results = [
      {
        actionName: "RevokeLicenses",
        actionState: "done" as const,
        startDateTime: "2026-11-20T00:00:00Z",
        totalLicensesCount: 5,
        failedLicensesCount: 0,
      },
      {
        actionName: "RevokeLicenses",
        actionState: "failed" as const,
        startDateTime: "2026-11-22T00:00:00Z",
        totalLicensesCount: 0,
        failedLicensesCount: 0,
        actionFailureReason: "expiredVppToken" as const,
      },
      {
        actionName: "SyncLicenses",
        actionState: "done" as const,
        startDateTime: "2026-11-23T00:00:00Z",
        totalLicensesCount: 0,
        failedLicensesCount: 0,
      },
    ];
    const latest = latestRevoke(results);
    expect(latest?.startDateTime).toBe("2026-11-22T00:00:00Z");
    expect(latest && progressFromRevokeResult(latest)).toEqual({
      actionState: "failed",
      attemptedCount: 0,
      failedCount: 0,
      failureReason: "expiredVppToken",
      startDateTime: "2026-11-22T00:00:00Z",
    });
  });
});
