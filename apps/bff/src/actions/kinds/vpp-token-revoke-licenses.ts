import { confirmationMatches, latestRevoke, type VppTokenImpact } from "@ihc/contracts";
import type { AuthenticatedUser } from "../../auth/authenticated-user.js";
import { InputError } from "../../errors.js";
import type { GraphGateway } from "../../graph/graph-gateway.js";
import { listVppAppSummaries } from "../../graph/vpp-app-summaries.js";
import { getVppToken, vppTokenPath } from "../../graph/vpp-tokens.js";
import { defineAction, type ActionDefinition } from "../action-definition.js";

/**
 * What revoking all of a token's licenses would touch: its iOS and macOS VPP apps and their
 * licenses in use (Graph's revokeLicenses reaches both).
 */
export const vppTokenImpactOf = async (
  graph: GraphGateway,
  user: AuthenticatedUser,
  tokenId: string,
): Promise<VppTokenImpact> => {
  const apps = (await listVppAppSummaries(graph, user))
    .filter((app) => app.vppTokenId?.toLowerCase() === tokenId.toLowerCase())
    .map((app) => ({
      id: app.id,
      displayName: app.displayName,
      appType: app.appType,
      usedLicenseCount: app.usedLicenseCount,
      totalLicenseCount: app.totalLicenseCount,
    }))
    .sort((a, b) => b.usedLicenseCount - a.usedLicenseCount);
  return { apps, licensesInUse: apps.reduce((sum, app) => sum + app.usedLicenseCount, 0) };
};

/** The token's watcher follows a revoke Graph accepted, or may have (it settles `unknown`). */
const watchToken: ActionDefinition["follow"] = (record, { vppWatchers }) => {
  if (record.state === "succeeded" || record.state === "unknown") vppWatchers.watch(record);
};

/**
 * Revoke all licenses of a VPP token (DESIGN §1 S4), typed confirmation of the token's name;
 * followed by the token's watcher until Intune's result is final (S5), which also settles an
 * `unknown` outcome from `tokenActionResults`.
 */
export const vppTokenRevokeLicenses = defineAction({
  kind: "vpp-token.revoke-licenses",
  permissions: ["vpp:revoke"],
  handle: async ({ params: { id }, body, idempotencyKey, user }, { graph, services }) => {
    const token = await getVppToken(graph, user, id);
    if (!confirmationMatches(body.confirmDisplayName, token.displayName)) {
      throw new InputError("Type the token's name exactly to confirm.", [
        { path: "body.confirmDisplayName", message: "does not match the token's name" },
      ]);
    }
    const impact = await vppTokenImpactOf(graph, user, id);
    const parameters = {
      notifyManagedDevices: body.notifyManagedDevices,
      revokeUntrackedLicenses: body.revokeUntrackedLicenses,
    };
    const { record } = await services.pipeline.run({
      kind: "vpp-token.revoke-licenses",
      idempotencyKey,
      user,
      target: { type: "vppToken", id: token.id, displayName: token.displayName },
      parameters,
      reason: body.reason,
      // https://learn.microsoft.com/graph/api/intune-onboarding-vpptoken-revokelicenses?view=graph-rest-beta
      graph: { version: "beta", path: `${vppTokenPath(id)}/revokeLicenses`, body: parameters },
      progress: {
        actionState: "none",
        attemptedCount: 0,
        failedCount: 0,
        totalBefore: impact.licensesInUse,
      },
      watchAfter: latestRevoke(token.tokenActionResults)?.startDateTime,
    });
    // One watcher per token, however often this is asked (a replay included).
    watchToken(record, services);
    return { record };
  },
  recovery: "interrupted",
  follow: watchToken,
});
