import { api, type Me } from "@ihc/contracts";
import { queryOptions, useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { apiRequest } from "../api-client";

export const meQueryKey = ["me"] as const;

export function getMe(signal?: AbortSignal): Promise<Me> {
  return apiRequest(api.me, { signal });
}

export function meQueryOptions() {
  return queryOptions({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => getMe(signal),
    // Roles change only with a new token; no need to re-read them during a session.
    staleTime: 5 * 60_000,
  });
}

/** The signed-in agent (GET /api/me); suspends while loading, throws to the region's boundary. */
export function useMe(): Me {
  return useSuspenseQuery(meQueryOptions()).data;
}

/**
 * When `/api/me` last succeeded (0 before), without fetching or suspending: the regions that show
 * it use this as a reset key, so retrying in one region recovers the others too.
 */
export function useMeUpdatedAt(): number {
  return useQuery({ ...meQueryOptions(), enabled: false, notifyOnChangeProps: ["dataUpdatedAt"] })
    .dataUpdatedAt;
}

/**
 * The signed-in agent, read again when the caller mounts: what the BFF learned of their Intune
 * rights changes as they use the console (the My access page). Suspends on the first load only.
 */
export function useFreshMe() {
  return useSuspenseQuery({ ...meQueryOptions(), staleTime: 0 });
}
