import { api, type ActionRecord, type WipeDeviceRequest } from "@ihc/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { addTargetAction } from "../../../lib/api/get-target-actions";
import { apiRequest } from "../../../lib/api-client";
import { deviceKeys } from "../../../lib/query-keys";

export interface WipeDeviceRequestInput {
  deviceId: string;
  body: WipeDeviceRequest;
  idempotencyKey: string;
}

/** POST /api/devices/:id/wipe: 202 with the journal's record. */
export function wipeDevice({
  deviceId,
  body,
  idempotencyKey,
}: WipeDeviceRequestInput): Promise<ActionRecord> {
  return apiRequest(api.wipeDevice, { params: { id: deviceId }, body, idempotencyKey });
}

export function useWipeDevice() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: wipeDevice,
    // Accepted or refused, the device is read again: its state is what the page shows next.
    onSettled: (record, _error, { deviceId }) => {
      if (record !== undefined) addTargetAction(client, record);
      void client.invalidateQueries({ queryKey: deviceKeys.detail(deviceId) });
    },
  });
}
