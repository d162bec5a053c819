import type { VppAppType } from "@ihc/contracts";
import { z } from "zod";
import type { AuthenticatedUser } from "../auth/authenticated-user.js";
import { graphOptional } from "./graph-body.js";
import { getAll } from "./graph-collection.js";
import type { GraphGateway } from "./graph-gateway.js";

const TYPES: Readonly<Record<string, VppAppType>> = {
  "#microsoft.graph.iosVppApp": "iosVppApp",
  "#microsoft.graph.macOsVppApp": "macOsVppApp",
};
const CAST_PROPERTIES = ["vppTokenId", "usedLicenseCount", "totalLicenseCount"];

const GraphVppAppSummarySchema = z.object({
  "@odata.type": graphOptional(z.string()),
  id: z.string(),
  displayName: graphOptional(z.string()),
  vppTokenId: graphOptional(z.string()),
  usedLicenseCount: graphOptional(z.number().int()),
  totalLicenseCount: graphOptional(z.number().int()),
});

export interface VppAppSummary {
  id: string;
  appType: VppAppType;
  displayName: string;
  vppTokenId: string | undefined;
  usedLicenseCount: number;
  totalLicenseCount: number;
}

/**
 * Every VPP app, iOS and macOS (beta): a VPP token's `revokeLicenses` revokes the licenses of
 * both, so its impact must count both. macOS apps' licenses cannot be listed through Graph
 * (no assignedLicenses), only counted. Each type's properties are known only behind its cast.
 * https://learn.microsoft.com/graph/api/resources/intune-apps-macosvppapp?view=graph-rest-beta
 */
export const listVppAppSummaries = async (
  graph: GraphGateway,
  user: AuthenticatedUser,
): Promise<VppAppSummary[]> => {
  const casts = Object.keys(TYPES).map((type) => type.slice(1));
  const apps = await getAll(
    graph,
    user,
    "/deviceAppManagement/mobileApps",
    GraphVppAppSummarySchema,
    {
      version: "beta",
      query: {
        $filter: casts.map((cast) => `isof('${cast}')`).join(" or "),
        $select: [
          "id",
          "displayName",
          ...casts.flatMap((cast) => CAST_PROPERTIES.map((p) => `${cast}/${p}`)),
        ].join(","),
      },
    },
  );
  return apps.flatMap((app) => {
    const appType = TYPES[app["@odata.type"] ?? ""];
    // The type is checked again: Graph may ignore part of a filter (issue #15, 4).
    if (appType === undefined) return [];
    return [
      {
        id: app.id,
        appType,
        displayName: app.displayName ?? app.id,
        vppTokenId: app.vppTokenId,
        usedLicenseCount: app.usedLicenseCount ?? 0,
        totalLicenseCount: app.totalLicenseCount ?? 0,
      },
    ];
  });
};
