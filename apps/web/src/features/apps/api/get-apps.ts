import { api, type IosVppAppList } from "@ihc/contracts";
import { queryOptions, useSuspenseQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { appKeys } from "../../../lib/query-keys";

export function getApps(signal?: AbortSignal): Promise<IosVppAppList> {
  return apiRequest(api.apps, { signal });
}

/** Every iOS VPP app, read whole: the page filters and sorts it (Graph cannot sort by counts). */
export function appsQueryOptions() {
  return queryOptions({ queryKey: appKeys.list(), queryFn: ({ signal }) => getApps(signal) });
}

export function useApps(): IosVppAppList {
  return useSuspenseQuery(appsQueryOptions()).data;
}
