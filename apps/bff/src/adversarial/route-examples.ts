import { randomUUID } from "node:crypto";
import { api } from "@ihc/contracts";
import {
  seededDeviceIds,
  seededEnrollmentProfileIds,
  seededIds,
  seededUserIds,
} from "@ihc/tenant-sim";

export type RouteName = keyof typeof api;
export type Route = (typeof api)[RouteName];

/**
 * A real target for each route's path parameters, by the path's resource (its first segment
 * below /api): a new route on an existing resource is covered without an edit here, and a route
 * on a new resource fails the suite until its example is added.
 */
const PARAMS_BY_RESOURCE: Record<string, Record<string, string>> = {
  "vpp-tokens": { id: seededIds.vppTokens.valid },
  apps: { id: seededIds.iosVppApps.slack },
  "enrollment-profiles": {
    kind: "androidForWork",
    id: seededEnrollmentProfileIds.androidForWork.warehouseScanners,
  },
  actions: { id: randomUUID() },
  users: { id: seededUserIds.lukaszWisniewski },
  "vpp-licenses": {},
  // Retiring it resets it, so its retire checks the typed confirmation as a wipe does.
  devices: { id: seededDeviceIds.mateoRossi.corporateWorkProfile },
};

/** A valid query where `{}` is not one (search is required on /api/users). */
const QUERY_EXAMPLES: Partial<Record<RouteName, Record<string, string>>> = {
  users: { search: "adele" },
};

/** A valid body per action route: the fuzzer breaks one thing at a time from here. */
const BODY_EXAMPLES: Partial<Record<RouteName, Record<string, unknown>>> = {
  revokeVppLicenses: {
    notifyManagedDevices: true,
    revokeUntrackedLicenses: false,
    confirmDisplayName: "Contoso Business VPP",
    reason: "fuzz",
  },
  syncVppLicenses: { reason: "fuzz" },
  retireAllDevices: { confirmUserPrincipalName: "someone@example.com", reason: "fuzz" },
  offboardUser: {
    confirmUserPrincipalName: "someone@example.com",
    confirmDeviceIds: [],
    confirmLicenseCount: 0,
    notifyManagedDevices: true,
    reason: "fuzz",
  },
  revokeAllUserLicenses: {
    confirmUserPrincipalName: "someone@example.com",
    confirmLicenseCount: 0,
    notifyManagedDevices: false,
    reason: "fuzz",
  },
  retireSelectedDevices: {
    deviceIds: [seededDeviceIds.lukaszWisniewski.iphone],
    confirmUserPrincipalName: "someone@example.com",
    reason: "fuzz",
  },
  retireDevice: { confirmDevice: "not-the-serial", reason: "fuzz" },
  syncDevice: { reason: "fuzz" },
  wipeDevice: {
    confirmDevice: "not-the-serial",
    keepEnrollmentData: false,
    keepUserData: false,
    reason: "fuzz",
  },
  revokeEnrollmentToken: { confirmDisplayName: "x", reason: "fuzz" },
  createEnrollmentToken: { validityDays: 30, reason: "fuzz" },
  replaceEnrollmentToken: { confirmDisplayName: "x", validityDays: 30, reason: "fuzz" },
  revokeUserLicense: { userId: randomUUID(), notifyManagedDevices: false, reason: "fuzz" },
  revokeDeviceLicense: { managedDeviceId: randomUUID(), notifyManagedDevices: false },
  revokeAllAppLicenses: { notifyManagedDevices: false, confirmDisplayName: "x" },
  revokeAppLicensesBulk: {
    licenses: [{ kind: "user", userId: randomUUID() }],
    notifyManagedDevices: false,
  },
};

export const resourceOf = (route: Route): string => route.path.split("/")[2] ?? "";

export const paramNamesOf = (route: Route): string[] =>
  [...route.path.matchAll(/:(\w+)/g)].map((match) => match[1] ?? "");

export const validParamsOf = (name: RouteName, route: Route): Record<string, string> => {
  const names = paramNamesOf(route);
  if (names.length === 0) return {};
  const example = PARAMS_BY_RESOURCE[resourceOf(route)];
  const params = Object.fromEntries(names.map((param) => [param, example?.[param]]));
  if (names.some((param) => params[param] === undefined)) {
    throw new Error(`Route ${name} (${route.path}): add its parameters to PARAMS_BY_RESOURCE`);
  }
  return params as Record<string, string>;
};

export const validQueryOf = (name: RouteName, route: Route): Record<string, string> => {
  const example = QUERY_EXAMPLES[name] ?? {};
  if ("query" in route && !route.query.safeParse(example).success) {
    throw new Error(`Route ${name} (${route.path}): add a valid query to QUERY_EXAMPLES`);
  }
  return example;
};

export const validBodyOf = (name: RouteName, route: Route): Record<string, unknown> => {
  const example = BODY_EXAMPLES[name];
  if (!("body" in route)) return {};
  if (example === undefined || !route.body.safeParse(example).success) {
    throw new Error(`Route ${name} (${route.path}): add a valid body to BODY_EXAMPLES`);
  }
  return example;
};

/** The route's path with each `:param` replaced by its (already encoded) value. */
export const pathOf = (route: Route, params: Record<string, string>): string =>
  route.path.replace(/:(\w+)/g, (_, param: string) => params[param] ?? `:${param}`);
