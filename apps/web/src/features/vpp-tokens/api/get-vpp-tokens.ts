import { api, type VppTokenList } from "@ihc/contracts";
import { queryOptions, useSuspenseQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { vppTokenKeys } from "../../../lib/query-keys";

export function getVppTokens(signal?: AbortSignal): Promise<VppTokenList> {
  return apiRequest(api.vppTokens, { signal });
}

/** Kept live by the event stream (progress patched in, re-read when an action settles). */
export function vppTokensQueryOptions() {
  return queryOptions({
    queryKey: vppTokenKeys.list(),
    queryFn: ({ signal }) => getVppTokens(signal),
  });
}

export function useVppTokens(): VppTokenList {
  return useSuspenseQuery(vppTokensQueryOptions()).data;
}
