/**
 * Intune's VPP resources as the store keeps them, in Graph's own property names and enum values
 * (shared/reference/graph-schema.json, beta). Properties Graph derives at read time
 * (usedLicenseCount, the app's vppToken* copies) are not stored: the serializers compute them.
 */

export type ActionState =
  "none" | "pending" | "canceled" | "active" | "done" | "failed" | "notSupported";

export type VppTokenActionFailureReason =
  | "none"
  | "appleFailure"
  | "internalError"
  | "expiredVppToken"
  | "expiredApplePushNotificationCertificate";

export type VppTokenState =
  "unknown" | "valid" | "expired" | "invalid" | "assignedToExternalMDM" | "duplicateLocationId";

export type VppTokenSyncStatus = "none" | "inProgress" | "completed" | "failed";
export type VppTokenAccountType = "business" | "education";

/** `#microsoft.graph.vppTokenRevokeLicensesActionResult`. */
export interface VppTokenRevokeLicensesActionResult {
  "@odata.type": "#microsoft.graph.vppTokenRevokeLicensesActionResult";
  actionName: string;
  actionState: ActionState;
  startDateTime: string;
  lastUpdatedDateTime: string;
  totalLicensesCount: number;
  failedLicensesCount: number;
  actionFailureReason: VppTokenActionFailureReason;
}

/** `microsoft.graph.iosVppAppRevokeLicensesActionResult` (no base type, so no @odata.type). */
export interface IosVppAppRevokeLicensesActionResult {
  userId: string | null;
  managedDeviceId: string | null;
  totalLicensesCount: number;
  failedLicensesCount: number;
  actionFailureReason: VppTokenActionFailureReason;
  actionName: string;
  actionState: ActionState;
  startDateTime: string;
  lastUpdatedDateTime: string;
}

/** A progress record either resource keeps; the fields a running action moves. */
export type RevokeActionResult =
  VppTokenRevokeLicensesActionResult | IosVppAppRevokeLicensesActionResult;

export interface VppTokenRecord {
  id: string;
  displayName: string | null;
  organizationName: string | null;
  appleId: string | null;
  locationName: string | null;
  countryOrRegion: string | null;
  vppTokenAccountType: VppTokenAccountType;
  state: VppTokenState;
  expirationDateTime: string;
  lastSyncDateTime: string;
  lastSyncStatus: VppTokenSyncStatus;
  lastModifiedDateTime: string;
  automaticallyUpdateApps: boolean;
  claimTokenManagementFromExternalMdm: boolean;
  dataSharingConsentGranted: boolean;
  appleDeviceAppDeliveryProtocolType:
    "default" | "mobileDeviceManagement" | "declarativeDeviceManagement";
  roleScopeTagIds: string[];
  /** The secret Apple issued (the .vpptoken file's content). Graph returns it. */
  token: string;
  tokenActionResults: VppTokenRevokeLicensesActionResult[];
  /** Licenses Apple has assigned that Intune does not track; revokeUntrackedLicenses reaches them. */
  untrackedLicenseCount: number;
}

export interface AssignedLicenseRecord {
  kind: "user" | "device";
  id: string;
  userId: string | null;
  userEmailAddress: string | null;
  userName: string | null;
  userPrincipalName: string | null;
  /** Device licenses only. */
  managedDeviceId: string | null;
  deviceName: string | null;
}

/** `microsoft.graph.mobileAppAssignment`: an app assigned to a group with an intent. */
export interface AppAssignmentRecord {
  id: string;
  intent: "available" | "required" | "uninstall" | "availableWithoutEnrollment";
  groupId: string;
  /** iOS VPP apps: the assignment uses device licensing. */
  useDeviceLicensing: boolean;
}

/** An Entra security group apps are assigned to; members by user id. */
export interface GroupRecord {
  id: string;
  displayName: string;
  memberIds: ReadonlySet<string>;
}

/** Properties every `microsoft.graph.mobileApp` has (beta). */
export interface MobileAppBase {
  id: string;
  displayName: string;
  description: string | null;
  publisher: string | null;
  developer: string | null;
  owner: string | null;
  notes: string | null;
  informationUrl: string | null;
  privacyInformationUrl: string | null;
  isFeatured: boolean;
  isAssigned: boolean;
  createdDateTime: string;
  lastModifiedDateTime: string;
  publishingState: "notPublished" | "processing" | "published";
  roleScopeTagIds: string[];
  /** Set after generation (seed/app-assignments.ts); absent means none. */
  assignments?: AppAssignmentRecord[];
}

export interface IosVppAppRecord extends MobileAppBase {
  odataType: "#microsoft.graph.iosVppApp";
  vppTokenId: string;
  bundleId: string;
  appStoreUrl: string;
  releaseDateTime: string | null;
  totalLicenseCount: number;
  supportsUserLicensing: boolean;
  supportsDeviceLicensing: boolean;
  iPad: boolean;
  iPhoneAndIPod: boolean;
  licenses: AssignedLicenseRecord[];
  revokeLicenseActionResults: IosVppAppRevokeLicensesActionResult[];
  /**
   * With real timings: when each recently revoked license stops counting in usedLicenseCount
   * (epoch ms). Absent until the first such revoke.
   */
  countedUntil?: number[];
}

/** Any other app type: the base properties plus that type's own, stored as Graph writes them. */
export interface OtherMobileAppRecord extends MobileAppBase {
  odataType: `#microsoft.graph.${string}`;
  typeProperties: Record<string, unknown>;
}

export type MobileAppRecord = IosVppAppRecord | OtherMobileAppRecord;

/** A macOS VPP app: another type, on the same tokens; its licenses are counted, not listed. */
export function isMacOsVppApp(app: MobileAppRecord): app is OtherMobileAppRecord {
  return app.odataType === "#microsoft.graph.macOsVppApp";
}

export function isIosVppApp(app: MobileAppRecord): app is IosVppAppRecord {
  return app.odataType === "#microsoft.graph.iosVppApp";
}

/** An enrolled iOS/iPadOS device a device license can sit on. */
export interface IosDeviceRecord {
  id: string;
  deviceName: string;
  userId: string | null;
}
