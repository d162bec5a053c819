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

export const allIntuneRoutes: readonly string[] = [
  ...Object.values(vppTokenRoutes),
  ...Object.values(mobileAppRoutes),
  ...Object.values(enrollmentProfileRoutes.androidForWork),
  ...Object.values(enrollmentProfileRoutes.androidDeviceOwner),
];
