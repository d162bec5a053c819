import { graphDateTime } from "../store/graph-date-time.js";
import type {
  EnrollmentProfileKind,
  EnrollmentProfileRecord,
} from "../store/enrollment-profile-records.js";
import { qrCodeContent, qrCodeImage } from "../store/enrollment-token.js";
import {
  androidDeviceOwnerEnrollmentProfileType,
  androidForWorkEnrollmentProfileType,
  type ODataType,
} from "./odata/odata-model.js";
import type { PropertyPath } from "./odata/property-path.js";

/**
 * The properties that carry the token. Intune computes them only when `$select` names them:
 * otherwise they are null, on the list and on a single profile alike (README, "Choices").
 */
export const tokenProperties = ["tokenValue", "qrCodeContent", "qrCodeImage"] as const;
export type TokenProperty = (typeof tokenProperties)[number];

/**
 * `tokenExpirationDateTime` and `tokenCreationDateTime` are not nullable; without a token Intune
 * reports .NET's DateTime.MinValue.
 */
export const noTokenDateTime = "0001-01-01T00:00:00Z";

export function enrollmentProfileType(kind: EnrollmentProfileKind): ODataType {
  return kind === "androidForWork"
    ? androidForWorkEnrollmentProfileType
    : androidDeviceOwnerEnrollmentProfileType;
}

/** The token properties a `$select` names; none without one. */
export function selectedTokenProperties(
  select: readonly PropertyPath[] | undefined,
): ReadonlySet<TokenProperty> {
  const names = new Set(select?.map((p) => p.name));
  return new Set(tokenProperties.filter((p) => names.has(p)));
}

/** A profile in Graph's JSON (beta), `wifiPassword` included: Graph returns it to readers. */
export function enrollmentProfileEntity(
  profile: EnrollmentProfileRecord,
  revealed: ReadonlySet<TokenProperty>,
): Record<string, unknown> {
  const { token } = profile;
  const content = token === undefined ? null : qrCodeContent(profile, token.value);
  const tokenFields = {
    tokenValue: revealed.has("tokenValue") ? (token?.value ?? null) : null,
    tokenExpirationDateTime: token === undefined ? noTokenDateTime : graphDateTime(token.expiresAt),
    qrCodeContent: revealed.has("qrCodeContent") ? content : null,
    qrCodeImage: revealed.has("qrCodeImage") && content !== null ? qrCodeImage(content) : null,
  };
  const common = {
    id: profile.id,
    accountId: profile.accountId,
    displayName: profile.displayName,
    description: profile.description,
    createdDateTime: profile.createdDateTime,
    lastModifiedDateTime: profile.lastModifiedDateTime,
    enrolledDeviceCount: profile.enrolledDeviceCount,
  };
  if (profile.kind === "androidForWork") {
    return {
      "@odata.type": "#microsoft.graph.androidForWorkEnrollmentProfile",
      ...common,
      ...tokenFields,
    };
  }
  return {
    "@odata.type": "#microsoft.graph.androidDeviceOwnerEnrollmentProfile",
    ...common,
    enrollmentMode: profile.enrollmentMode,
    enrollmentTokenType: profile.enrollmentTokenType,
    tokenCreationDateTime: token === undefined ? noTokenDateTime : graphDateTime(token.createdAt),
    ...tokenFields,
    enrollmentTokenUsageCount: profile.enrollmentTokenUsageCount,
    isTeamsDeviceProfile: profile.isTeamsDeviceProfile,
    deviceNameTemplate: profile.deviceNameTemplate,
    roleScopeTagIds: [...profile.roleScopeTagIds],
    configureWifi: profile.configureWifi,
    wifiSsid: profile.wifiSsid,
    wifiPassword: profile.wifiPassword,
    wifiSecurityType: profile.wifiSecurityType,
    wifiHidden: profile.wifiHidden,
  };
}
