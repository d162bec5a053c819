import {
  GraphActionStateSchema,
  VppTokenActionFailureReasonSchema,
  tolerantEnum,
  type AssignedLicense,
  type IosVppApp,
  type IosVppAppRevokeResult,
} from "@ihc/contracts";
import { z } from "zod";
import type { AuthenticatedUser } from "../auth/authenticated-user.js";
import { actionOutcomeOf } from "./action-outcome.js";
import { graphOptional, parseGraphBody } from "./graph-body.js";
import { getAll, getPage, type GraphPage } from "./graph-collection.js";
import type { GraphGateway } from "./graph-gateway.js";
import {
  licenseSearchFilter,
  licenseSearchOf,
  matchesLicenseSearch,
  type LicenseSearch,
} from "./license-search.js";
import { pageCursorOf, pageFromCursor } from "./page-cursor.js";

/**
 * iOS VPP apps: `mobileApps` filtered with `isof('microsoft.graph.iosVppApp')`, their assigned
 * licenses and their revoke results (beta).
 * https://learn.microsoft.com/graph/api/intune-apps-iosvppapp-list?view=graph-rest-beta
 *
 * `/mobileApps` is typed `mobileApp`: Graph's OData parser knows iosVppApp's own properties
 * (vppTokenId, license counts, …) only behind the type cast `microsoft.graph.iosVppApp/…`, in
 * `$select` and `$filter` alike; without it the request is a 400.
 */
const COLLECTION = "/deviceAppManagement/mobileApps";
const IOS_VPP_APP = "microsoft.graph.iosVppApp";

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
  getAll(graph, user, COLLECTION, GraphIosVppAppSummarySchema, {
    version: "beta",
    query: {
      $filter: `isof('${IOS_VPP_APP}')`,
      $select: [
        "id",
        "displayName",
        ...["vppTokenId", "usedLicenseCount", "totalLicenseCount"].map(cast),
      ].join(","),
    },
  });

const cast = (property: string): string => `${IOS_VPP_APP}/${property}`;

const GraphRevokeResultSchema = z.object({
  userId: graphOptional(z.string()),
  managedDeviceId: graphOptional(z.string()),
  actionName: graphOptional(z.string()),
  actionState: tolerantEnum(GraphActionStateSchema.options),
  startDateTime: graphOptional(z.string()),
  lastUpdatedDateTime: graphOptional(z.string()),
  totalLicensesCount: graphOptional(z.number().int()),
  failedLicensesCount: graphOptional(z.number().int()),
  actionFailureReason: graphOptional(tolerantEnum(VppTokenActionFailureReasonSchema.options)),
});

const toRevokeResult = (r: z.output<typeof GraphRevokeResultSchema>): IosVppAppRevokeResult => ({
  userId: r.userId,
  managedDeviceId: r.managedDeviceId,
  actionName: r.actionName ?? "",
  ...actionOutcomeOf(r),
  startDateTime: r.startDateTime,
  lastUpdatedDateTime: r.lastUpdatedDateTime,
  totalLicensesCount: r.totalLicensesCount ?? 0,
  failedLicensesCount: r.failedLicensesCount ?? 0,
});

/** Beta spells the licensing booleans both ways (`supportUserLicensing` is the older name). */
const GraphLicensingTypeSchema = z.object({
  supportsUserLicensing: graphOptional(z.boolean()),
  supportsDeviceLicensing: graphOptional(z.boolean()),
  supportUserLicensing: graphOptional(z.boolean()),
  supportDeviceLicensing: graphOptional(z.boolean()),
});

const GraphIosVppAppSchema = z.object({
  "@odata.type": graphOptional(z.string()),
  id: z.string(),
  displayName: graphOptional(z.string()),
  publisher: graphOptional(z.string()),
  bundleId: graphOptional(z.string()),
  appStoreUrl: graphOptional(z.string()),
  licensingType: graphOptional(GraphLicensingTypeSchema),
  usedLicenseCount: graphOptional(z.number().int()),
  totalLicenseCount: graphOptional(z.number().int()),
  vppTokenId: graphOptional(z.string()),
  vppTokenDisplayName: graphOptional(z.string()),
  vppTokenOrganizationName: graphOptional(z.string()),
  vppTokenAppleId: graphOptional(z.string()),
  applicableDeviceType: graphOptional(z.object({ iPad: z.boolean(), iPhoneAndIPod: z.boolean() })),
  isAssigned: graphOptional(z.boolean()),
  revokeLicenseActionResults: graphOptional(z.array(GraphRevokeResultSchema)),
});
type GraphIosVppApp = z.output<typeof GraphIosVppAppSchema>;

