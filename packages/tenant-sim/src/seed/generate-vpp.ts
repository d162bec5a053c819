import type { Prng } from "../store/prng.js";
import { graphDateTime } from "../store/graph-date-time.js";
import type { UserRecord } from "../store/user-record.js";
import type {
  AssignedLicenseRecord,
  IosDeviceRecord,
  IosVppAppRecord,
  MobileAppBase,
  MobileAppRecord,
  OtherMobileAppRecord,
  VppTokenRecord,
} from "../store/vpp-records.js";
import {
  appStoreUrl,
  iosVppAppSeeds,
  largeTenantIosVppAppSeeds,
  otherAppSeeds,
  vppTokenSeeds,
  type IosVppAppSeed,
  type VppTokenKey,
  type VppTokenSeed,
} from "./vpp-catalog.js";

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

export interface GeneratedVpp {
  tokens: VppTokenRecord[];
  apps: MobileAppRecord[];
  devices: IosDeviceRecord[];
}

/**
 * The VPP side of the demo tenant: tokens and apps from the catalog, with devices and assigned
 * licenses drawn from the PRNG. Dates are relative to `now` so a "valid" token stays valid.
 * `demoAccountCount` users at the front of `users` are the demo accounts.
 */
export function generateVpp(
  prng: Prng,
  users: readonly UserRecord[],
  demoAccountCount: number,
  now: number,
): GeneratedVpp {
  const dayStart = Math.floor(now / dayMs) * dayMs;
  const userDevices = generateUserDevices(prng, users);
  const devices: IosDeviceRecord[] = [...userDevices];
  const sharedByToken = new Map<VppTokenKey, IosDeviceRecord[]>();
  for (const [key, seed] of entries(vppTokenSeeds)) {
    const shared = Array.from({ length: seed.sharedDevices.count }, (_, i) => ({
      id: prng.guid(),
      deviceName: `${seed.sharedDevices.prefix}${String(i + 1).padStart(3, "0")}`,
      userId: null,
    }));
    sharedByToken.set(key, shared);
    devices.push(...shared);
  }

  const tokens = entries(vppTokenSeeds).map(([, seed]) => tokenRecord(prng, seed, now, dayStart));
  const usersById = new Map(users.map((u) => [u.id, u]));
  const apps: MobileAppRecord[] = [];
  for (const [, seed] of entries(iosVppAppSeeds)) {
    const tokenSeed: VppTokenSeed = vppTokenSeeds[seed.tokenKey];
    const licenses = [
      ...userLicenses(prng, seed, users, demoAccountCount, tokenSeed.demoAccountsFirst),
      ...deviceLicenses(
        prng,
        shuffled(prng, userDevices).slice(0, seed.userDeviceLicenses),
        usersById,
      ),
      ...deviceLicenses(
        prng,
        shuffled(prng, sharedByToken.get(seed.tokenKey) ?? []).slice(0, seed.sharedDeviceLicenses),
        usersById,
      ),
    ];
    apps.push(iosVppAppRecord(prng, seed, tokenSeed.id, licenses, now));
  }
  for (const seed of Object.values(otherAppSeeds)) apps.push(otherAppRecord(prng, seed, now));
  return { tokens, apps, devices };
}

/**
 * The `large` tenant's own apps, licensed to its bulk users (drawn from the second PRNG after
 * everything else, so they move nothing the smaller sizes share).
 */
export function generateLargeTenantVppApps(
  prng: Prng,
  bulkUsers: readonly UserRecord[],
  now: number,
): IosVppAppRecord[] {
  return Object.values(largeTenantIosVppAppSeeds).map((seed: IosVppAppSeed) =>
    iosVppAppRecord(
      prng,
      seed,
      vppTokenSeeds[seed.tokenKey].id,
      userLicenses(prng, seed, bulkUsers, 0, false),
      now,
    ),
  );
}

function entries<T extends object>(record: T): [keyof T, T[keyof T]][] {
  return Object.entries(record) as [keyof T, T[keyof T]][];
}

