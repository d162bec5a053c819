import {
  optionallyQualifiedSegment as action,
  qualifiedSegment as cast,
} from "./graph-namespace.js";

/**
 * The Intune routes the simulator serves, relative to /v1.0 and /beta, in Express's syntax.
 * Bound actions may be namespace-qualified (`microsoft.graph.revokeLicenses`), and the iOS VPP
 * app actions may come through the type cast, as OData allows and the SDKs write them; either
 * spelling of the namespace qualifies a name (graph-namespace.ts).
 */
export const vppTokenRoutes = {
  list: "/deviceAppManagement/vppTokens",
  item: "/deviceAppManagement/vppTokens/:id",
  revokeLicenses: `/deviceAppManagement/vppTokens/:id/${action("revokeLicenses")}`,
  syncLicenses: `/deviceAppManagement/vppTokens/:id/${action("syncLicenses")}`,
} as const;

const vppAppAction = (name: string): string =>
  `/deviceAppManagement/mobileApps/:id{/${cast("iosVppApp")}}/${action(name)}`;

export const mobileAppRoutes = {
  list: "/deviceAppManagement/mobileApps",
  /** The collection cast: only the iOS VPP apps. Routed before `item`, which it would match. */
  listOfIosVppApps: `/deviceAppManagement/mobileApps/${cast("iosVppApp")}`,
  item: "/deviceAppManagement/mobileApps/:id",
  itemAsIosVppApp: `/deviceAppManagement/mobileApps/:id/${cast("iosVppApp")}`,
  /** Any app type's assignments (navigation property of mobileApp). */
  assignments: "/deviceAppManagement/mobileApps/:id/assignments",
  assignedLicenses: `/deviceAppManagement/mobileApps/:id/${cast("iosVppApp")}/assignedLicenses`,
  revokeUserLicense: vppAppAction("revokeUserLicense"),
  revokeDeviceLicense: vppAppAction("revokeDeviceLicense"),
  revokeAllLicenses: vppAppAction("revokeAllLicenses"),
} as const;

const enrollmentProfileRoutesOf = (collection: string) =>
  ({
    list: `/deviceManagement/${collection}`,
    item: `/deviceManagement/${collection}/:id`,
    revokeToken: `/deviceManagement/${collection}/:id/${action("revokeToken")}`,
    createToken: `/deviceManagement/${collection}/:id/${action("createToken")}`,
  }) as const;

/** Android Enterprise enrollment profiles, one set of routes per kind (beta only). */
export const enrollmentProfileRoutes = {
  androidForWork: enrollmentProfileRoutesOf("androidForWorkEnrollmentProfiles"),
  androidDeviceOwner: enrollmentProfileRoutesOf("androidDeviceOwnerEnrollmentProfiles"),
} as const;

/**
 * Intune managed devices: the tenant's, one user's, the device actions and the user-bound
 * retire action. https://learn.microsoft.com/graph/api/resources/intune-devices-manageddevice
 */
export const managedDeviceRoutes = {
  list: "/deviceManagement/managedDevices",
  item: "/deviceManagement/managedDevices/:id",
  retire: `/deviceManagement/managedDevices/:id/${action("retire")}`,
  wipe: `/deviceManagement/managedDevices/:id/${action("wipe")}`,
  syncDevice: `/deviceManagement/managedDevices/:id/${action("syncDevice")}`,
  ofUser: "/users/:userId/managedDevices",
  itemOfUser: "/users/:userId/managedDevices/:id",
  removeAllDevicesFromManagement: `/users/:userId/${action("removeAllDevicesFromManagement")}`,
} as const;

export const allIntuneRoutes: readonly string[] = [
  ...Object.values(vppTokenRoutes),
  ...Object.values(mobileAppRoutes),
  ...Object.values(enrollmentProfileRoutes.androidForWork),
  ...Object.values(enrollmentProfileRoutes.androidDeviceOwner),
  ...Object.values(managedDeviceRoutes),
];
