import { z } from "zod";
import { SyncVppLicensesRequestSchema, VppTokenParamsSchema } from "../../vpp-tokens.js";
import { defineActionKind, outcomeKeysOf, targetKey } from "../action-kind.js";

/** Ask Intune to sync a VPP token's licenses with Apple; nothing is revoked. */
export const vppTokenSyncLicenses = defineActionKind({
  kind: "vpp-token.sync-licenses",
  targetType: "vppToken",
  parameters: z.looseObject({}),
  route: {
    method: "POST",
    path: "/api/vpp-tokens/:id/sync-licenses",
    params: VppTokenParamsSchema,
    body: SyncVppLicensesRequestSchema,
    idempotencyKey: "required",
  },
  openKeyOf: targetKey,
  subjects: "none",
  outcomeKeys: outcomeKeysOf("vpp-token.sync-licenses"),
});
