import type { ActionRecord, IosVppApp } from "@ihc/contracts";
import { isSettled } from "../../../lib/action-records";
import { hasRunningRevoke } from "../api/get-app";

/**
 * After a revoke, Intune drops the license from `assignedLicenses` when the revoke finishes but
 * counts it in `usedLicenseCount` for a while longer (up to about 10 minutes, as admins report:
 * "license counts refresh with the next sync"). The page reads the count again until it shows
 * the revokes or this long has passed since they finished (ADR 0035).
 */
export const countFollowUp = {
  firstDelayMs: 2_000,
  maxDelayMs: 60_000,
  boundMs: 15 * 60_000,
} as const;

/** The wait before the n-th re-read (0-based): 2 s, 4 s, 8 s… at most a minute. */
export function countReadDelayMs(attempt: number): number {
  return Math.min(countFollowUp.firstDelayMs * 2 ** attempt, countFollowUp.maxDelayMs);
}

/**
 * Revokes sent from this page and the count the agent saw when confirming the first of them (a
 * revoke sent while earlier ones are not counted yet joins them: the count it saw was stale).
 */
export interface CountFollowUp {
  actionIds: readonly string[];
  baseline: number;
}

/**
 * Follows one more accepted revoke. The first sets the baseline: `seenCount`, the count the agent
 * saw when they opened the dialog — not the count when the 202 is read, which may already have
 * dropped (the revoke's events and a re-read can come first), leaving a baseline the count
 * never falls below. A revoke sent while earlier ones are not counted yet joins them and their
 * baseline; the same action again (a second answer for one key) changes nothing.
 */
export function followRevoke(
  current: CountFollowUp | undefined,
  actionId: string,
  seenCount: number,
): CountFollowUp {
  if (current === undefined) return { actionIds: [actionId], baseline: seenCount };
  if (current.actionIds.includes(actionId)) return current;
  return { ...current, actionIds: [...current.actionIds, actionId] };
}

/**
 * - `none`: nothing to follow (no revoke, or the count shows what the revokes took);
 * - `running`: a revoke is still running (its own progress says so, the app is polled);
 * - `lagging`: the revokes are over and the count does not show them yet.
 */
export type CountPhase = "none" | "running" | "lagging";

/**
 * How many licenses a settled record took for good: a bulk run's succeeded items (even when
 * others failed), none for a refused call or for a license Intune gave back (an assignment), a
 * revoke's licenses attempted less those that failed (a single license when Graph reports none).
 */
export function licensesTakenBy(record: ActionRecord): number {
  if (record.reassignedAt !== undefined) return 0;
  // A bulk run with any item failed is `failed` as a whole: its succeeded items still went.
  if (record.itemCounts !== undefined) return record.itemCounts.succeeded;
  if (record.state === "failed") return 0;
  const progress = record.progress;
  if (progress === undefined || progress.attemptedCount === 0) {
    return record.kind === "app.revoke-all-licenses" ? 0 : 1;
  }
  return Math.max(progress.attemptedCount - progress.failedCount, 0);
}

export function countPhaseOf(
  app: IosVppApp,
  follow: CountFollowUp | undefined,
  records: readonly ActionRecord[],
): CountPhase {
  if (follow === undefined) return "none";
  let taken = 0;
  for (const id of follow.actionIds) {
    const record = records.find((action) => action.id === id);
    // The 202's record is in the cache before the dialog closes; a record not there yet is new.
    if (record === undefined || !isSettled(record)) return "running";
    taken += licensesTakenBy(record);
  }
  if (app.usedLicenseCount <= follow.baseline - taken) return "none";
  return hasRunningRevoke(app) ? "running" : "lagging";
}
