import { api, type EnrollmentProfileList } from "@ihc/contracts";
import { queryOptions, useSuspenseQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { enrollmentProfileKeys } from "../../../lib/query-keys";

export function getEnrollmentProfiles(signal?: AbortSignal): Promise<EnrollmentProfileList> {
  return apiRequest(api.enrollmentProfiles, { signal });
}

/** Kept live by the event stream: an `enrollmentProfile` action reads the list again. */
export function enrollmentProfilesQueryOptions() {
  return queryOptions({
    queryKey: enrollmentProfileKeys.list(),
    queryFn: ({ signal }) => getEnrollmentProfiles(signal),
  });
}

export function useEnrollmentProfiles(): EnrollmentProfileList {
  return useSuspenseQuery(enrollmentProfilesQueryOptions()).data;
}
