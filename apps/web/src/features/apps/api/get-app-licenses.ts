import { api, type AssignedLicenseList } from "@ihc/contracts";
import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { appKeys } from "../../../lib/query-keys";

/** Licenses per request: a few screens of rows, loaded as the agent scrolls. */
export const LICENSE_PAGE_SIZE = 200;

export function getAppLicenses(
  id: string,
  search: string,
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<AssignedLicenseList> {
  return apiRequest(api.appLicenses, {
    params: { id },
    query:
      cursor === undefined
        ? { limit: LICENSE_PAGE_SIZE, ...(search === "" ? {} : { search }) }
        : { cursor },
    signal,
  });
}

/** One app's licenses, page by page; `search` is a UPN prefix the BFF passes to Graph. */
export function appLicensesQueryOptions(id: string, search: string) {
  return infiniteQueryOptions({
    queryKey: appKeys.licenseSearch(id, search),
    queryFn: ({ pageParam, signal }) => getAppLicenses(id, search, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.cursor,
  });
}

export function useAppLicenses(id: string, search: string) {
  return useInfiniteQuery({
    ...appLicensesQueryOptions(id, search),
    placeholderData: keepPreviousData,
  });
}