const APP_PROPERTIES = ["id", "displayName", "publisher", "isAssigned"];
const VPP_PROPERTIES = [
  "bundleId",
  "appStoreUrl",
  "licensingType",
  "usedLicenseCount",
  "totalLicenseCount",
  "vppTokenId",
  "vppTokenDisplayName",
  "vppTokenOrganizationName",
  "vppTokenAppleId",
  "applicableDeviceType",
  "revokeLicenseActionResults",
];

const toIosVppApp = (a: GraphIosVppApp): IosVppApp => ({
  id: a.id,
  displayName: a.displayName ?? a.id,
  publisher: a.publisher,
  bundleId: a.bundleId,
  appStoreUrl: a.appStoreUrl,
  licensingType: {
    supportsUserLicensing:
      a.licensingType?.supportsUserLicensing ?? a.licensingType?.supportUserLicensing ?? false,
    supportsDeviceLicensing:
      a.licensingType?.supportsDeviceLicensing ?? a.licensingType?.supportDeviceLicensing ?? false,
  },
  usedLicenseCount: a.usedLicenseCount ?? 0,
  totalLicenseCount: a.totalLicenseCount ?? 0,
  vppTokenId: a.vppTokenId,
  vppTokenDisplayName: a.vppTokenDisplayName,
  vppTokenOrganizationName: a.vppTokenOrganizationName,
  vppTokenAppleId: a.vppTokenAppleId,
  applicableDeviceType: a.applicableDeviceType,
  isAssigned: a.isAssigned,
  revokeLicenseActionResults: (a.revokeLicenseActionResults ?? []).map(toRevokeResult),
});

/**
 * `vppTokenId` must already be validated (a GUID): it becomes part of an OData literal. Intune
 * is reported to ignore `$filter`/`$select` on the iosVppApp cast's properties and answer as if
 * they were absent, so the token filter is applied here too: an app of another token is never
 * shown as a match. Graph may ignore a query option a resource does not support rather than
 * fail: https://learn.microsoft.com/graph/query-parameters#error-handling-for-query-parameters
 */
export const listIosVppApps = async (
  graph: GraphGateway,
  user: AuthenticatedUser,
  { vppTokenId }: { vppTokenId?: string | undefined } = {},
): Promise<IosVppApp[]> =>
  (
    await getAll(graph, user, COLLECTION, GraphIosVppAppSchema, {
      version: "beta",
      query: {
        $filter: [
          `isof('${IOS_VPP_APP}')`,
          ...(vppTokenId === undefined ? [] : [`${cast("vppTokenId")} eq '${vppTokenId}'`]),
        ].join(" and "),
        $select: [...APP_PROPERTIES, ...VPP_PROPERTIES.map(cast)].join(","),
      },
    })
  )
    .filter((app) => vppTokenId === undefined || sameId(app.vppTokenId, vppTokenId))
    .map(toIosVppApp);

const sameId = (a: string | null | undefined, b: string): boolean =>
  a?.toLowerCase() === b.toLowerCase();

export type MobileAppLookup =
  | { kind: "iosVppApp"; app: IosVppApp }
  | { kind: "other"; id: string; displayName: string; odataType: string };

/**
 * One mobile app, whatever its type: read without the cast, so that another type of app is a
 * clear "not an iOS VPP app" rather than the cast's 404. Graph's 404 is a GraphError.
 */
