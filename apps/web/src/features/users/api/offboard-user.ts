import { api, type ActionRecord, type OffboardRequest } from "@ihc/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { addTargetAction } from "../../../lib/api/get-target-actions";
import { apiRequest } from "../../../lib/api-client";
import { userKeys } from "../../../lib/query-keys";

export interface OffboardingInput {
  userId: string;
  body: OffboardRequest;
  idempotencyKey: string;
}

/** POST /api/users/:id/offboard (ADR 0030): 202 with the journal's record. */
export function offboardUser({
  userId,
  body,
  idempotencyKey,
}: OffboardingInput): Promise<ActionRecord> {
  return apiRequest(api.offboardUser, { params: { id: userId }, body, idempotencyKey });
}

export function useOffboardUser() {
  return useOffboardingMutation(offboardUser);
}

/**
 * The cache side both offboarding kinds share: the record joins the user's actions at once; a
 * refusal (409: the devices or licenses changed since the dialog opened) reads them again so the
 * next opening lists what Graph would act on.
 */
export function useOffboardingMutation(send: (input: OffboardingInput) => Promise<ActionRecord>) {
  const client = useQueryClient();
  const reread = (userId: string) => {
    void client.invalidateQueries({ queryKey: userKeys.devices(userId) });
    void client.invalidateQueries({ queryKey: userKeys.vppLicenses(userId) });
  };
  return useMutation({
    mutationFn: send,
    onSuccess: (record, { userId }) => {
      addTargetAction(client, record);
      reread(userId);
    },
    onError: (_error, { userId }) => {
      reread(userId);
    },
  });
}
