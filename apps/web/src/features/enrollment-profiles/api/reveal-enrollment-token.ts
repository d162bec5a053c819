import { api, type EnrollmentProfileKind, type RevealedToken } from "@ihc/contracts";
import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { enrollmentProfileKeys } from "../../../lib/query-keys";

/** GET /api/enrollment-profiles/:kind/:id/token: journaled by the BFF on every read. */
export function revealEnrollmentToken(
  kind: EnrollmentProfileKind,
  id: string,
  signal?: AbortSignal,
): Promise<RevealedToken> {
  return apiRequest(api.revealEnrollmentToken, { params: { kind, id }, signal });
}

/** Read once per opening, never kept: the value must not linger in the cache. */
export function useRevealedEnrollmentToken(kind: EnrollmentProfileKind, id: string) {
  return useQuery({
    queryKey: [...enrollmentProfileKeys.all, "token", kind, id.toLowerCase()],
    queryFn: ({ signal }) => revealEnrollmentToken(kind, id, signal),
    gcTime: 0,
    staleTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
  });
}
