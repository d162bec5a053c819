import { api, type ActionFilter, type ActionList } from "@ihc/contracts";
import { infiniteQueryOptions, useSuspenseInfiniteQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { actionKeys } from "../../../lib/query-keys";

export const ACTIONS_PAGE_SIZE = 50;

/**
 * GET /api/actions: filtered by the BFF's store, newest (or oldest) first; the agent's own, or
 * everyone's with Activity.ReadAll.
 */
export function getActions(
  filter: ActionFilter,
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<ActionList> {
  return apiRequest(api.actions, {
    query: { ...filter, limit: ACTIONS_PAGE_SIZE, ...(cursor === undefined ? {} : { cursor }) },
    signal,
  });
}

/**
 * The journal under a filter, page by page. The unfiltered journal keeps `actionKeys.journal()`
 * (new records arrive there through the event stream); a filtered one adds the filter to it.
 */
export function actionsQueryOptions(filter: ActionFilter = {}) {
  return infiniteQueryOptions({
    queryKey:
      Object.keys(filter).length === 0
        ? actionKeys.journal()
        : ([...actionKeys.journal(), filter] as const),
    queryFn: ({ pageParam, signal }) => getActions(filter, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: ActionList) => last.cursor,
  });
}

export function useActions(filter: ActionFilter) {
  return useSuspenseInfiniteQuery(actionsQueryOptions(filter));
}
