import {
  api,
  type ActionRecord,
  type EnrollmentProfileKind,
  type ReplaceEnrollmentTokenRequest,
} from "@ihc/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { enrollmentProfileKeys } from "../../../lib/query-keys";

export interface ReplaceEnrollmentTokenInput {
  kind: EnrollmentProfileKind;
  id: string;
  body: ReplaceEnrollmentTokenRequest;
  idempotencyKey: string;
}

/** POST /api/enrollment-profiles/:kind/:id/replace-token: revoke then create, one record. */
export function replaceEnrollmentToken({
  kind,
  id,
  body,
  idempotencyKey,
}: ReplaceEnrollmentTokenInput): Promise<ActionRecord> {
  return apiRequest(api.replaceEnrollmentToken, { params: { kind, id }, body, idempotencyKey });
}

export function useReplaceEnrollmentToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: replaceEnrollmentToken,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: enrollmentProfileKeys.list() });
    },
  });
}
