import { z } from "zod";
import { RetireAllDevicesRequestSchema, UserParamsSchema } from "../../users.js";
import { defineActionKind, outcomeKeysOf, targetKey } from "../action-kind.js";

/** Retire all of a user's devices (DESIGN §1 S3): one Graph call; its subjects are the devices. */
export const userRetireAllDevices = defineActionKind({
  kind: "user.retire-all-devices",
  targetType: "user",
  parameters: z.looseObject({ userPrincipalName: z.string() }),
  route: {
    method: "POST",
    path: "/api/users/:id/retire-all-devices",
    params: UserParamsSchema,
    body: RetireAllDevicesRequestSchema,
    idempotencyKey: "required",
  },
  openKeyOf: targetKey,
  subjects: "devices",
  outcomeKeys: outcomeKeysOf("user.retire-all-devices"),
});
