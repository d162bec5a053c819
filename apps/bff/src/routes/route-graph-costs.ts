import { api } from "@ihc/contracts";

export type RouteName = keyof typeof api;

/**
 * Graph calls each route makes, charged to the caller's Graph budget before the route runs
 * (ADR 0024). Measured against the simulator's demo tenant (`route-graph-costs.test.ts` asserts
 * each GET route's figure; a `$batch` of n reads counts n, as Graph counts it). Typed by the
 * route table, so a route added to `api` does not compile until its cost is written here.
 * Action routes count the reads they make before answering (measured on their refusal paths
 * by hand, which read what the accepted path reads); their writes have their own budget
 * (actions/write-budget.ts).
 */
/**
 * Routes whose Graph calls vary with the data (one read per group, …): declared at their most,
 * so the budget never undercharges; the cost test checks they never exceed it.
 */
export const variableCostRoutes: ReadonlySet<RouteName> = new Set<RouteName>([
  "appAssignments",
  "reclaimableLicenses",
  "appLicenses",
  "appLicensesExportCsv",
]);

export const routeGraphCosts: Record<RouteName, number> = {
  health: 0,
  ready: 0,
  openApi: 0,
  clientConfig: 0,
  me: 1,
  vppTokens: 1,
  vppToken: 2,
  revokeVppLicenses: 2,
  syncVppLicenses: 1,
  actions: 0,
  actionsExportCsv: 0,
  actionsExportJsonl: 0,
  action: 0,
  events: 0,
  users: 1,
  user: 1,
  userDevices: 1,
  /** One user read, the iOS VPP app list, then one filtered licence read per app (batched). */
  userVppLicenses: 22,
  retireAllDevices: 2,
  /** The user, their devices, then their VPP licences as `userVppLicenses` reads them. */
  offboardUser: 23,
  /** The user, then their VPP licences as `userVppLicenses` reads them. */
  revokeAllUserLicenses: 22,
  /** The user and their devices; the retires are the bulk queue's, not the request's. */
  retireSelectedDevices: 2,
  enrollmentProfiles: 2,
  revealEnrollmentToken: 1,
  revokeEnrollmentToken: 1,
  createEnrollmentToken: 1,
  replaceEnrollmentToken: 1,
  /**
   * The iOS VPP apps, each app's licenses (999 a read, batched), the licensed users (15 ids a
   * read, batched) and the managed device ids (999 a read): 1 + 20 + 4 + 1 in the demo tenant.
   * It grows with the apps, licensed users and devices: measure again when the demo tenant does.
   */
  reclaimableLicenses: 26,
  apps: 1,
  app: 1,
  /** One page; a search that could be a serial number first reads the devices with it. */
  appLicenses: 2,
  /**
   * The app, the serial lookup of a search, then every page (999 each): 20 pages for the
   * 20,000 licenses issue #18 sizes it for. A larger app is still exported whole, charged this.
   */
  appLicensesExportCsv: 22,
  /** The assignments, then each group's name and member count: 1 + 2 per group, ≤ 5 groups. */
  appAssignments: 11,
  revokeUserLicense: 2,
  revokeDeviceLicense: 2,
  /** The device, then its primary user's VPP licences (the licence list per app, batched). */
  device: 22,
  retireDevice: 1,
  syncDevice: 1,
  wipeDevice: 1,
  revokeAllAppLicenses: 2,
  revokeAppLicensesBulk: 2,
};

/** A path no route declares (a 404 to be): as dear as the dearest route, never free. */
export const UNKNOWN_ROUTE_COST = Math.max(...Object.values(routeGraphCosts));

interface CostedRoute {
  name: RouteName;
  method: string;
  pattern: RegExp;
  cost: number;
}

const patternOf = (path: string): RegExp =>
  new RegExp(
    `^${path
      .split("/")
      .map((segment) =>
        segment.startsWith(":") ? "[^/]+" : segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"),
      )
      .join("/")}/?$`,
  );

const costedRoutes: CostedRoute[] = (Object.keys(api) as RouteName[]).map((name) => ({
  name,
  method: api[name].method,
  pattern: patternOf(api[name].path),
  cost: routeGraphCosts[name],
}));

/** The route a request is for (method and path under the origin, e.g. `/api/users/x`), and its cost. */
export const graphCostOf = (
  method: string,
  path: string,
): { route: RouteName | undefined; cost: number } => {
  const verb = method === "HEAD" ? "GET" : method;
  const route = costedRoutes.find((r) => r.method === verb && r.pattern.test(path));
  return route === undefined
    ? { route: undefined, cost: UNKNOWN_ROUTE_COST }
    : { route: route.name, cost: route.cost };
};
