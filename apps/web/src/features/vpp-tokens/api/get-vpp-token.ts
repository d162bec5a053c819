import { api, type VppTokenDetail } from "@ihc/contracts";
import { queryOptions, useSuspenseQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { vppTokenKeys } from "../../../lib/query-keys";

const SYNC_POLL_MS = 5_000;

export function getVppToken(id: string, signal?: AbortSignal): Promise<VppTokenDetail> {
  return apiRequest(api.vppToken, { params: { id }, signal });
}

/** The token and what revoking its licenses would touch (its apps, licenses in use). */
export function vppTokenQueryOptions(id: string) {
  return queryOptions({
    queryKey: vppTokenKeys.detail(id),
    queryFn: ({ signal }) => getVppToken(id, signal),
    // No event reports a sync's end: while Intune syncs, read the token again now and then.
    refetchInterval: (query) =>
      query.state.data?.token.lastSyncStatus === "inProgress" ? SYNC_POLL_MS : false,
  });
}

export function useVppToken(id: string): VppTokenDetail {
  return useSuspenseQuery(vppTokenQueryOptions(id)).data;
}
