import {
  noDeviceActionResults,
  type DevicePlatform,
  type ManagedDeviceRecord,
} from "../store/managed-device-record.js";
import type { Prng } from "../store/prng.js";
import type { UserRecord } from "../store/user-record.js";
import type { IosDeviceRecord } from "../store/vpp-records.js";
import {
  complianceStates,
  devicesPerUser,
  extraDevicesPerCoreUser,
  platformSpecs,
  type PlatformSpec,
  type Weighted,
} from "./device-catalog.js";
import type { ShowcaseUserSeed } from "./showcase-catalog.js";
import { weightedPick } from "./weighted-pick.js";

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

export interface ManagedDeviceInput {
  /** The VPP seed's iPhones and iPads: they are managed devices with the same ids. */
  vppDevices: readonly IosDeviceRecord[];
  /** Demo accounts and core users: a few devices each besides their VPP ones. */
  coreUsers: readonly UserRecord[];
  showcase: readonly { user: UserRecord; seed: ShowcaseUserSeed }[];
  /** Bulk users: 0 to 6 devices each (device-catalog.ts `devicesPerUser`). */
  bulkUsers: readonly UserRecord[];
  usersById: ReadonlyMap<string, UserRecord>;
  now: number;
}

const pick = <T>(prng: Prng, items: readonly Weighted<T>[]): T => weightedPick(prng, items).value;

const platformList = Object.values(platformSpecs);

/**
 * Every managed device of the tenant, drawn from its own PRNG so that adding devices leaves
 * the users and VPP data of a seed as they were. Showcase devices are fixed.
 */
export function generateManagedDevices(
  prng: Prng,
  input: ManagedDeviceInput,
): ManagedDeviceRecord[] {
  const { now } = input;
  const devices: ManagedDeviceRecord[] = [];
  for (const vpp of input.vppDevices) {
    const user = vpp.userId === null ? undefined : input.usersById.get(vpp.userId);
    const platform: DevicePlatform = /ipad/i.test(vpp.deviceName) ? "iPadOS" : "iOS";
    const device = drawDevice(prng, platformSpecs[platform], user, now, vpp.id);
    device.deviceName = vpp.deviceName;
    if (user === undefined) {
      // Shared iPads: Automated Device Enrollment without user affinity.
      device.ownerType = "company";
      device.enrollmentType = "appleBulkWithoutUser";
    }
    devices.push(device);
  }
  for (const user of input.coreUsers) {
    const extra = pick(prng, extraDevicesPerCoreUser);
    for (let i = 0; i < extra; i += 1)
      devices.push(drawDevice(prng, drawPlatform(prng), user, now));
  }
  for (const { user, seed } of input.showcase) {
    for (const d of Object.values(seed.devices)) {
      const lastSyncAt = now - d.lastSyncHoursAgo * hourMs;
      devices.push({
        id: d.id,
        user,
        platform: d.platform,
        hardware: d.hardware,
        osVersion: d.osVersion,
        deviceName: d.deviceName,
        ownerType: d.ownerType,
        enrollmentType: d.enrollmentType,
        complianceState: d.complianceState,
        managementState: "managed",
        enrolledAt: now - d.enrolledDaysAgo * dayMs,
        lastSyncAt,
        hardwareSeed: seedFromId(d.id),
        deviceActionResults: noDeviceActionResults,
      });
    }
  }
  for (const user of input.bulkUsers) {
    const count = pick(prng, devicesPerUser);
    for (let i = 0; i < count; i += 1)
      devices.push(drawDevice(prng, drawPlatform(prng), user, now));
  }
  return devices;
}

function drawPlatform(prng: Prng): PlatformSpec {
  return weightedPick(prng, platformList);
}

function drawDevice(
  prng: Prng,
  spec: PlatformSpec,
  user: UserRecord | undefined,
  now: number,
  id = prng.guid(),
): ManagedDeviceRecord {
  const ownerType = prng.next() < spec.personalShare ? "personal" : "company";
  const hardware = pick(prng, spec.models);
  const enrollmentType = pick(
    prng,
    ownerType === "personal" ? spec.personalEnrollment : spec.companyEnrollment,
  );
  let complianceState = pick(prng, complianceStates);
  if (enrollmentType === "windowsCoManagement" && prng.next() < 0.3) {
    complianceState = "configManager";
  }
  const roll = prng.next();
  const syncedAgo =
    roll < 0.85
      ? prng.int(72 * hourMs)
      : roll < 0.95
        ? 3 * dayMs + prng.int(27 * dayMs)
        : 31 * dayMs + prng.int(170 * dayMs);
  const lastSyncAt = now - syncedAgo;
  return {
    id,
    user,
    platform: spec.platform,
    hardware,
    osVersion: pick(prng, spec.osVersions),
    deviceName: deviceNameFor(prng, spec.platform, hardware.model, ownerType, user),
    ownerType,
    enrollmentType,
    complianceState,
    managementState: "managed",
    enrolledAt: lastSyncAt - (1 + prng.int(1000)) * dayMs - prng.int(dayMs),
    lastSyncAt,
    hardwareSeed: prng.int(4_294_967_296),
    deviceActionResults: noDeviceActionResults,
  };
}

/** What Android reports as the device's name, by model number. */
const androidNames: Record<string, string> = {
  "SM-S928B": "Galaxy S24 Ultra",
  "SM-S911B": "Galaxy S23",
  "SM-A546B": "Galaxy A54 5G",
};

const alphanumeric = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";

function deviceNameFor(
  prng: Prng,
  platform: DevicePlatform,
  model: string,
  ownerType: "company" | "personal",
  user: UserRecord | undefined,
): string {
  const owner = user?.givenName ?? user?.displayName ?? "Shared";
  // Apple names a device after its owner, in the owner's language.
  const owned = (product: string): string =>
    user?.preferredLanguage?.startsWith("zh") === true
      ? [user.displayName, product].join("的")
      : [owner, product].join("'s ");
  const code = (length: number): string =>
    Array.from({ length }, () => alphanumeric.charAt(prng.int(alphanumeric.length))).join("");
  switch (platform) {
    case "iOS":
      return owned("iPhone");
    case "iPadOS":
      return owned("iPad");
    case "macOS":
      return owned(model.startsWith("iMac") ? "iMac" : (model.split(" (")[0] ?? "Mac"));
    case "Windows":
      if (ownerType === "personal") return `DESKTOP-${code(7)}`;
      return `CONTOSO-${model.startsWith("OptiPlex") ? "DT" : "LT"}-${code(4)}`;
    case "Android":
      if (model === "TC52") return `TC52-${code(5)}`;
      return androidNames[model] ?? model;
  }
}

/** A stable 32-bit seed from a fixed id, for devices not drawn from the PRNG. */
function seedFromId(id: string): number {
  let hash = 2_166_136_261;
  for (let i = 0; i < id.length; i += 1) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 16_777_619);
  }
  return hash >>> 0;
}
