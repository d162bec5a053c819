import { api, type ActionRecord, type RetireSelectedDevicesRequest } from "@ihc/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { addTargetAction } from "../../../lib/api/get-target-actions";
import { apiRequest } from "../../../lib/api-client";
import { userKeys } from "../../../lib/query-keys";

export interface RetireSelectedDevicesInput {
  userId: string;
  body: RetireSelectedDevicesRequest;
  idempotencyKey: string;
}

/** POST /api/users/:id/retire-selected-devices (ADR 0031): 202 with the journal's record. */
export function retireSelectedDevices({
  userId,
  body,
  idempotencyKey,
}: RetireSelectedDevicesInput): Promise<ActionRecord> {
  return apiRequest(api.retireSelectedDevices, { params: { id: userId }, body, idempotencyKey });
}

export function useRetireSelectedDevices() {
  const client = useQueryClient();
  const reread = (userId: string) => {
    void client.invalidateQueries({ queryKey: userKeys.devices(userId) });
  };
  return useMutation({
    mutationFn: retireSelectedDevices,
    onSuccess: (record, { userId }) => {
      addTargetAction(client, record);
      reread(userId);
    },
    // A refusal (a device no longer the user's, already retiring): the next opening lists what
    // Graph has now.
    onError: (_error, { userId }) => {
      reread(userId);
    },
  });
}
