import {
  api,
  type ActionRecord,
  type EnrollmentProfileKind,
  type ReplaceEnrollmentTokenRequest,
} from "@ihc/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { addTargetAction } from "../../../lib/api/get-target-actions";
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
    onSuccess: (record) => {
      // The row shows the open action at once ("Being revoked…"), before its first event.
      addTargetAction(client, record);
      void client.invalidateQueries({ queryKey: enrollmentProfileKeys.list() });
    },
  });
}
