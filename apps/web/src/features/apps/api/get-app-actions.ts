import { api, type ActionList, type ActionRecord } from "@ihc/contracts";
import { queryOptions, useSuspenseQuery, type QueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { upsertAction } from "../../../lib/console-event-cache";
import { actionKeys } from "../../../lib/query-keys";

const LIMIT = 10;

/** The journal's newest records about one app, kept live by the event stream. */
export function appActionsQueryOptions(appId: string) {
  return queryOptions({
    queryKey: actionKeys.byTarget(appId),
    queryFn: ({ signal }): Promise<ActionList> =>
      apiRequest(api.actions, { query: { targetId: appId, limit: LIMIT }, signal }),
  });
}

export function useAppActions(appId: string): ActionList {
  return useSuspenseQuery(appActionsQueryOptions(appId)).data;
}

/** Shows an action the BFF just accepted at once, before its first event arrives. */
export function addAppAction(client: QueryClient, record: ActionRecord): void {
  client.setQueryData(actionKeys.detail(record.id), record);
  const { queryKey } = appActionsQueryOptions(record.target.id);
  client.setQueryData<ActionList>(queryKey, (list) =>
    list ? { ...list, items: upsertAction(list.items, record) } : list,
  );
  void client.invalidateQueries({ queryKey });
}