function shuffled<T>(prng: Prng, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = prng.int(i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

function hex(prng: Prng, length: number): string {
  return Array.from({ length }, () => prng.int(16).toString(16)).join("");
}

function tokenRecord(
  prng: Prng,
  seed: VppTokenSeed,
  now: number,
  dayStart: number,
): VppTokenRecord {
  const expiration = dayStart + seed.expiresInDays * dayMs + (8 * 60 + prng.int(10 * 60)) * 60_000;
  const lastSync = now - seed.lastSyncHoursAgo * hourMs - prng.int(3_600) * 1000;
  const lastModified = lastSync - (1 + prng.int(20)) * dayMs;
  // A .vpptoken file is base64 of a small JSON document; this one is the simulator's own.
  const secret = Buffer.from(
    JSON.stringify({
      token: `sim-${hex(prng, 64)}`,
      expDate: new Date(expiration).toISOString().replace(/\.\d{3}Z$/, "+0000"),
      orgName: seed.organizationName,
    }),
  ).toString("base64");
  return {
    id: seed.id,
    displayName: seed.displayName,
    organizationName: seed.organizationName,
    appleId: seed.appleId,
    locationName: seed.locationName,
    countryOrRegion: seed.countryOrRegion,
    vppTokenAccountType: seed.vppTokenAccountType,
    state: seed.state,
    expirationDateTime: graphDateTime(expiration),
    lastSyncDateTime: graphDateTime(lastSync),
    lastSyncStatus: seed.lastSyncStatus,
    lastModifiedDateTime: graphDateTime(lastModified),
    automaticallyUpdateApps: seed.automaticallyUpdateApps,
    claimTokenManagementFromExternalMdm: false,
    dataSharingConsentGranted: seed.dataSharingConsentGranted,
    appleDeviceAppDeliveryProtocolType: "mobileDeviceManagement",
    roleScopeTagIds: ["0"],
    token: secret,
    tokenActionResults: [],
    untrackedLicenseCount: seed.untrackedLicenseCount,
  };
}

function generateUserDevices(prng: Prng, users: readonly UserRecord[]): IosDeviceRecord[] {
  const devices: IosDeviceRecord[] = [];
  for (const user of users) {
    const owner = user.givenName ?? user.displayName;
    devices.push({ id: prng.guid(), deviceName: `${owner}'s iPhone`, userId: user.id });
    if (prng.next() < 0.5) {
      devices.push({ id: prng.guid(), deviceName: `${owner}'s iPad`, userId: user.id });
    }
  }
  return devices;
}

function userFields(
  user: UserRecord | undefined,
): Omit<AssignedLicenseRecord, "kind" | "id" | "managedDeviceId" | "deviceName"> {
  if (user === undefined) {
    return { userId: null, userEmailAddress: null, userName: null, userPrincipalName: null };
  }
  return {
    userId: user.id,
    userEmailAddress: user.mail ?? user.userPrincipalName,
    userName: user.displayName,
    userPrincipalName: user.userPrincipalName,
  };
}

function userLicenses(
  prng: Prng,
  seed: IosVppAppSeed,
  users: readonly UserRecord[],
  demoAccountCount: number,
  demoAccountsFirst: boolean,
): AssignedLicenseRecord[] {
  const candidates = demoAccountsFirst
    ? [...users.slice(0, demoAccountCount), ...shuffled(prng, users.slice(demoAccountCount))]
    : shuffled(prng, users);
  return candidates.slice(0, seed.userLicenses).map((user, index) => ({
    kind: "user",
    id: prng.guid(),
    // Every twelfth user license belongs to an Apple account no Entra user is linked to, as in
    // real tenants: the user fields are null.
    ...userFields(index % 12 === 11 ? undefined : user),
    managedDeviceId: null,
    deviceName: null,
  }));
}

function deviceLicenses(
  prng: Prng,
  devices: readonly IosDeviceRecord[],
  usersById: ReadonlyMap<string, UserRecord>,
): AssignedLicenseRecord[] {
  return devices.map((device) => ({
    kind: "device",
    id: prng.guid(),
    ...userFields(device.userId === null ? undefined : usersById.get(device.userId)),
    managedDeviceId: device.id,
    deviceName: device.deviceName,
  }));
}

function appDates(prng: Prng, now: number): { created: number; modified: number } {
  const created = Date.UTC(2022, 0, 10) + prng.int(700) * dayMs + prng.int(86_400) * 1000;
  const modified = Math.min(now - dayMs, created + prng.int(400) * dayMs + prng.int(86_400) * 1000);
  return { created, modified };
}

/** The properties every seeded app shares, whatever its type. */
export function mobileAppBase(
  seed: { id: string; displayName: string; publisher: string },
  at: { created: number; modified: number; isAssigned: boolean },
): MobileAppBase {
  return {
    id: seed.id,
    displayName: seed.displayName,
    description: seed.displayName,
    publisher: seed.publisher,
    developer: "",
    owner: "",
    notes: "",
    informationUrl: null,
    privacyInformationUrl: null,
    isFeatured: false,
    isAssigned: at.isAssigned,
    createdDateTime: graphDateTime(at.created),
    lastModifiedDateTime: graphDateTime(at.modified),
    publishingState: "published",
    roleScopeTagIds: ["0"],
  };
}

function iosVppAppRecord(
  prng: Prng,
  seed: IosVppAppSeed,
  vppTokenId: string,
  licenses: AssignedLicenseRecord[],
  now: number,
): IosVppAppRecord {
  const { created, modified } = appDates(prng, now);
  const isAssigned = prng.next() < 0.85;
  return {
    odataType: "#microsoft.graph.iosVppApp",
    ...mobileAppBase(seed, { created, modified, isAssigned }),
    vppTokenId,
    bundleId: seed.bundleId,
    appStoreUrl: appStoreUrl(seed),
    releaseDateTime: seed.releaseDateTime,
    totalLicenseCount: Math.max(seed.totalLicenseCount, licenses.length),
    supportsUserLicensing: seed.supportsUserLicensing,
    supportsDeviceLicensing: seed.supportsDeviceLicensing,
    iPad: seed.iPad,
    iPhoneAndIPod: seed.iPhoneAndIPod,
    licenses,
    revokeLicenseActionResults: [],
  };
}

function otherAppRecord(
  prng: Prng,
  seed: (typeof otherAppSeeds)[keyof typeof otherAppSeeds],
  now: number,
): OtherMobileAppRecord {
  const { created, modified } = appDates(prng, now);
  return {
    odataType: seed.odataType,
    ...mobileAppBase(seed, { created, modified, isAssigned: true }),
    typeProperties: structuredClone(seed.typeProperties),
  };
}
