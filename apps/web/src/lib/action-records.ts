import type { ActionRecord } from "@ihc/contracts";

/**
 * Whether a record will change no more by itself: Graph refused it, its progress reached an end,
 * or (an action without progress, such as a sync) Graph accepted it.
 */
export function isSettled(action: ActionRecord): boolean {
  if (action.state === "failed") return true;
  if (action.completedAt !== undefined) return true;
  return action.state === "succeeded" && action.progress === undefined;
}

/** Whether `candidate` is older than `held`: events can overtake each other on a replay. */
export function isOlderThan(candidate: ActionRecord, held: ActionRecord | undefined): boolean {
  return held !== undefined && Date.parse(held.updatedAt) > Date.parse(candidate.updatedAt);
}

/** Puts a record into a newest-first list: replaced where it is, else added at the top. */
export function upsertAction(items: readonly ActionRecord[], action: ActionRecord): ActionRecord[] {
  const index = items.findIndex((item) => item.id === action.id);
  if (index === -1) return [action, ...items];
  // Never go back to an older version.
  if (isOlderThan(action, items[index])) return [...items];
  return items.map((item, i) => (i === index ? action : item));
}
