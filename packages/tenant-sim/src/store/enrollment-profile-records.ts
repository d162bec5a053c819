/**
 * Android Enterprise enrollment profiles as the store keeps them, in Graph's own property names
 * and enum values (shared/reference/graph-schema.json, beta). `token` is what both kinds' token
 * properties come from; `undefined` means the profile has no token (never created, or revoked).
 */

/** graph.androidDeviceOwnerEnrollmentMode. */
export type AndroidDeviceOwnerEnrollmentMode =
  | "corporateOwnedDedicatedDevice"
  | "corporateOwnedFullyManaged"
  | "corporateOwnedWorkProfile"
  | "corporateOwnedAOSPUserlessDevice"
  | "corporateOwnedAOSPUserAssociatedDevice";

/** graph.androidDeviceOwnerEnrollmentTokenType. */
export type AndroidDeviceOwnerEnrollmentTokenType =
  "default" | "corporateOwnedDedicatedDeviceWithAzureADSharedMode" | "deviceStaging";

/** graph.aospWifiSecurityType (the schema's note: not androidDeviceOwnerWiFiSecurityType). */
export type AospWifiSecurityType = "none" | "wpa" | "wep";

export type EnrollmentProfileKind = "androidForWork" | "androidDeviceOwner";

export interface EnrollmentTokenRecord {
  /** The enrollment token devices are enrolled with: a secret. */
  value: string;
  /** ms since the epoch. */
  createdAt: number;
  expiresAt: number;
}

interface EnrollmentProfileBase {
  id: string;
  accountId: string;
  displayName: string;
  description: string | null;
  createdDateTime: string;
  lastModifiedDateTime: string;
  enrolledDeviceCount: number;
  token: EnrollmentTokenRecord | undefined;
}

/** `microsoft.graph.androidForWorkEnrollmentProfile`: no creation time or usage count on it. */
export interface AndroidForWorkEnrollmentProfileRecord extends EnrollmentProfileBase {
  kind: "androidForWork";
}

/** `microsoft.graph.androidDeviceOwnerEnrollmentProfile`. */
export interface AndroidDeviceOwnerEnrollmentProfileRecord extends EnrollmentProfileBase {
  kind: "androidDeviceOwner";
  enrollmentMode: AndroidDeviceOwnerEnrollmentMode;
  enrollmentTokenType: AndroidDeviceOwnerEnrollmentTokenType;
  /** Devices enrolled with the current token; a new token starts at 0. */
  enrollmentTokenUsageCount: number;
  isTeamsDeviceProfile: boolean;
  deviceNameTemplate: string | null;
  roleScopeTagIds: string[];
  configureWifi: boolean;
  wifiSsid: string | null;
  /** A secret, like the token: it also ends up in the QR code's content. */
  wifiPassword: string | null;
  wifiSecurityType: AospWifiSecurityType;
  wifiHidden: boolean;
}

export type EnrollmentProfileRecord =
  AndroidForWorkEnrollmentProfileRecord | AndroidDeviceOwnerEnrollmentProfileRecord;
