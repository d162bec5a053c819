import { z } from "zod";
import { DeviceParamsSchema, RetireDeviceRequestSchema } from "../../devices.js";
import { defineActionKind, outcomeKeysOf, targetKey } from "../action-kind.js";

/** Retire one device: one Graph call (`managedDevices/{id}/retire`), followed until it leaves. */
export const deviceRetire = defineActionKind({
  kind: "device.retire",
  targetType: "device",
  parameters: z.looseObject({ retireEffect: z.string(), userId: z.string().optional() }),
  route: {
    method: "POST",
    path: "/api/devices/:id/retire",
    params: DeviceParamsSchema,
    body: RetireDeviceRequestSchema,
    idempotencyKey: "required",
  },
  openKeyOf: targetKey,
  subjects: "none",
  outcomeKeys: outcomeKeysOf("device.retire"),
});
