import {
  isTerminalGraphActionState,
  latestRevoke,
  progressFromRevokeResult,
  type ActionProgress,
  type RevokeResultFields,
} from "@ihc/contracts";
import type { StoredAction } from "./action-journal.js";
import type { Settlement } from "./target-watchers.js";

/** The fields a revoke's progress record has on a VPP token and on an iOS VPP app alike. */
export type RevokeResult = RevokeResultFields;

export interface RevokeSettlementOptions {
  now: number;
  /** An `unknown` revoke with no evidence within this window after it was sent did not happen. */
  reconcileWindowMs: number;
  /** Without a baseline, a result that started after (sentAt − skew) may be ours. */
  clockSkewMs: number;
  /**
   * For a single license: it is no longer assigned. Evidence that the revoke happened even
   * when its result is not (or no longer) shown; Graph keeps only the latest results.
   */
  licenseGone?: boolean;
  /** For a single license: it is assigned (again). */
  licensePresent?: boolean;
  /**
   * For a single license seen gone: how long to keep probing it for Intune giving it back
   * (issue #15, 3); 0 ends the watch when the license is gone.
   */
  reassignWatchMs?: number;
}

/**
 * Matches the revoke results Graph shows for a record's target (already narrowed to the kind of
 * revoke the record made) to the record: a result that started after the record's baseline
 * (`watchAfter`, else around its send time) is its own, so an `unknown` record becomes
 * `succeeded` and its progress follows the result to a terminal state; no such result within the
 * reconcile window proves an `unknown` record did not happen (`failed`, `notApplied`).
 */
export const settleRevoke = (
  action: StoredAction,
  results: readonly RevokeResult[],
  {
    now,
    reconcileWindowMs,
    clockSkewMs,
    licenseGone = false,
    licensePresent = false,
    reassignWatchMs = 0,
  }: RevokeSettlementOptions,
): Settlement | undefined => {
  if (action.completedAt !== undefined && action.licenseGoneAt !== undefined) {
    // Revoked and seen gone: following the license for Intune giving it back.
    if (licensePresent) {
      return { patch: { reassignedAt: new Date(now).toISOString() }, done: true };
    }
    return now - Date.parse(action.licenseGoneAt) > reassignWatchMs
      ? { patch: {}, done: true }
      : undefined;
  }
  const following = licenseGone && reassignWatchMs > 0;
  const sentAt = Date.parse(action.sentAt ?? action.createdAt);
  const after = action.watchAfter === undefined ? undefined : Date.parse(action.watchAfter);
  const result = latestRevoke(
    results.filter((r) => {
      if (!r.startDateTime) return false;
      const started = Date.parse(r.startDateTime);
      return after === undefined ? started >= sentAt - clockSkewMs : started > after;
    }),
  );
  const reconciled = action.state === "unknown" || action.state === "sent";
  const completedAt = new Date(now).toISOString();
  if (!result) {
    if (licenseGone) {
      return {
        patch: {
          ...(reconciled ? { state: "succeeded" as const } : {}),
          progress: {
            ...(action.progress ?? { attemptedCount: 0, failedCount: 0 }),
            actionState: "done",
            attemptedCount: Math.max(1, action.progress?.attemptedCount ?? 0),
          },
          completedAt,
          ...(following ? { licenseGoneAt: completedAt } : {}),
        },
        done: !following,
      };
    }
    if (action.state === "unknown" && now - sentAt > reconcileWindowMs) {
      return {
        patch: {
          state: "failed",
          completedAt,
          graph: {
            ...(action.graph ?? { clientRequestId: "" }),
            code: "notApplied",
            message: "Graph shows no revoke started after this request: it did not happen.",
          },
        },
        done: true,
      };
    }
    return undefined;
  }
  const progress: ActionProgress = progressFromRevokeResult(result, action.progress);
  const changed =
    reconciled || JSON.stringify(progress) !== JSON.stringify(action.progress ?? null);
  if (!changed) return undefined;
  const terminal = isTerminalGraphActionState(result.actionState);
  return {
    patch: {
      progress,
      ...(reconciled ? { state: "succeeded" as const } : {}),
      ...(terminal ? { completedAt } : {}),
      ...(terminal && following ? { licenseGoneAt: completedAt } : {}),
    },
    done: terminal && !following,
  };
};
