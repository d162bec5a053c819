import { z } from "zod";
import { IosVppAppParamsSchema, RevokeAllAppLicensesRequestSchema } from "../../ios-vpp-apps.js";
import { defineActionKind, outcomeKeysOf, targetKey } from "../action-kind.js";

/** Revoke every license of one app (DESIGN §1 S1c). */
export const appRevokeAllLicenses = defineActionKind({
  kind: "app.revoke-all-licenses",
  targetType: "app",
  parameters: z.looseObject({ notifyManagedDevices: z.boolean() }),
  route: {
    method: "POST",
    path: "/api/apps/:id/revoke-all-licenses",
    params: IosVppAppParamsSchema,
    body: RevokeAllAppLicensesRequestSchema,
    idempotencyKey: "required",
  },
  openKeyOf: targetKey,
  subjects: "none",
  outcomeKeys: outcomeKeysOf("app.revoke-all-licenses"),
});
