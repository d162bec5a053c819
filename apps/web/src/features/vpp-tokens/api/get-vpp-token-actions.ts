import { api, type ActionList, type ActionRecord } from "@ihc/contracts";
import { queryOptions, useQuery, useSuspenseQuery, type QueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { upsertAction } from "../../../lib/console-event-cache";
import { actionKeys } from "../../../lib/query-keys";

/** Enough for the token's recent history and its latest revoke among a few syncs. */
const LIMIT = 20;

/** GET /api/actions?targetId=: the journal's newest records about one token. */
export function getVppTokenActions(tokenId: string, signal?: AbortSignal): Promise<ActionList> {
  return apiRequest(api.actions, { query: { targetId: tokenId, limit: LIMIT }, signal });
}

/** Kept live by the event stream: new and changed records are put in as they happen. */
export function vppTokenActionsQueryOptions(tokenId: string) {
  return queryOptions({
    queryKey: actionKeys.byTarget(tokenId),
    queryFn: ({ signal }) => getVppTokenActions(tokenId, signal),
  });
}

export function useVppTokenActions(tokenId: string): ActionList {
  return useSuspenseQuery(vppTokenActionsQueryOptions(tokenId)).data;
}

/**
 * The same, without suspending: a list row shows Graph's progress at once and adds the journal's
 * "of M" when it arrives (a failure here only leaves that out).
 */
export function useVppTokenActionsIfAvailable(tokenId: string): ActionList | undefined {
  return useQuery({ ...vppTokenActionsQueryOptions(tokenId), throwOnError: false }).data;
}

/** Shows an action the BFF just accepted at once, before its first event arrives. */
export function addVppTokenAction(client: QueryClient, record: ActionRecord): void {
  client.setQueryData(actionKeys.detail(record.id), record);
  const { queryKey } = vppTokenActionsQueryOptions(record.target.id);
  client.setQueryData<ActionList>(queryKey, (list) =>
    list ? { ...list, items: upsertAction(list.items, record) } : list,
  );
  void client.invalidateQueries({ queryKey });
}
