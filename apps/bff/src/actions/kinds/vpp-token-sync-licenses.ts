import { getVppToken, vppTokenPath } from "../../graph/vpp-tokens.js";
import { defineAction, nothingFollows } from "../action-definition.js";

/**
 * Sync a VPP token's licenses with Apple. Nothing follows it: an `unknown` outcome stays so
 * (a second sync does no harm), and it never holds its token against another action.
 */
export const vppTokenSyncLicenses = defineAction({
  kind: "vpp-token.sync-licenses",
  permissions: ["vpp:revoke"],
  handle: async ({ params: { id }, body, idempotencyKey, user }, { graph, services }) => {
    const token = await getVppToken(graph, user, id);
    const { record } = await services.pipeline.run({
      kind: "vpp-token.sync-licenses",
      idempotencyKey,
      user,
      target: { type: "vppToken", id: token.id, displayName: token.displayName },
      parameters: {},
      reason: body.reason,
      // https://learn.microsoft.com/graph/api/intune-onboarding-vpptoken-synclicenses?view=graph-rest-beta
      graph: { version: "beta", path: `${vppTokenPath(id)}/syncLicenses` },
    });
    return { record };
  },
  recovery: "interrupted",
  follow: nothingFollows,
});
