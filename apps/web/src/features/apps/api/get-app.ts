import { api, isTerminalGraphActionState, type IosVppApp } from "@ihc/contracts";
import { queryOptions, useSuspenseQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { appKeys } from "../../../lib/query-keys";

const RUNNING_POLL_MS = 2_000;

export function getApp(id: string, signal?: AbortSignal): Promise<IosVppApp> {
  return apiRequest(api.app, { params: { id }, signal });
}

/** Whether Graph still lists a revoke of this app as pending or active. */
export const hasRunningRevoke = (app: IosVppApp): boolean =>
  app.revokeLicenseActionResults.some((result) => !isTerminalGraphActionState(result.actionState));

export function appQueryOptions(id: string) {
  return queryOptions({
    queryKey: appKeys.detail(id),
    queryFn: ({ signal }) => getApp(id, signal),
    // Licenses leave the count only when Intune finishes a revoke: read again until it has.
    refetchInterval: (query) =>
      query.state.data && hasRunningRevoke(query.state.data) ? RUNNING_POLL_MS : false,
  });
}

export function useApp(id: string): IosVppApp {
  return useSuspenseQuery(appQueryOptions(id)).data;
}
