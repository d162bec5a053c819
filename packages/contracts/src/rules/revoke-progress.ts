import type { ActionProgress } from "../actions.js";
import type { VppTokenActionResult } from "../vpp-tokens.js";

/** The fields a revoke's result has on a VPP token and on an iOS VPP app alike (Graph S5). */
export type RevokeResultFields = Pick<
  VppTokenActionResult,
  | "actionName"
  | "actionState"
  | "startDateTime"
  | "lastUpdatedDateTime"
  | "totalLicensesCount"
  | "failedLicensesCount"
  | "actionFailureReason"
  | "unrecognized"
>;

const REVOKE_ACTION = /revoke/i;

// A result without a readable start is older than every dated one.
const time = (value: string | undefined): number => {
  const parsed = value === undefined ? Number.NaN : Date.parse(value);
  return Number.isNaN(parsed) ? Number.NEGATIVE_INFINITY : parsed;
};

/**
 * The most recent revoke among a target's action results (Graph lists them in no promised
 * order, and keeps other action names beside them): the latest start wins; of two that started
 * together, the one updated last; an undated result only when none is dated.
 */
export function latestRevoke<R extends RevokeResultFields>(results: readonly R[]): R | undefined {
  let latest: R | undefined;
  for (const result of results) {
    if (!REVOKE_ACTION.test(result.actionName)) continue;
    if (latest === undefined) {
      latest = result;
      continue;
    }
    const started = time(result.startDateTime) - time(latest.startDateTime);
    if (
      started > 0 ||
      (started === 0 || Number.isNaN(started)
        ? time(result.lastUpdatedDateTime) > time(latest.lastUpdatedDateTime)
        : false)
    ) {
      latest = result;
    }
  }
  return latest;
}

/** Graph's report of a revoke in the journal's terms, over what the record already knew. */
export function progressFromRevokeResult(
  result: RevokeResultFields,
  previous?: ActionProgress,
): ActionProgress {
  return {
    ...(previous ?? {}),
    actionState: result.actionState,
    attemptedCount: result.totalLicensesCount,
    failedCount: result.failedLicensesCount,
    ...(result.actionFailureReason && result.actionFailureReason !== "none"
      ? { failureReason: result.actionFailureReason }
      : {}),
    ...(result.startDateTime ? { startDateTime: result.startDateTime } : {}),
    ...(result.lastUpdatedDateTime ? { lastUpdatedDateTime: result.lastUpdatedDateTime } : {}),
    // What Graph said that we could not name (a new state or reason) goes with the progress.
    unrecognized: result.unrecognized,
  };
}

/** The counts an agent reads of a revoke, so that they add up. */
export interface RevokeCounts {
  /** Licenses attempted so far. */
  attempted: number;
  /** What "N of M" is out of: the licenses in use before, or more if Intune attempted more. */
  total: number | undefined;
  /**
   * Attempted beyond the licenses the console saw in use: Graph's `totalLicensesCount` also
   * counts untracked licenses (revokeUntrackedLicenses), so "134 of 131" is told as "134 of
   * 134, 3 untracked".
   */
  untracked: number;
  failed: number;
}

export function revokeCountsOf(progress: ActionProgress): RevokeCounts {
  const attempted = Math.max(0, progress.attemptedCount);
  const before = progress.totalBefore;
  const untracked = before === undefined ? 0 : Math.max(0, attempted - before);
  return {
    attempted,
    total: before === undefined ? undefined : Math.max(before, attempted),
    untracked,
    failed: Math.min(Math.max(0, progress.failedCount), attempted),
  };
}
