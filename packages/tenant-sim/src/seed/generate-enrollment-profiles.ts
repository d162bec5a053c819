import { graphDateTime } from "../store/graph-date-time.js";
import type {
  AndroidDeviceOwnerEnrollmentProfileRecord,
  AndroidForWorkEnrollmentProfileRecord,
  EnrollmentTokenRecord,
} from "../store/enrollment-profile-records.js";
import { seededTokenValue } from "../store/enrollment-token.js";
import {
  androidDeviceOwnerProfileSeeds,
  androidForWorkProfileSeeds,
  intuneAccountId,
  type DeviceOwnerProfileSeed,
  type EnrollmentProfileSeed,
} from "./enrollment-profile-catalog.js";

const dayMs = 86_400_000;

export interface GeneratedEnrollmentProfiles {
  androidForWork: AndroidForWorkEnrollmentProfileRecord[];
  androidDeviceOwner: AndroidDeviceOwnerEnrollmentProfileRecord[];
}

/**
 * The enrollment profiles from the catalog, with dates relative to `now` so an active token
 * stays active and the expiring one stays within its 14 days. No PRNG: nothing here varies with
 * the seed, and the VPP data drawn from it stays as it was.
 */
export function generateEnrollmentProfiles(now: number): GeneratedEnrollmentProfiles {
  // Whole minutes, so the README's "expires in N days" reads true however the clock stands.
  const base = Math.floor(now / 60_000) * 60_000;
  const common = (seed: EnrollmentProfileSeed) => {
    const created = base - seed.createdDaysAgo * dayMs;
    const token = tokenOf(seed, base);
    return {
      id: seed.id,
      accountId: intuneAccountId,
      displayName: seed.displayName,
      description: seed.description,
      createdDateTime: graphDateTime(created),
      lastModifiedDateTime: graphDateTime(Math.max(created, token?.createdAt ?? created)),
      enrolledDeviceCount: seed.enrolledDeviceCount,
      token,
    };
  };
  return {
    androidForWork: Object.values<EnrollmentProfileSeed>(androidForWorkProfileSeeds).map(
      (seed) => ({
        kind: "androidForWork",
        ...common(seed),
      }),
    ),
    androidDeviceOwner: Object.values<DeviceOwnerProfileSeed>(androidDeviceOwnerProfileSeeds).map(
      (seed) => ({
        kind: "androidDeviceOwner",
        ...common(seed),
        enrollmentMode: seed.enrollmentMode,
        enrollmentTokenType: seed.enrollmentTokenType,
        enrollmentTokenUsageCount:
          seed.tokenExpiresInDays === null ? 0 : seed.enrollmentTokenUsageCount,
        isTeamsDeviceProfile: false,
        deviceNameTemplate: seed.deviceNameTemplate,
        roleScopeTagIds: ["0"],
        configureWifi: seed.wifi !== undefined,
        wifiSsid: seed.wifi?.ssid ?? null,
        wifiPassword: seed.wifi?.password ?? null,
        wifiSecurityType: seed.wifi?.securityType ?? "none",
        wifiHidden: seed.wifi?.hidden ?? false,
      }),
    ),
  };
}

function tokenOf(seed: EnrollmentProfileSeed, base: number): EnrollmentTokenRecord | undefined {
  if (seed.tokenExpiresInDays === null) return undefined;
  return {
    value: seededTokenValue(seed.id),
    createdAt: base - seed.tokenCreatedDaysAgo * dayMs,
    expiresAt: base + seed.tokenExpiresInDays * dayMs,
  };
}
