import { qualifiedName } from "../graph-namespace.js";
import type { GraphVersion } from "../graph-request-context.js";

/**
 * Just enough of Graph's CSDL for the query options: each type's structural properties by
 * version (from shared/reference/graph-schema.json) and its base type, so that `$select` and
 * `$filter` can tell a property of the collection's type from one that needs a type cast
 * (`microsoft.graph.iosVppApp/vppTokenId`), as Graph's OData parser does.
 */
export interface ODataType {
  /** Qualified name, "microsoft.graph.iosVppApp". */
  name: string;
  base: ODataType | undefined;
  /** Properties declared on this type; a version missing here does not have the type. */
  declared: Partial<Record<GraphVersion, readonly string[]>>;
}

function type(
  name: string,
  base: ODataType | undefined,
  declared: Partial<Record<GraphVersion, readonly string[]>>,
): ODataType {
  return { name: `microsoft.graph.${name}`, base, declared };
}

/** Every property of the type in this version, inherited ones first. */
export function propertiesOf(t: ODataType, version: GraphVersion): string[] {
  const own = t.declared[version] ?? [];
  return [...(t.base === undefined ? ["id"] : propertiesOf(t.base, version)), ...own];
}

export function existsIn(t: ODataType, version: GraphVersion): boolean {
  return t.declared[version] !== undefined;
}

export function derivesFrom(t: ODataType, ancestor: ODataType): boolean {
  for (let current: ODataType | undefined = t; current; current = current.base) {
    if (current === ancestor) return true;
  }
  return false;
}

const mobileAppV1 = [
  "createdDateTime",
  "description",
  "developer",
  "displayName",
  "informationUrl",
  "isFeatured",
  "largeIcon",
  "lastModifiedDateTime",
  "notes",
  "owner",
  "privacyInformationUrl",
  "publisher",
  "publishingState",
];

export const mobileAppType = type("mobileApp", undefined, {
  "v1.0": mobileAppV1,
  beta: [
    ...mobileAppV1,
    "dependentAppCount",
    "isAssigned",
    "roleScopeTagIds",
    "supersededAppCount",
    "supersedingAppCount",
    "uploadState",
  ].sort(),
});

const iosVppAppV1 = [
  "applicableDeviceType",
  "appStoreUrl",
  "bundleId",
  "licensingType",
  "releaseDateTime",
  "totalLicenseCount",
  "usedLicenseCount",
  "vppTokenAccountType",
  "vppTokenAppleId",
  "vppTokenOrganizationName",
];

export const iosVppAppType = type("iosVppApp", mobileAppType, {
  "v1.0": iosVppAppV1,
  beta: [
    "appleDeviceAppDeliveryProtocolType",
    ...iosVppAppV1,
    "revokeLicenseActionResults",
    "vppTokenDisplayName",
    "vppTokenId",
  ],
});

/** The other app types the demo tenant holds; only the properties the seed gives them. */
const managedAppType = type("managedApp", mobileAppType, {
  "v1.0": ["appAvailability", "version"],
  beta: ["appAvailability", "version"],
});
const mobileLobAppType = type("mobileLobApp", mobileAppType, {
  "v1.0": ["committedContentVersion", "fileName", "size"],
  beta: ["committedContentVersion", "fileName", "size"],
});
const iosAppProperties = [
  "applicableDeviceType",
  "appStoreUrl",
  "bundleId",
  "minimumSupportedOperatingSystem",
];
const win32Properties = [
  "applicableArchitectures",
  "displayVersion",
  "installCommandLine",
  "setupFilePath",
  "uninstallCommandLine",
];

export const otherAppTypes: readonly ODataType[] = [
  managedAppType,
  mobileLobAppType,
  type("win32LobApp", mobileLobAppType, { "v1.0": win32Properties, beta: win32Properties }),
  type("webApp", mobileAppType, {
    "v1.0": ["appUrl", "useManagedBrowser"],
    beta: ["appUrl", "useManagedBrowser"],
  }),
  type("managedIOSStoreApp", managedAppType, { "v1.0": iosAppProperties, beta: iosAppProperties }),
  type("iosStoreApp", mobileAppType, { "v1.0": iosAppProperties, beta: iosAppProperties }),
  // Not in graph-schema.json's extract; properties from Graph's beta reference
  // (resources/intune-apps-macosvppapp). Served behind the macOsVppApps switch, beta only.
  type("macOsVppApp", mobileAppType, {
    beta: [
      "appStoreUrl",
      "bundleId",
      "licensingType",
      "releaseDateTime",
      "revokeLicenseActionResults",
      "totalLicenseCount",
      "usedLicenseCount",
      "vppTokenAccountType",
      "vppTokenAppleId",
      "vppTokenDisplayName",
      "vppTokenId",
      "vppTokenOrganizationName",
    ],
  }),
];