export const getMobileApp = async (
  graph: GraphGateway,
  user: AuthenticatedUser,
  id: string,
): Promise<MobileAppLookup> => {
  const response = await graph.get(user, appPath(id), { version: "beta" });
  const app = parseGraphBody(GraphIosVppAppSchema, response.body);
  const odataType = (app["@odata.type"] ?? "").replace(/^#/, "");
  return odataType === IOS_VPP_APP
    ? { kind: "iosVppApp", app: toIosVppApp(app) }
    : { kind: "other", id: app.id, displayName: app.displayName ?? app.id, odataType };
};

const GraphRevokeResultsSchema = z.object({
  id: z.string(),
  revokeLicenseActionResults: graphOptional(z.array(GraphRevokeResultSchema)),
});

/** The app's revoke results only: what a watcher polls. */
export const getRevokeResults = async (
  graph: GraphGateway,
  user: AuthenticatedUser,
  id: string,
): Promise<IosVppAppRevokeResult[]> => {
  const response = await graph.get(user, `${appPath(id)}/${IOS_VPP_APP}`, {
    version: "beta",
    query: { $select: "id,revokeLicenseActionResults" },
  });
  return (
    parseGraphBody(GraphRevokeResultsSchema, response.body).revokeLicenseActionResults ?? []
  ).map(toRevokeResult);
};

export const GraphAssignedLicenseSchema = z.object({
  "@odata.type": graphOptional(z.string()),
  id: z.string(),
  userId: graphOptional(z.string()),
  userPrincipalName: graphOptional(z.string()),
  userEmailAddress: graphOptional(z.string()),
  userName: graphOptional(z.string()),
  managedDeviceId: graphOptional(z.string()),
  deviceName: graphOptional(z.string()),
});

export const toAssignedLicense = (
  l: z.output<typeof GraphAssignedLicenseSchema>,
): AssignedLicense => {
  const device = /AssignedDeviceLicense$/.test(l["@odata.type"] ?? "");
  return {
    id: l.id,
    kind: device ? "device" : "user",
    userId: l.userId,
    userPrincipalName: l.userPrincipalName,
    userEmailAddress: l.userEmailAddress,
    userName: l.userName,
    managedDeviceId: device ? l.managedDeviceId : undefined,
    deviceName: device ? l.deviceName : undefined,
  };
};

/**
 * One page of an app's assigned licenses: the first (optionally searched, see
 * license-search.ts), or the one a previous page's nextLink points at (`next`, already checked
 * by `licensePageFromCursor`).
 */
export const listAssignedLicensesPage = async (
  graph: GraphGateway,
  user: AuthenticatedUser,
  appId: string,
  page:
    | { first: { top: number; search?: LicenseSearch | undefined } }
    | { next: { query: Record<string, string> } },
): Promise<GraphPage<AssignedLicense>> => {
  const query =
    "next" in page
      ? page.next.query
      : {
          $top: String(page.first.top),
          ...(page.first.search === undefined
            ? {}
            : { $filter: licenseSearchFilter(page.first.search) }),
        };
  const result = await getPage(graph, user, licensesPath(appId), GraphAssignedLicenseSchema, {
    version: "beta",
    query,
  });
  // A page holds matches only (it may then hold fewer than `$top`): see matchesLicenseSearch.
  const search = licenseSearchOf(query.$filter);
  const items = result.items.map(toAssignedLicense);
  return {
    items: search === undefined ? items : items.filter((l) => matchesLicenseSearch(l, search)),
    next: result.next,
  };
};

/** Every license of the app (999 a page, bounded): for prechecks and reconciliation. */
export const listAllAssignedLicenses = async (
  graph: GraphGateway,
  user: AuthenticatedUser,
  appId: string,
): Promise<AssignedLicense[]> =>
  (
    await getAll(graph, user, licensesPath(appId), GraphAssignedLicenseSchema, {
      version: "beta",
      query: { $top: 999 },
    })
  ).map(toAssignedLicense);

/** `id` must already be validated (a GUID): it becomes part of a URL. */
export const appPath = (id: string): string => `${COLLECTION}/${encodeURIComponent(id)}`;

export const licensesPath = (appId: string): string =>
  `${appPath(appId)}/${IOS_VPP_APP}/assignedLicenses`;

const CURSOR_QUERY_OPTIONS = new Set(["$top", "$filter", "$skiptoken", "$skip"]);

/** See page-cursor.ts: the cursor of an app's license pages. */
export const licenseCursorOf = pageCursorOf;

export const licensePageFromCursor = (
  cursor: string,
  appId: string,
): { query: Record<string, string> } | undefined =>
  pageFromCursor(cursor, licensesPath(appId), CURSOR_QUERY_OPTIONS);
