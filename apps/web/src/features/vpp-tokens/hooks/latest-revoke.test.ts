import type { ActionRecord, VppToken, VppTokenActionResult } from "@ihc/contracts";
import { describe, expect, it } from "vitest";
import { latestRevokeOf } from "./latest-revoke";

const result = (overrides: Partial<VppTokenActionResult>): VppTokenActionResult => ({
  actionName: "RevokeLicenses",
  actionState: "active",
  startDateTime: "2026-11-23T10:00:02Z",
  lastUpdatedDateTime: "2026-11-23T10:00:10Z",
  totalLicensesCount: 12,
  failedLicensesCount: 0,
  ...overrides,
});

const token = (results: VppTokenActionResult[]): VppToken => ({
  id: "t",
  displayName: "Contoso Business VPP",
  state: "valid",
  tokenActionResults: results,
});

const revoke = (overrides: Partial<ActionRecord> = {}): ActionRecord =>
  ({
    id: "7faebfa3-4cdd-4d92-9725-f202efdb624f",
    kind: "vpp-token.revoke-licenses",
    idempotencyKey: "aa244cd1-ac76-473a-94ab-74390b3067be",
    actor: { oid: "o", userPrincipalName: "u", displayName: "Adele Vance" },
    target: { type: "vppToken", id: "t", displayName: "Contoso Business VPP" },
    parameters: {},
    state: "succeeded",
    progress: {
      actionState: "active",
      attemptedCount: 10,
      failedCount: 0,
      totalBefore: 40,
      startDateTime: "2026-11-23T10:00:02Z",
      lastUpdatedDateTime: "2026-11-23T10:00:08Z",
    },
    createdAt: "2026-11-23T10:00:00Z",
    updatedAt: "2026-11-23T10:00:08Z",
    ...overrides,
  }) as ActionRecord;

describe("latestRevokeOf", () => {
  it("is nothing when neither the journal nor Graph knows a revoke", () => {
    expect(latestRevokeOf(token([]), [])).toBeUndefined();
  });

  it("shows Graph's result alone when the journal has no revoke we may see", () => {
    const latest = latestRevokeOf(token([result({ actionState: "done" })]), undefined);
    expect(latest?.status).toBe("done");
    expect(latest?.action).toBeUndefined();
    expect(latest?.progress.totalBefore).toBeUndefined();
  });

  it("prefers the journal's record and keeps its total", () => {
    const latest = latestRevokeOf(token([]), [revoke()]);
    expect(latest?.status).toBe("inProgress");
    expect(latest?.progress.totalBefore).toBe(40);
  });

  it("takes Graph's fresher counts for the same run", () => {
    const latest = latestRevokeOf(token([result({})]), [revoke()]);
    expect(latest?.progress.attemptedCount).toBe(12);
    expect(latest?.progress.totalBefore).toBe(40);
    expect(latest?.action?.id).toBe(revoke().id);
  });

  it("shows a newer revoke started elsewhere instead of ours", () => {
    const newer = result({ startDateTime: "2026-11-23T11:00:00Z", actionState: "pending" });
    const latest = latestRevokeOf(token([newer]), [revoke()]);
    expect(latest?.status).toBe("pending");
    expect(latest?.action).toBeUndefined();
  });

  it("says pending for a revoke Graph accepted but has not reported on", () => {
    const waiting = revoke({
      progress: { actionState: "none", attemptedCount: 0, failedCount: 0, totalBefore: 40 },
    });
    const older = result({ startDateTime: "2026-11-01T00:00:00Z", actionState: "done" });
    expect(latestRevokeOf(token([older]), [waiting])?.status).toBe("pending");
  });
});
