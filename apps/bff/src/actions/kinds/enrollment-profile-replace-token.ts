import { defineAction } from "../action-definition.js";
import {
  createTokenCall,
  requireProfileConfirmation,
  requireProfileKind,
  revokeTokenCall,
  runTokenAction,
  settleFromProfile,
} from "./enrollment-token-action.js";

/**
 * Replace an enrollment token: typed confirmation, then revoke (when there is a token) and
 * create, one record with a step per Graph call. An `unknown` step is settled from the profile.
 */
export const enrollmentProfileReplaceToken = defineAction({
  kind: "enrollment-profile.replace-token",
  permissions: ["enrollment:revoke", "enrollment:create"],
  checkParams: requireProfileKind,
  handle: async ({ params, body, idempotencyKey, user }, deps) => ({
    record: await runTokenAction(deps, {
      kind: "enrollment-profile.replace-token",
      params,
      user,
      idempotencyKey,
      reason: body.reason,
      parameters: { profileKind: params.kind, validityDays: body.validityDays },
      check: (profile) => {
        requireProfileConfirmation(profile, body.confirmDisplayName);
      },
      // A replay is answered from the journal and sends nothing, so its steps do not matter.
      calls: (profile) => ({
        steps: [
          ...(profile === undefined || profile.tokenStatus !== "none"
            ? [{ name: "revokeToken", ...revokeTokenCall(params) }]
            : []),
          { name: "createToken", ...createTokenCall(params, body.validityDays) },
        ],
      }),
    }),
  }),
  recovery: "interrupted",
  follow: settleFromProfile,
});
