import { RevealedTokenSchema } from "@ihc/contracts";
import { ConflictError } from "../../errors.js";
import { getEnrollmentToken } from "../../graph/enrollment-profiles.js";
import { defineAction, nothingFollows } from "../action-definition.js";
import { profileTargetOf, requireProfileKind } from "./enrollment-token-action.js";

/**
 * Show an enrollment token's value: a read, not a change, journaled (durably) before the
 * value is sent, so every reveal is on the record. Nothing follows it.
 */
export const enrollmentProfileRevealToken = defineAction({
  kind: "enrollment-profile.reveal-token",
  permissions: ["enrollment:reveal-token"],
  checkParams: requireProfileKind,
  handle: async ({ params, user }, { graph, services }) => {
    const { displayName, token, response } = await getEnrollmentToken(
      graph,
      user,
      params.kind,
      params.id,
    );
    if (token === undefined) {
      throw new ConflictError("This profile has no enrollment token to show.");
    }
    await services.pipeline.recordRead({
      kind: "enrollment-profile.reveal-token",
      user,
      target: profileTargetOf({ id: params.id, displayName }),
      parameters: { profileKind: params.kind },
      graph: {
        clientRequestId: response.clientRequestId,
        status: response.status,
        ...(response.requestId === undefined ? {} : { requestId: response.requestId }),
      },
    });
    return { audited: { schema: RevealedTokenSchema, value: token } };
  },
  recovery: "interrupted",
  follow: nothingFollows,
});
