import { z } from "zod";
import { RetireSelectedDevicesRequestSchema, UserParamsSchema } from "../../users.js";
import { defineActionKind, outcomeKeysOf, targetKey } from "../action-kind.js";

/**
 * Retire the devices an agent selected on a user's page (issue #14, ADR 0031): one record, one
 * item per device, each its own `managedDevices/{id}/retire`, sent by the bulk queue as an
 * offboarding's retires are.
 */
export const userRetireSelectedDevices = defineActionKind({
  kind: "user.retire-selected-devices",
  targetType: "user",
  parameters: z.looseObject({
    userPrincipalName: z.string(),
    /** The selected device ids, lowercased, sorted, each once: the request's identity. */
    deviceIds: z.array(z.string()),
    deviceCount: z.number(),
  }),
  route: {
    method: "POST",
    path: "/api/users/:id/retire-selected-devices",
    params: UserParamsSchema,
    body: RetireSelectedDevicesRequestSchema,
    idempotencyKey: "required",
  },
  openKeyOf: targetKey,
  subjects: "devices",
  outcomeKeys: outcomeKeysOf("user.retire-selected-devices"),
});
