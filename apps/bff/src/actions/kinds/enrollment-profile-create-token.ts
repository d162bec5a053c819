import { ConflictError } from "../../errors.js";
import { defineAction } from "../action-definition.js";
import {
  createTokenCall,
  requireProfileKind,
  runTokenAction,
  settleFromProfile,
} from "./enrollment-token-action.js";

/**
 * Create an enrollment token on a profile that has none (or an expired one). An `unknown`
 * outcome is settled from the profile's token.
 */
export const enrollmentProfileCreateToken = defineAction({
  kind: "enrollment-profile.create-token",
  permissions: ["enrollment:create"],
  checkParams: requireProfileKind,
  handle: async ({ params, body, idempotencyKey, user }, deps) => ({
    record: await runTokenAction(deps, {
      kind: "enrollment-profile.create-token",
      params,
      user,
      idempotencyKey,
      reason: body.reason,
      parameters: { profileKind: params.kind, validityDays: body.validityDays },
      check: (profile) => {
        // Graph's createToken silently replaces a live token; that takes "Replace token…",
        // which asks for the profile's name.
        if (profile.tokenStatus === "active" || profile.tokenStatus === "expiring") {
          throw new ConflictError(
            "This profile already has a valid enrollment token. Use Replace token to swap it.",
          );
        }
      },
      calls: () => ({ graph: createTokenCall(params, body.validityDays) }),
    }),
  }),
  recovery: "interrupted",
  follow: settleFromProfile,
});
