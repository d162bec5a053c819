import { z } from "zod";
import { OffboardRequestSchema, UserParamsSchema } from "../../users.js";
import { defineActionKind, outcomeKeysOf, targetKey } from "../action-kind.js";

/**
 * Revoke every VPP license a user and their devices hold, across apps (ADR 0030): offboarding
 * without the devices. One record, one item per license.
 */
export const userRevokeAllLicenses = defineActionKind({
  kind: "user.revoke-all-licenses",
  targetType: "user",
  parameters: z.looseObject({
    userPrincipalName: z.string(),
    notifyManagedDevices: z.boolean(),
    deviceCount: z.number(),
    licenseCount: z.number(),
  }),
  route: {
    method: "POST",
    path: "/api/users/:id/revoke-all-licenses",
    params: UserParamsSchema,
    body: OffboardRequestSchema,
    idempotencyKey: "required",
  },
  openKeyOf: targetKey,
  subjects: "licenses",
  outcomeKeys: outcomeKeysOf("user.revoke-all-licenses"),
});
