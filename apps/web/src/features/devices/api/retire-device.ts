import { api, type ActionRecord, type RetireDeviceRequest } from "@ihc/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { addTargetAction } from "../../../lib/api/get-target-actions";
import { apiRequest } from "../../../lib/api-client";
import { deviceKeys } from "../../../lib/query-keys";

export interface RetireDeviceRequestInput {
  deviceId: string;
  body: RetireDeviceRequest;
  idempotencyKey: string;
}

/** POST /api/devices/:id/retire: 202 with the journal's record. */
export function retireDevice({
  deviceId,
  body,
  idempotencyKey,
}: RetireDeviceRequestInput): Promise<ActionRecord> {
  return apiRequest(api.retireDevice, { params: { id: deviceId }, body, idempotencyKey });
}

export function useRetireDevice() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: retireDevice,
    // Accepted or refused, the device is read again: its state is what the page shows next.
    onSettled: (record, _error, { deviceId }) => {
      if (record !== undefined) addTargetAction(client, record);
      void client.invalidateQueries({ queryKey: deviceKeys.detail(deviceId) });
    },
  });
}
