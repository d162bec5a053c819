import type { ActionRecord } from "@ihc/contracts";
import { actionStatusOf, isFinal, type ActionStatus } from "./action-status";
import type { ActionEventApplier } from "./console-event-cache";

/**
 * How an action ended, in the words a notification may use: never "succeeded" for an outcome
 * that is unknown or only partly good.
 */
export type ActionNoticeOutcome =
  | "succeeded"
  | "partlyFailed"
  | "partlyUnknown"
  | "failed"
  | "refused"
  | "unknown"
  | "canceled"
  | "notSupported"
  | "reassigned";

/** Not changes the agent waits on: a token's value shown is journaled, but nothing ran. */
const NOT_WAITED_ON = new Set<string>(["enrollment-profile.reveal-token"]);

/**
 * How `action` ended, or undefined while it has not (what the console shows as still running,
 * sending, or not confirmed yet and still being checked).
 */
export function actionNoticeOutcomeOf(action: ActionRecord): ActionNoticeOutcome | undefined {
  if (action.itemCounts !== undefined) {
    // A run of many items (bulk revoke, offboarding, retire all devices) ends when it completes.
    if (action.completedAt === undefined) return undefined;
    const { total, succeeded, failed } = action.itemCounts;
    if (
      action.state === "failed" &&
      succeeded === 0 &&
      failed === 0 &&
      action.itemCounts.unknown === 0 &&
      action.itemCounts.sent === 0
    ) {
      return "refused";
    }
    if (succeeded === total) return "succeeded";
    if (failed === total) return "failed";
    if (failed > 0) return "partlyFailed";
    return succeeded === 0 ? "unknown" : "partlyUnknown";
  }
  const status = actionStatusOf(action);
  if (!isFinal(status)) return undefined;
  return singleOutcome(status, action);
}

function singleOutcome(status: ActionStatus, action: ActionRecord): ActionNoticeOutcome {
  switch (status) {
    case "done": {
      const failed = action.progress?.failedCount ?? 0;
      const attempted = action.progress?.attemptedCount ?? 0;
      if (failed === 0) return "succeeded";
      return attempted > failed ? "partlyFailed" : "failed";
    }
    case "succeeded":
      return "succeeded";
    case "refused":
      return "refused";
    case "failed":
      return "failed";
    case "canceled":
      return "canceled";
    case "notSupported":
      return "notSupported";
    case "reassigned":
      return "reassigned";
    default:
      // `unwatched` (no longer followed), and anything else final but not known to be good.
      return "unknown";
  }
}

type FinishedListener = (action: ActionRecord, outcome: ActionNoticeOutcome) => void;
const finishedListeners = new Set<FinishedListener>();

/** Called once per action as it ends on the event stream, while subscribed. */
export function onActionFinished(listener: FinishedListener): () => void {
  finishedListeners.add(listener);
  return () => finishedListeners.delete(listener);
}

/** Actions this tab saw still running, and those it has announced as ended. */
const seenOpen = new Set<string>();
const seenEnded = new Set<string>();

/**
 * The event stream's part: an action this tab saw running (on the stream, or as its POST's
 * answer) is announced to `onActionFinished` listeners once, when a copy of it that has ended
 * arrives. Its cached copy may already have ended (a VPP token's progress event can settle it
 * before the record's own event): what counts is what this tab saw before, not the cache alone.
 * Later copies, replays after a reconnect, and records that had ended before the tab saw them
 * are not announced.
 */
export const finishedActionApplier: ActionEventApplier = {
  onAction: (_client, action, previous) => {
    if (NOT_WAITED_ON.has(action.kind) || seenEnded.has(action.id)) return;
    if (previous !== undefined && actionNoticeOutcomeOf(previous) === undefined) {
      seenOpen.add(action.id);
    }
    const outcome = actionNoticeOutcomeOf(action);
    if (outcome === undefined) {
      seenOpen.add(action.id);
      return;
    }
    if (!seenOpen.has(action.id)) return;
    seenOpen.delete(action.id);
    seenEnded.add(action.id);
    for (const listener of finishedListeners) listener(action, outcome);
  },
};
