import type { ActionProgress, ActionRecord, BulkItem, BulkItemCounts } from "@ihc/contracts";
import type { ActionStatus } from "../../../lib/action-status";
import type { LicenseChoice } from "./license-choice";

const emptyCounts: BulkItemCounts = {
  total: 0,
  queued: 0,
  sent: 0,
  succeeded: 0,
  failed: 0,
  unknown: 0,
};

/**
 * A bulk run in the terms the progress display speaks: licenses with an outcome of the total,
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

/**
 * What "Retry failed…" sends as a new action: once the run is over, its failed and unconfirmed
 * items, except licenses that were not assigned any more (nothing left to revoke).
 */
export function retryChoicesOf(action: ActionRecord): LicenseChoice[] {
  if (action.completedAt === undefined) return [];
  return problemItemsOf(action)
    .filter((item) => item.graph?.code !== "notAssigned")
    .map((item) => ({
      key: item.key,
      ref:
        item.kind === "user"
          ? { kind: "user" as const, userId: item.id }
          : { kind: "device" as const, managedDeviceId: item.id },
      who: item.label ?? item.id,
    }));
}
