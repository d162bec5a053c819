import { api, type VppTokenList } from "@ihc/contracts";
import { queryOptions, useSuspenseQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { vppTokenKeys } from "../../../lib/query-keys";

const SYNC_POLL_MS = 5_000;

export function getVppTokens(signal?: AbortSignal): Promise<VppTokenList> {
  return apiRequest(api.vppTokens, { signal });
}

/** Kept live by the event stream (progress patched in, re-read when an action settles). */
export function vppTokensQueryOptions() {
  return queryOptions({
    queryKey: vppTokenKeys.list(),
    queryFn: ({ signal }) => getVppTokens(signal),
    // No event reports a sync's end: while Intune syncs a token, read the list again now and then.
    refetchInterval: (query) =>
      query.state.data?.items.some((token) => token.lastSyncStatus === "inProgress")
        ? SYNC_POLL_MS
        : false,
  });
}

export function useVppTokens(): VppTokenList {
  return useSuspenseQuery(vppTokensQueryOptions()).data;
}
