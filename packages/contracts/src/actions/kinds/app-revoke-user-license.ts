import { z } from "zod";
import { IosVppAppParamsSchema, RevokeUserLicenseRequestSchema } from "../../ios-vpp-apps.js";
import { defineActionKind, outcomeKeysOf } from "../action-kind.js";

/** Revoke one user's license of an app (DESIGN §1 S1); its subject is that user. */
export const appRevokeUserLicense = defineActionKind({
  kind: "app.revoke-user-license",
  targetType: "app",
  parameters: z.looseObject({ userId: z.string(), notifyManagedDevices: z.boolean() }),
  route: {
    method: "POST",
    path: "/api/apps/:id/revoke-user-license",
    params: IosVppAppParamsSchema,
    body: RevokeUserLicenseRequestSchema,
    idempotencyKey: "required",
  },
  openKeyOf: ({ target, parameters }) =>
    `${target.id.toLowerCase()}/user:${parameters.userId.toLowerCase()}`,
  subjects: "user",
  outcomeKeys: outcomeKeysOf("app.revoke-user-license"),
});
