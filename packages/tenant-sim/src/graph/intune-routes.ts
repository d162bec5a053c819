/**
 * The Intune routes the simulator serves, relative to /v1.0 and /beta, in Express's syntax.
 * Bound actions may be namespace-qualified (`microsoft.graph.revokeLicenses`), and the iOS VPP
 * app actions may come through the type cast, as OData allows and the SDKs write them.
 */
export const vppTokenRoutes = {
  list: "/deviceAppManagement/vppTokens",
  item: "/deviceAppManagement/vppTokens/:id",
  revokeLicenses: "/deviceAppManagement/vppTokens/:id/{microsoft.graph.}revokeLicenses",
  syncLicenses: "/deviceAppManagement/vppTokens/:id/{microsoft.graph.}syncLicenses",
} as const;

const vppAppAction = (name: string): string =>
  `/deviceAppManagement/mobileApps/:id{/microsoft.graph.iosVppApp}/{microsoft.graph.}${name}`;

export const mobileAppRoutes = {
  list: "/deviceAppManagement/mobileApps",
  item: "/deviceAppManagement/mobileApps/:id",
  itemAsIosVppApp: "/deviceAppManagement/mobileApps/:id/microsoft.graph.iosVppApp",
  assignedLicenses:
    "/deviceAppManagement/mobileApps/:id/microsoft.graph.iosVppApp/assignedLicenses",
  revokeUserLicense: vppAppAction("revokeUserLicense"),
  revokeDeviceLicense: vppAppAction("revokeDeviceLicense"),
  revokeAllLicenses: vppAppAction("revokeAllLicenses"),
} as const;

const enrollmentProfileRoutesOf = (collection: string) =>
  ({
    list: `/deviceManagement/${collection}`,
    item: `/deviceManagement/${collection}/:id`,
    revokeToken: `/deviceManagement/${collection}/:id/{microsoft.graph.}revokeToken`,
    createToken: `/deviceManagement/${collection}/:id/{microsoft.graph.}createToken`,
  }) as const;

/** Android Enterprise enrollment profiles, one set of routes per kind (beta only). */
export const enrollmentProfileRoutes = {
  androidForWork: enrollmentProfileRoutesOf("androidForWorkEnrollmentProfiles"),
  androidDeviceOwner: enrollmentProfileRoutesOf("androidDeviceOwnerEnrollmentProfiles"),
} as const;

/**
 * Intune managed devices: the tenant's, one user's, and the user-bound retire action.
 * https://learn.microsoft.com/graph/api/resources/intune-devices-manageddevice
 */
export const managedDeviceRoutes = {
  list: "/deviceManagement/managedDevices",
  item: "/deviceManagement/managedDevices/:id",
  ofUser: "/users/:userId/managedDevices",
  itemOfUser: "/users/:userId/managedDevices/:id",
  removeAllDevicesFromManagement: "/users/:userId/{microsoft.graph.}removeAllDevicesFromManagement",
} as const;

export const allIntuneRoutes: readonly string[] = [
  ...Object.values(vppTokenRoutes),
  ...Object.values(mobileAppRoutes),
  ...Object.values(enrollmentProfileRoutes.androidForWork),
  ...Object.values(enrollmentProfileRoutes.androidDeviceOwner),
  ...Object.values(managedDeviceRoutes),
];
