import { ReclaimableLicenseReportSchema } from "@ihc/contracts";
import { Router } from "express";
import { userOf } from "../auth/authenticate.js";
import { requirePermission } from "../auth/require-permission.js";
import type { GraphGateway } from "../graph/graph-gateway.js";
import { listReclaimableLicenses } from "../graph/reclaimable-licenses.js";
import { sendJson } from "../http/send-json.js";
import { PerUserViewCache } from "./per-user-view-cache.js";

/**
 * VPP licenses across apps: the reclaim report (issue #18, 3). It reads every iOS VPP app's
 * licenses, so it is kept in the caller's view cache (ADR 0024); their own revokes drop it.
 * Revoking goes through the apps' bulk revoke (`app.revoke-licenses-bulk`), one per app.
 */
export const vppLicensesRouter = (
  graph: GraphGateway,
  viewCache: PerUserViewCache = new PerUserViewCache(0),
): Router =>
  Router().get("/vpp-licenses/reclaimable", requirePermission("console:read"), async (req, res) => {
    const user = userOf(req);
    const report = await viewCache.getOrLoad(user.oid, "vpp-licenses:reclaimable", () =>
      listReclaimableLicenses(graph, user),
    );
    sendJson(res, ReclaimableLicenseReportSchema, report);
  });
