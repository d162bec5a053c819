import { z } from "zod";
import { IosVppAppParamsSchema, RevokeDeviceLicenseRequestSchema } from "../../ios-vpp-apps.js";
import { defineActionKind, outcomeKeysOf } from "../action-kind.js";

/** Revoke one device's license of an app (DESIGN §1 S1b); its subject is that device. */
export const appRevokeDeviceLicense = defineActionKind({
  kind: "app.revoke-device-license",
  targetType: "app",
  parameters: z.looseObject({ managedDeviceId: z.string(), notifyManagedDevices: z.boolean() }),
  route: {
    method: "POST",
    path: "/api/apps/:id/revoke-device-license",
    params: IosVppAppParamsSchema,
    body: RevokeDeviceLicenseRequestSchema,
    idempotencyKey: "required",
  },
  openKeyOf: ({ target, parameters }) =>
    `${target.id.toLowerCase()}/device:${parameters.managedDeviceId.toLowerCase()}`,
  subjects: "device",
  outcomeKeys: outcomeKeysOf("app.revoke-device-license"),
});
