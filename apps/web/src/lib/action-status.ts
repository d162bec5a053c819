import type { ActionProgress, ActionRecord, GraphActionState } from "@ihc/contracts";

/**
 * Where an action stands, in one word the agent can act on. It joins the two things a record
 * tracks: whether Graph took the call (`state`) and, for long-running actions such as a revoke,
 * how far Graph got (`progress.actionState`).
 */
export type ActionStatus =
  | "recorded"
  | "sending"
  | "unconfirmed"
  | "refused"
  | "succeeded"
  | "pending"
  | "inProgress"
  | "done"
  | "failed"
  | "canceled"
  | "notSupported"
  | "unwatched"
  /** A revoked single license Intune gave back (issue #15, 3): held again, not revoked. */
  | "reassigned";

export type StatusTone = "informative" | "brand" | "success" | "warning" | "danger" | "subtle";

const progressStatus: Record<Exclude<GraphActionState, "none">, ActionStatus> = {
  pending: "pending",
  active: "inProgress",
  done: "done",
  failed: "failed",
  canceled: "canceled",
  notSupported: "notSupported",
};

/** The status of a progress report alone (Graph's result, when no record of ours exists). */
export function progressStatusOf(progress: ActionProgress): ActionStatus {
  if (progress.actionState === "none") return progress.watchTimedOut ? "unwatched" : "pending";
  const status = progressStatus[progress.actionState];
  if (progress.watchTimedOut && !isFinal(status)) return "unwatched";
  return status;
}

export function actionStatusOf(action: ActionRecord): ActionStatus {
  if (action.state === "failed") return "refused";
  if (action.reassignedAt !== undefined) return "reassigned";
  const { progress } = action;
  if (progress && progress.actionState !== "none") return progressStatusOf(progress);
  switch (action.state) {
    case "accepted":
      return "recorded";
    case "sent":
      return "sending";
    case "unknown":
      return progress?.watchTimedOut ? "unwatched" : "unconfirmed";
    case "succeeded":
      // A long-running action Graph accepted but has not reported on yet.
      return progress === undefined ? "succeeded" : progressStatusOf(progress);
  }
}

/** Whether nothing more will happen to an action in this status. */
export function isFinal(status: ActionStatus): boolean {
  return (
    status === "refused" ||
    status === "succeeded" ||
    status === "done" ||
    status === "failed" ||
    status === "canceled" ||
    status === "notSupported" ||
    status === "unwatched" ||
    status === "reassigned"
  );
}

export function statusTone(status: ActionStatus, failedCount = 0): StatusTone {
  switch (status) {
    case "recorded":
    case "sending":
    case "pending":
      return "informative";
    case "inProgress":
      return "brand";
    case "succeeded":
      return "success";
    case "done":
      return failedCount > 0 ? "warning" : "success";
    case "unconfirmed":
    case "unwatched":
    case "notSupported":
    case "canceled":
    case "reassigned":
      return "warning";
    case "refused":
    case "failed":
      return "danger";
  }
}
