import type { ActionProgress, ActionRecord, BulkItem, BulkItemCounts } from "@ihc/contracts";
import type { ActionStatus } from "../lib/action-status";

const emptyCounts: BulkItemCounts = {
  total: 0,
  queued: 0,
  sent: 0,
  succeeded: 0,
  failed: 0,
  unknown: 0,
};

/**
 * A bulk run (licenses of an app, or a leaver's devices and licenses) in the terms the progress
 * display speaks: items with an outcome of the total,
 * those that failed, and one status (done once the record is complete).
 */
export function bulkProgressOf(action: ActionRecord): {
  status: ActionStatus;
  progress: ActionProgress;
} {
  const counts = action.itemCounts ?? emptyCounts;
  const finished = action.completedAt !== undefined;
  return {
    status: finished ? "done" : action.state === "accepted" ? "pending" : "inProgress",
    progress: {
      actionState: finished ? "done" : "active",
      attemptedCount: counts.succeeded + counts.failed + counts.unknown,
      failedCount: counts.failed + (finished ? counts.unknown : 0),
      totalBefore: counts.total,
      startDateTime: action.createdAt,
      ...(action.completedAt === undefined ? {} : { lastUpdatedDateTime: action.completedAt }),
    },
  };
}

/** Items that did not (or may not) come back: failed, or not confirmed. */
export const problemItemsOf = (action: ActionRecord): BulkItem[] =>
  (action.items ?? []).filter((item) => item.state === "failed" || item.state === "unknown");
