import { api, type ActionList, type ActionRecord } from "@ihc/contracts";
import { queryOptions, useSuspenseQuery, type QueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { isSettled, upsertAction } from "../../../lib/console-event-cache";
import { actionKeys } from "../../../lib/query-keys";

const LIMIT = 10;
/**
 * Events keep the list live; while a revoke runs it is also read again now and then, so a read
 * that raced an event (an older answer landing after a newer event) heals by itself.
 */
const RUNNING_POLL_MS = 5_000;

/** The journal's newest records about one app, kept live by the event stream. */
export function appActionsQueryOptions(appId: string) {
  return queryOptions({
    queryKey: actionKeys.byTarget(appId),
    queryFn: ({ signal }): Promise<ActionList> =>
      apiRequest(api.actions, { query: { targetId: appId, limit: LIMIT }, signal }),
    refetchInterval: (query) =>
      query.state.data?.items.some((action) => !isSettled(action)) ? RUNNING_POLL_MS : false,
  });
}

export function useAppActions(appId: string): ActionList {
  return useSuspenseQuery(appActionsQueryOptions(appId)).data;
}

/**
 * Shows an action the BFF just accepted at once. Its events may have come first (a bulk run can
 * end before the 202 is read): never replace a newer version, and read nothing again here, since
 * an answer read now could land after the events and undo them.
 */
export function addAppAction(client: QueryClient, record: ActionRecord): void {
  client.setQueryData<ActionRecord>(actionKeys.detail(record.id), (current) =>
    current && Date.parse(current.updatedAt) > Date.parse(record.updatedAt) ? current : record,
  );
  const { queryKey } = appActionsQueryOptions(record.target.id);
  client.setQueryData<ActionList>(queryKey, (list) =>
    list ? { ...list, items: upsertAction(list.items, record) } : list,
  );
}
