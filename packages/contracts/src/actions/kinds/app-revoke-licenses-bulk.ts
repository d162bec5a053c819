import { z } from "zod";
import { IosVppAppParamsSchema, RevokeLicensesBulkRequestSchema } from "../../ios-vpp-apps.js";
import { defineActionKind, outcomeKeysOf, targetKey } from "../action-kind.js";

/**
 * Revoke many chosen licenses of one app (ADR 0008): one record, an item per license, sent by
 * the bulk queue; its subjects are the licenses' holders.
 */
export const appRevokeLicensesBulk = defineActionKind({
  kind: "app.revoke-licenses-bulk",
  targetType: "app",
  parameters: z.looseObject({ notifyManagedDevices: z.boolean(), licenseCount: z.number() }),
  route: {
    method: "POST",
    path: "/api/apps/:id/revoke-licenses",
    params: IosVppAppParamsSchema,
    body: RevokeLicensesBulkRequestSchema,
    idempotencyKey: "required",
  },
  openKeyOf: targetKey,
  subjects: "licenses",
  outcomeKeys: outcomeKeysOf("app.revoke-licenses-bulk"),
});
