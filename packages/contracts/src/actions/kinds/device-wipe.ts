import { z } from "zod";
import { DeviceParamsSchema, WipeDeviceRequestSchema } from "../../devices.js";
import { defineActionKind, outcomeKeysOf, targetKey } from "../action-kind.js";

/** Wipe (factory reset) one device: one Graph call (`managedDevices/{id}/wipe`). */
export const deviceWipe = defineActionKind({
  kind: "device.wipe",
  targetType: "device",
  parameters: z.looseObject({
    confirmDevice: z.string(),
    keepEnrollmentData: z.boolean(),
    keepUserData: z.boolean(),
  }),
  route: {
    method: "POST",
    path: "/api/devices/:id/wipe",
    params: DeviceParamsSchema,
    body: WipeDeviceRequestSchema,
    idempotencyKey: "required",
  },
  openKeyOf: targetKey,
  subjects: "device",
  outcomeKeys: outcomeKeysOf("device.wipe"),
});
