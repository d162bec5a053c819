import { z } from "zod";
import { OffboardRequestSchema, UserParamsSchema } from "../../users.js";
import { defineActionKind, outcomeKeysOf, targetKey } from "../action-kind.js";

/**
 * Offboard a leaver (ADR 0030): retire each of the user's devices and revoke every VPP license
 * the user and their devices hold, across apps. One record, one item per device and per
 * license, each one Graph call, sent by the bulk queue.
 */
export const userOffboard = defineActionKind({
  kind: "user.offboard",
  targetType: "user",
  parameters: z.looseObject({
    userPrincipalName: z.string(),
    notifyManagedDevices: z.boolean(),
    deviceCount: z.number(),
    licenseCount: z.number(),
  }),
  route: {
    method: "POST",
    path: "/api/users/:id/offboard",
    params: UserParamsSchema,
    body: OffboardRequestSchema,
    idempotencyKey: "required",
  },
  openKeyOf: targetKey,
  subjects: "devices",
  outcomeKeys: outcomeKeysOf("user.offboard"),
});
