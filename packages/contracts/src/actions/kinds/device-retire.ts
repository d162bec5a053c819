import { z } from "zod";
import { DeviceParamsSchema, RetireDeviceRequestSchema } from "../../devices.js";
import { defineActionKind, outcomeKeysOf, targetKey } from "../action-kind.js";

/** Retire one device: one Graph call (`managedDevices/{id}/retire`), followed until it leaves. */
export const deviceRetire = defineActionKind({
  kind: "device.retire",
  targetType: "device",
  // What the agent typed where the retire resets the device; the effect is in `subjects`.
  parameters: z.looseObject({ confirmDevice: z.string().optional() }),
  route: {
    method: "POST",
    path: "/api/devices/:id/retire",
    params: DeviceParamsSchema,
    body: RetireDeviceRequestSchema,
    idempotencyKey: "required",
  },
  openKeyOf: targetKey,
  subjects: "device",
  outcomeKeys: outcomeKeysOf("device.retire"),
});
