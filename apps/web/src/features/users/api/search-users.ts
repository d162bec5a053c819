import { api, type UserSearchResult } from "@ihc/contracts";
import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { userKeys } from "../../../lib/query-keys";

/** One page of a search: Graph's page size is the BFF's default. */
export function searchUsers(
  search: string,
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<UserSearchResult> {
  return apiRequest(api.users, {
    query: { search, ...(cursor === undefined ? {} : { cursor }) },
    signal,
  });
}

/**
 * Each search is its own cache entry, so an older answer can only ever fill its own entry, never
 * the list the agent is now looking at. When the text changes, the older entry loses its only
 * observer and React Query aborts its request (the signal is passed to fetch).
 */
export function userSearchQueryOptions(search: string) {
  return infiniteQueryOptions({
    queryKey: userKeys.search(search),
    queryFn: ({ pageParam, signal }) => searchUsers(search, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.cursor,
    // A directory changes slowly; going back to a search shows it at once.
    staleTime: 60_000,
    retry: false,
  });
}

/**
 * The pages of `search`; nothing is asked while it is empty or too long (`enabled`). While a new
 * search loads, the previous one's results stay as placeholder (`isPlaceholderData`), marked stale.
 */
export function useUserSearch(search: string, enabled: boolean) {
  return useInfiniteQuery({
    ...userSearchQueryOptions(search),
    enabled,
    placeholderData: keepPreviousData,
  });
}
