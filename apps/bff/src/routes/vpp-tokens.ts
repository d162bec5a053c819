import { confirmationMatches, latestRevoke } from "@ihc/contracts";
import {
  ActionRecordSchema,
  RevokeVppLicensesRequestSchema,
  SyncVppLicensesRequestSchema,
  VppTokenDetailSchema,
  VppTokenListSchema,
  VppTokenParamsSchema,
  type VppTokenImpact,
} from "@ihc/contracts";
import { Router } from "express";
import { toActionRecord } from "../actions/action-journal.js";
import type { ActionServices } from "../actions/action-services.js";
import type { AuthenticatedUser } from "../auth/authenticated-user.js";
import { userOf } from "../auth/authenticate.js";
import { requirePermission } from "../auth/require-permission.js";
import type { GraphGateway } from "../graph/graph-gateway.js";
import { listVppAppSummaries } from "../graph/vpp-app-summaries.js";
import { getVppToken, listVppTokens, vppTokenPath } from "../graph/vpp-tokens.js";
import { InputError } from "../errors.js";
import { idempotencyKeyOf, parseRequest } from "../http/parse-request.js";
import { sendJson } from "../http/send-json.js";

/**
 * What revoking all of a token's licenses would touch: its iOS and macOS VPP apps and their
 * licenses in use (Graph's revokeLicenses reaches both).
 */
const impactOf = async (
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

/** Apple VPP tokens: list, detail with impact, revoke all licenses, sync (DESIGN §1 S4, S5). */
export const vppTokensRouter = (graph: GraphGateway, actions: ActionServices): Router =>
  Router()
    .get("/vpp-tokens", requirePermission("console:read"), async (req, res) => {
      sendJson(res, VppTokenListSchema, { items: await listVppTokens(graph, userOf(req)) });
    })
    .get("/vpp-tokens/:id", requirePermission("console:read"), async (req, res) => {
      const { id } = parseRequest(VppTokenParamsSchema, req, "params");
      const user = userOf(req);
      const [token, impact] = await Promise.all([
        getVppToken(graph, user, id),
        impactOf(graph, user, id),
      ]);
      sendJson(res, VppTokenDetailSchema, { token, impact });
    })
    .post("/vpp-tokens/:id/revoke-licenses", requirePermission("vpp:revoke"), async (req, res) => {
      const { id } = parseRequest(VppTokenParamsSchema, req, "params");
      const idempotencyKey = idempotencyKeyOf(req);
      const body = parseRequest(RevokeVppLicensesRequestSchema, req, "body");
      const user = userOf(req);
      const token = await getVppToken(graph, user, id);
      if (!confirmationMatches(body.confirmDisplayName, token.displayName)) {
        throw new InputError("Type the token's name exactly to confirm.", [
          { path: "body.confirmDisplayName", message: "does not match the token's name" },
        ]);
      }
      const impact = await impactOf(graph, user, id);
      const parameters = {
        notifyManagedDevices: body.notifyManagedDevices,
        revokeUntrackedLicenses: body.revokeUntrackedLicenses,
      };
      const { record } = await actions.pipeline.run({
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
      if (record.state === "succeeded" || record.state === "unknown") {
        actions.vppWatchers.watch(record);
      }
      sendJson(res, ActionRecordSchema, toActionRecord(record), 202);
    })
    .post("/vpp-tokens/:id/sync-licenses", requirePermission("vpp:revoke"), async (req, res) => {
      const { id } = parseRequest(VppTokenParamsSchema, req, "params");
      const idempotencyKey = idempotencyKeyOf(req);
      const body = parseRequest(SyncVppLicensesRequestSchema, req, "body");
      const user = userOf(req);
      const token = await getVppToken(graph, user, id);
      const { record } = await actions.pipeline.run({
        kind: "vpp-token.sync-licenses",
        idempotencyKey,
        user,
        target: { type: "vppToken", id: token.id, displayName: token.displayName },
        parameters: {},
        reason: body.reason,
        // https://learn.microsoft.com/graph/api/intune-onboarding-vpptoken-synclicenses?view=graph-rest-beta
        graph: { version: "beta", path: `${vppTokenPath(id)}/syncLicenses` },
      });
      sendJson(res, ActionRecordSchema, toActionRecord(record), 202);
    });
