import { api, type ActionRecord, type RetireAllDevicesRequest } from "@ihc/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { addTargetAction } from "../../../lib/api/get-target-actions";
import { apiRequest } from "../../../lib/api-client";
import { userKeys } from "../../../lib/query-keys";

export interface RetireAllDevicesInput {
  userId: string;
  body: RetireAllDevicesRequest;
  idempotencyKey: string;
}

/** POST /api/users/:id/retire-all-devices: 202 with the journal's record. */
export function retireAllDevices({
  userId,
  body,
  idempotencyKey,
}: RetireAllDevicesInput): Promise<ActionRecord> {
  return apiRequest(api.retireAllDevices, { params: { id: userId }, body, idempotencyKey });
}

export function useRetireAllDevices() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: retireAllDevices,
    onSuccess: (record, { userId }) => {
      addTargetAction(client, record);
      void client.invalidateQueries({ queryKey: userKeys.devices(userId) });
    },
    // A 409 says the user's devices are not the ones the dialog listed: re-read them so the
    // next opening shows the list Graph would act on.
    onError: (_error, { userId }) => {
      void client.invalidateQueries({ queryKey: userKeys.devices(userId) });
    },
  });
}
