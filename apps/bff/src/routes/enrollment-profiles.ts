import { EnrollmentProfileListSchema } from "@ihc/contracts";
import { Router } from "express";
import { userOf } from "../auth/authenticate.js";
import { requirePermission } from "../auth/require-permission.js";
import { listEnrollmentProfiles } from "../graph/enrollment-profiles.js";
import type { GraphGateway } from "../graph/graph-gateway.js";
import { sendJson } from "../http/send-json.js";

/**
 * Android Enterprise enrollment profiles: the list, without token values. The audited reveal
 * and revoke / create / replace token are kinds (actions/kinds/enrollment-profile-*.ts),
 * mounted by the action routes.
 */
export const enrollmentProfilesRouter = (graph: GraphGateway): Router =>
  Router().get("/enrollment-profiles", requirePermission("console:read"), async (req, res) => {
    sendJson(res, EnrollmentProfileListSchema, {
      items: await listEnrollmentProfiles(graph, userOf(req)),
    });
  });
