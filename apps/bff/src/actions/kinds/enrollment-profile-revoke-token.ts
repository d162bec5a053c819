import { ConflictError } from "../../errors.js";
import { defineAction } from "../action-definition.js";
import {
  requireProfileConfirmation,
  requireProfileKind,
  revokeTokenCall,
  runTokenAction,
  settleFromProfile,
} from "./enrollment-token-action.js";

/**
 * Revoke an Android Enterprise enrollment token (DESIGN §1 S2): typed confirmation of the
 * profile's name; a profile without a token is a 409. An `unknown` outcome is settled from the
 * profile's token.
 */
export const enrollmentProfileRevokeToken = defineAction({
  kind: "enrollment-profile.revoke-token",
  permissions: ["enrollment:revoke"],
  checkParams: requireProfileKind,
  handle: async ({ params, body, idempotencyKey, user }, deps) => ({
    record: await runTokenAction(deps, {
      kind: "enrollment-profile.revoke-token",
      params,
      user,
      idempotencyKey,
      reason: body.reason,
      parameters: { profileKind: params.kind },
      check: (profile) => {
        requireProfileConfirmation(profile, body.confirmDisplayName);
        if (profile.tokenStatus === "none") {
          throw new ConflictError("This profile has no enrollment token to revoke.");
        }
      },
      calls: () => ({ graph: revokeTokenCall(params) }),
    }),
  }),
  recovery: "interrupted",
  follow: settleFromProfile,
});
