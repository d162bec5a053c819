import { api, type ActionList, type ActionRecord } from "@ihc/contracts";
import { queryOptions, useQuery, type QueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { upsertAction } from "../../../lib/console-event-cache";
import { actionKeys } from "../../../lib/query-keys";

/** Enough to find the user's latest retire among a few license revokes. */
const LIMIT = 20;

/** GET /api/actions?targetId=: the journal's newest records about one user. */
export function getUserActions(userId: string, signal?: AbortSignal): Promise<ActionList> {
  return apiRequest(api.actions, { query: { targetId: userId, limit: LIMIT }, signal });
}

/** Kept live by the event stream: new and changed records are put in as they happen. */
export function userActionsQueryOptions(userId: string) {
  return queryOptions({
    queryKey: actionKeys.byTarget(userId),
    queryFn: ({ signal }) => getUserActions(userId, signal),
  });
}

/**
 * Without suspending and without failing the page: an agent who may not read others' records
 * still sees their own retire, which `addUserAction` puts in.
 */
export function useUserActions(userId: string): ActionList | undefined {
  return useQuery({ ...userActionsQueryOptions(userId), throwOnError: false, retry: false }).data;
}

/** Shows an action the BFF just accepted at once, before its first event arrives. */
export function addUserAction(client: QueryClient, record: ActionRecord): void {
  client.setQueryData(actionKeys.detail(record.id), record);
  const { queryKey } = userActionsQueryOptions(record.target.id);
  client.setQueryData<ActionList>(queryKey, (list) => ({
    items: upsertAction(list?.items ?? [], record),
    ...(list?.cursor === undefined ? {} : { cursor: list.cursor }),
  }));
  void client.invalidateQueries({ queryKey });
}
