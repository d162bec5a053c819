import { api, type ReclaimableLicenseReport } from "@ihc/contracts";
import { queryOptions, useSuspenseQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { appKeys } from "../../../lib/query-keys";

export function getReclaimableLicenses(signal?: AbortSignal): Promise<ReclaimableLicenseReport> {
  return apiRequest(api.reclaimableLicenses, { signal });
}

/**
 * The reclaim report. Kept live by the event stream: a license a revoke has taken leaves it at
 * once (`apply-action-events.ts`); it is not read again on each event, because Graph lists a
 * license until Intune finishes revoking it.
 */
export function reclaimableLicensesQueryOptions() {
  return queryOptions({
    queryKey: appKeys.reclaimable(),
    queryFn: ({ signal }) => getReclaimableLicenses(signal),
  });
}

export function useReclaimableLicenses(): ReclaimableLicenseReport {
  return useSuspenseQuery(reclaimableLicensesQueryOptions()).data;
}
