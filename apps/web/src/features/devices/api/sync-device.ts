import { api, type ActionRecord, type SyncDeviceRequest } from "@ihc/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { addTargetAction } from "../../../lib/api/get-target-actions";
import { apiRequest } from "../../../lib/api-client";
import { deviceKeys } from "../../../lib/query-keys";

export interface SyncDeviceRequestInput {
  deviceId: string;
  body: SyncDeviceRequest;
  idempotencyKey: string;
}

/** POST /api/devices/:id/sync: 202 with the journal's record. */
export function syncDevice({
  deviceId,
  body,
  idempotencyKey,
}: SyncDeviceRequestInput): Promise<ActionRecord> {
  return apiRequest(api.syncDevice, { params: { id: deviceId }, body, idempotencyKey });
}

export function useSyncDevice() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: syncDevice,
    // Accepted or refused, the device is read again: its state is what the page shows next.
    onSettled: (record, _error, { deviceId }) => {
      if (record !== undefined) addTargetAction(client, record);
      void client.invalidateQueries({ queryKey: deviceKeys.detail(deviceId) });
    },
  });
}