const vppTokenV1 = [
  "appleId",
  "automaticallyUpdateApps",
  "countryOrRegion",
  "expirationDateTime",
  "lastModifiedDateTime",
  "lastSyncDateTime",
  "lastSyncStatus",
  "organizationName",
  "state",
  "token",
  "vppTokenAccountType",
];

export const vppTokenType = type("vppToken", undefined, {
  "v1.0": vppTokenV1,
  beta: [
    ...vppTokenV1,
    "appleDeviceAppDeliveryProtocolType",
    "claimTokenManagementFromExternalMdm",
    "dataSharingConsentGranted",
    "displayName",
    "locationName",
    "roleScopeTagIds",
    "tokenActionResults",
  ].sort(),
});

export const assignedLicenseType = type("iosVppAppAssignedLicense", undefined, {
  beta: ["userEmailAddress", "userId", "userName", "userPrincipalName"],
});
export const assignedUserLicenseType = type("iosVppAppAssignedUserLicense", assignedLicenseType, {
  beta: [],
});
export const assignedDeviceLicenseType = type(
  "iosVppAppAssignedDeviceLicense",
  assignedLicenseType,
  { beta: ["deviceName", "managedDeviceId"] },
);

// Not in graph-schema.json's extract (only as mobileApp's `assignments` navigation property);
// from Graph's reference, resources/intune-apps-mobileappassignment.
export const mobileAppAssignmentType = type("mobileAppAssignment", undefined, {
  "v1.0": ["intent", "settings", "target"],
  beta: ["intent", "settings", "source", "sourceId", "target"],
});

// Beta only: v1.0 has neither type (graph-schema.json notes).
export const androidForWorkEnrollmentProfileType = type(
  "androidForWorkEnrollmentProfile",
  undefined,
  {
    beta: [
      "accountId",
      "createdDateTime",
      "description",
      "displayName",
      "enrolledDeviceCount",
      "lastModifiedDateTime",
      "qrCodeContent",
      "qrCodeImage",
      "tokenExpirationDateTime",
      "tokenValue",
    ],
  },
);

export const androidDeviceOwnerEnrollmentProfileType = type(
  "androidDeviceOwnerEnrollmentProfile",
  undefined,
  {
    beta: [
      "accountId",
      "configureWifi",
      "createdDateTime",
      "description",
      "deviceNameTemplate",
      "displayName",
      "enrolledDeviceCount",
      "enrollmentMode",
      "enrollmentTokenType",
      "enrollmentTokenUsageCount",
      "isTeamsDeviceProfile",
      "lastModifiedDateTime",
      "qrCodeContent",
      "qrCodeImage",
      "roleScopeTagIds",
      "tokenCreationDateTime",
      "tokenExpirationDateTime",
      "tokenValue",
      "wifiHidden",
      "wifiPassword",
      "wifiSecurityType",
      "wifiSsid",
    ],
  },
);

/** Every type the query options may name, by qualified name (case-insensitive, either namespace spelling). */
const knownTypes = new Map(
  [
    mobileAppType,
    iosVppAppType,
    ...otherAppTypes,
    vppTokenType,
    assignedLicenseType,
    assignedUserLicenseType,
    assignedDeviceLicenseType,
    mobileAppAssignmentType,
    androidForWorkEnrollmentProfileType,
    androidDeviceOwnerEnrollmentProfileType,
  ].map((t) => [t.name.toLowerCase(), t]),
);

export function findType(name: string): ODataType | undefined {
  return knownTypes.get(qualifiedName(name).toLowerCase());
}

/** The entity's runtime type, from its "@odata.type" ("#microsoft.graph.x"). */
export function typeOfEntity(
  entity: Readonly<Record<string, unknown>>,
  fallback: ODataType,
): ODataType {
  const annotation = entity["@odata.type"];
  if (typeof annotation !== "string") return fallback;
  return findType(annotation.replace(/^#/, "")) ?? fallback;
}
