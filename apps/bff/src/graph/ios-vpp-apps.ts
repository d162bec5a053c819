import { z } from "zod";
import type { AuthenticatedUser } from "../auth/authenticated-user.js";
import { graphOptional } from "./graph-body.js";
import { getAll } from "./graph-collection.js";
import type { GraphGateway } from "./graph-gateway.js";

/**
 * iOS VPP apps: `mobileApps` filtered with `isof('microsoft.graph.iosVppApp')`. Graph cannot
 * filter on `vppTokenId` or the license counts, so those are filtered here.
 * https://learn.microsoft.com/graph/api/intune-apps-iosvppapp-list?view=graph-rest-beta
 */
export const GraphIosVppAppSummarySchema = z.object({
  id: z.string(),
  displayName: graphOptional(z.string()),
  vppTokenId: graphOptional(z.string()),
  usedLicenseCount: graphOptional(z.number().int()),
  totalLicenseCount: graphOptional(z.number().int()),
});
export type GraphIosVppAppSummary = z.output<typeof GraphIosVppAppSummarySchema>;

export const listIosVppAppSummaries = (
  graph: GraphGateway,
  user: AuthenticatedUser,
): Promise<GraphIosVppAppSummary[]> =>
  getAll(graph, user, "/deviceAppManagement/mobileApps", GraphIosVppAppSummarySchema, {
    version: "beta",
    // No $select: on the base-type collection Graph cannot select iosVppApp's own properties
    // (vppTokenId, license counts) without a type-cast, so the whole derived entity comes back.
    query: { $filter: "isof('microsoft.graph.iosVppApp')" },
  });
