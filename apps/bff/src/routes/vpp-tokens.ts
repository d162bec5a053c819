import { VppTokenDetailSchema, VppTokenListSchema, VppTokenParamsSchema } from "@ihc/contracts";
import { Router } from "express";
import { vppTokenImpactOf } from "../actions/kinds/vpp-token-revoke-licenses.js";
import { userOf } from "../auth/authenticate.js";
import { requirePermission } from "../auth/require-permission.js";
import type { GraphGateway } from "../graph/graph-gateway.js";
import { getVppToken, listVppTokens } from "../graph/vpp-tokens.js";
import { parseRequest } from "../http/parse-request.js";
import { sendJson } from "../http/send-json.js";

/**
 * Apple VPP tokens: the list, and one token with what revoking its licenses would touch. Their
 * actions are kinds (actions/kinds/vpp-token-*.ts), mounted by the action routes.
 */
export const vppTokensRouter = (graph: GraphGateway): Router =>
  Router()
    .get("/vpp-tokens", requirePermission("console:read"), async (req, res) => {
      sendJson(res, VppTokenListSchema, { items: await listVppTokens(graph, userOf(req)) });
    })
    .get("/vpp-tokens/:id", requirePermission("console:read"), async (req, res) => {
      const { id } = parseRequest(VppTokenParamsSchema, req, "params");
      const user = userOf(req);
      const [token, impact] = await Promise.all([
        getVppToken(graph, user, id),
        vppTokenImpactOf(graph, user, id),
      ]);
      sendJson(res, VppTokenDetailSchema, { token, impact });
    });
