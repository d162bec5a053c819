import { z } from "zod";
import { RevokeVppLicensesRequestSchema, VppTokenParamsSchema } from "../../vpp-tokens.js";
import { defineActionKind, outcomeKeysOf, targetKey } from "../action-kind.js";

/** Revoke every license of a VPP token (DESIGN §1 S4), followed by its tokenActionResults. */
export const vppTokenRevokeLicenses = defineActionKind({
  kind: "vpp-token.revoke-licenses",
  targetType: "vppToken",
  parameters: z.looseObject({
    notifyManagedDevices: z.boolean(),
    revokeUntrackedLicenses: z.boolean(),
  }),
  route: {
    method: "POST",
    path: "/api/vpp-tokens/:id/revoke-licenses",
    params: VppTokenParamsSchema,
    body: RevokeVppLicensesRequestSchema,
    idempotencyKey: "required",
  },
  openKeyOf: targetKey,
  subjects: "none",
  outcomeKeys: outcomeKeysOf("vpp-token.revoke-licenses"),
});
