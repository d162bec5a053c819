import { z } from "zod";
import { DeviceParamsSchema, SyncDeviceRequestSchema } from "../../devices.js";
import { defineActionKind, outcomeKeysOf, targetKey } from "../action-kind.js";

/** Ask a device to check in now (`managedDevices/{id}/syncDevice`): one call, not destructive. */
export const deviceSync = defineActionKind({
  kind: "device.sync",
  targetType: "device",
  parameters: z.looseObject({}),
  route: {
    method: "POST",
    path: "/api/devices/:id/sync",
    params: DeviceParamsSchema,
    body: SyncDeviceRequestSchema,
    idempotencyKey: "required",
  },
  openKeyOf: targetKey,
  subjects: "device",
  outcomeKeys: outcomeKeysOf("device.sync"),
});
