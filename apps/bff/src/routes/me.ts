import { MeSchema } from "@ihc/contracts";
import { Router } from "express";
import { userOf } from "../auth/authenticate.js";
import { permissionsFor } from "../auth/roles.js";
import type { GraphGateway } from "../graph/graph-gateway.js";
import { getMe } from "../graph/me.js";
import { sendJson } from "../http/send-json.js";

/**
 * `GET /api/me`: who is signed in and what the console lets them do. Needs a valid token but
 * no permission, so a user without roles gets 200 with `permissions: []` and the SPA can say
 * "no access" instead of failing.
 */
export const meRouter = (graph: GraphGateway, expiryWarningDays: number): Router =>
  Router().get("/me", async (req, res) => {
    const user = userOf(req);
    const profile = await getMe(graph, user);
    sendJson(res, MeSchema, {
      id: profile.id,
      displayName: profile.displayName ?? profile.userPrincipalName,
      userPrincipalName: profile.userPrincipalName,
      mail: profile.mail,
      jobTitle: profile.jobTitle,
      tenantId: user.tid,
      roles: [...user.roles],
      permissions: [...permissionsFor(user.roles)],
      intuneAccess: graph.intuneAccess.accessOf(user.oid),
      expiryWarningDays,
    });
  });
