import { api, type ActionList } from "@ihc/contracts";
import { infiniteQueryOptions, useSuspenseInfiniteQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { actionKeys } from "../../../lib/query-keys";

export const ACTIONS_PAGE_SIZE = 50;

/** GET /api/actions: newest first; the agent's own, or everyone's with Activity.ReadAll. */
export function getActions(cursor: string | undefined, signal?: AbortSignal): Promise<ActionList> {
  return apiRequest(api.actions, {
    query: { limit: ACTIONS_PAGE_SIZE, ...(cursor === undefined ? {} : { cursor }) },
    signal,
  });
}

/** The journal, page by page; new and changed records arrive through the event stream. */
export function actionsQueryOptions() {
  return infiniteQueryOptions({
    queryKey: actionKeys.journal(),
    queryFn: ({ pageParam, signal }) => getActions(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: ActionList) => last.cursor,
  });
}

export function useActions() {
  return useSuspenseInfiniteQuery(actionsQueryOptions());
}
