import {
  api,
  type ActionRecord,
  type EnrollmentProfileKind,
  type RevokeEnrollmentTokenRequest,
} from "@ihc/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { addTargetAction } from "../../../lib/api/get-target-actions";
import { apiRequest } from "../../../lib/api-client";
import { enrollmentProfileKeys } from "../../../lib/query-keys";

export interface RevokeEnrollmentTokenInput {
  kind: EnrollmentProfileKind;
  id: string;
  body: RevokeEnrollmentTokenRequest;
  idempotencyKey: string;
}

/** POST /api/enrollment-profiles/:kind/:id/revoke-token: 202 with the journal's record. */
export function revokeEnrollmentToken({
  kind,
  id,
  body,
  idempotencyKey,
}: RevokeEnrollmentTokenInput): Promise<ActionRecord> {
  return apiRequest(api.revokeEnrollmentToken, { params: { kind, id }, body, idempotencyKey });
}

export function useRevokeEnrollmentToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: revokeEnrollmentToken,
    onSuccess: (record) => {
      // The row shows the open action at once ("Being revoked…"), before its first event.
      addTargetAction(client, record);
      void client.invalidateQueries({ queryKey: enrollmentProfileKeys.list() });
    },
  });
}
