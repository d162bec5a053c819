import { api, type ActionList, type ActionRecord, type ActionTarget } from "@ihc/contracts";
import { queryOptions, useQuery, useSuspenseQuery, type QueryClient } from "@tanstack/react-query";
import { apiRequest } from "../api-client";
import { isSettled, upsertAction } from "../action-records";
import { actionKeys } from "../query-keys";

/** Which target: its type keeps an app and a user with the same id apart in the cache. */
export type TargetRef = Pick<ActionTarget, "type" | "id">;

/** Enough for a target's recent history and its latest revoke among a few syncs. */
const LIMIT = 20;
/**
 * Events keep the list live; while an action on the target is open it is also read again now and
 * then, so a read that raced an event (an older answer landing after a newer event) heals by
 * itself, and "last checked" moves on while the BFF settles an unknown outcome.
 */
const OPEN_POLL_MS = 5_000;

/**
 * GET /api/actions?targetId=: the journal's newest records about one target. The BFF filters by
 * id only; ids of different target types do not collide (GUIDs), the key keeps the type anyway.
 */
export function getTargetActions(target: TargetRef, signal?: AbortSignal): Promise<ActionList> {
  return apiRequest(api.actions, { query: { targetId: target.id, limit: LIMIT }, signal });
}

/** Kept live by the event stream (`console-event-cache.ts` writes each record it receives here). */
export function targetActionsQueryOptions(target: TargetRef) {
  return queryOptions({
    queryKey: actionKeys.byTarget(target),
    queryFn: ({ signal }) => getTargetActions(target, signal),
    refetchInterval: (query) =>
      query.state.data?.items.some((action) => !isSettled(action)) ? OPEN_POLL_MS : false,
  });
}

/** For a page about the target: suspends while loading, a failure goes to the region's boundary. */
export function useTargetActions(target: TargetRef): ActionList {
  return useSuspenseQuery(targetActionsQueryOptions(target)).data;
}

/**
 * Without suspending and without failing the page: a row or a panel shows what it has and adds
 * the journal's records when they arrive (an agent who may not read others' records still sees
 * their own, which `addTargetAction` puts in).
 */
export function useTargetActionsIfAvailable(target: TargetRef): ActionList | undefined {
  return useQuery({ ...targetActionsQueryOptions(target), throwOnError: false, retry: false }).data;
}

/** The records about the target that are still open (accepted, sent, settling, in progress). */
export function openActionsIn(list: ActionList | undefined): ActionRecord[] {
  return list?.items.filter((action) => !isSettled(action)) ?? [];
}

/**
 * Shows an action the BFF just accepted at once, on its target everywhere. Its events may have
 * come first (a bulk run can end before the 202 is read): never replace a newer version. A list
 * already read is not read again here, since an answer read now could land after the events and
 * undo them; a list never read starts with this record and is read whole.
 */
export function addTargetAction(client: QueryClient, record: ActionRecord): void {
  client.setQueryData<ActionRecord>(actionKeys.detail(record.id), (current) =>
    current && Date.parse(current.updatedAt) > Date.parse(record.updatedAt) ? current : record,
  );
  const { queryKey } = targetActionsQueryOptions(record.target);
  const held = client.getQueryData<ActionList>(queryKey);
  client.setQueryData<ActionList>(queryKey, (list) =>
    list ? { ...list, items: upsertAction(list.items, record) } : { items: [record] },
  );
  if (!held) void client.invalidateQueries({ queryKey });
}
