import type { ManagedDeviceRecord } from "../store/managed-device-record.js";
import { createPrng, type Prng } from "../store/prng.js";
import type { GraphVersion } from "./graph-request-context.js";
import type { ODataType } from "./odata/odata-model.js";

/** `microsoft.graph.managedDevice` properties, from shared/reference/graph-schema.json. */
const v1Properties = [
  "activationLockBypassCode",
  "androidSecurityPatchLevel",
  "azureADDeviceId",
  "azureADRegistered",
  "complianceGracePeriodExpirationDateTime",
  "complianceState",
  "configurationManagerClientEnabledFeatures",
  "deviceActionResults",
  "deviceCategoryDisplayName",
  "deviceEnrollmentType",
  "deviceHealthAttestationState",
  "deviceName",
  "deviceRegistrationState",
  "easActivated",
  "easActivationDateTime",
  "easDeviceId",
  "emailAddress",
  "enrolledDateTime",
  "enrollmentProfileName",
  "ethernetMacAddress",
  "exchangeAccessState",
  "exchangeAccessStateReason",
  "exchangeLastSuccessfulSyncDateTime",
  "freeStorageSpaceInBytes",
  "iccid",
  "imei",
  "isEncrypted",
  "isSupervised",
  "jailBroken",
  "lastSyncDateTime",
  "managedDeviceName",
  "managedDeviceOwnerType",
  "managementAgent",
  "managementCertificateExpirationDate",
  "managementState",
  "manufacturer",
  "meid",
  "model",
  "notes",
  "operatingSystem",
  "osVersion",
  "partnerReportedThreatState",
  "phoneNumber",
  "physicalMemoryInBytes",
  "remoteAssistanceSessionErrorDetails",
  "remoteAssistanceSessionUrl",
  "requireUserEnrollmentApproval",
  "serialNumber",
  "subscriberCarrier",
  "totalStorageSpaceInBytes",
  "udid",
  "userDisplayName",
  "userId",
  "userPrincipalName",
  "wiFiMacAddress",
];

const betaOnlyProperties = [
  "aadRegistered",
  "autopilotEnrolled",
  "azureActiveDirectoryDeviceId",
  "bootstrapTokenEscrowed",
  "chassisType",
  "chromeOSDeviceInfo",
  "cloudPcRemoteActionResults",
  "configurationManagerClientHealthState",
  "configurationManagerClientInformation",
  "deviceFirmwareConfigurationInterfaceManaged",
  "deviceType",
  "enrolledByUserPrincipalName",
  "hardwareInformation",
  "joinType",
  "lostModeState",
  "managementFeatures",
  "ownerType",
  "preferMdmOverGroupPolicyAppliedDateTime",
  "processorArchitecture",
  "retireAfterDateTime",
  "roleScopeTagIds",
  "securityPatchLevel",
  "skuFamily",
  "skuNumber",
  "specificationVersion",
  "usersLoggedOn",
  "windowsActiveMalwareCount",
  "windowsRemediatedMalwareCount",
];

export const managedDeviceType: ODataType = {
  name: "microsoft.graph.managedDevice",
  base: undefined,
  declared: { "v1.0": v1Properties, beta: [...v1Properties, ...betaOnlyProperties].sort() },
};

/** Enum members v1.0 does not have: Graph serves them there as `unknownFutureValue`. */
const betaOnlyEnrollmentTypes = new Set([
  "androidEnterpriseDedicatedDevice",
  "androidEnterpriseFullyManaged",
  "androidEnterpriseCorporateWorkProfile",
  "appleAccountDrivenUserEnrollment",
]);

const dayMs = 86_400_000;
/** .NET's DateTime.MinValue, what Intune writes for a date that never happened. */
const never = "0001-01-01T00:00:00Z";
const noGracePeriod = "9999-12-31T23:59:59Z";
const emptyGuid = "00000000-0000-0000-0000-000000000000";

/** Intune writes device dates to the second, without a fraction. */
function seconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

interface HardwareIds {
  serialNumber: string;
  imei: string;
  wiFiMacAddress: string;
  ethernetMacAddress: string | null;
  azureADDeviceId: string;
  udid: string | null;
  totalStorage: number;
  freeStorage: number;
  carrier: string;
  encrypted: boolean;
}

const upperAlnum = "CDFGHJKLMNPQRTVWXY0123456789";

function chars(prng: Prng, alphabet: string, length: number): string {
  let text = "";
  for (let i = 0; i < length; i += 1) text += alphabet.charAt(prng.int(alphabet.length));
  return text;
}

const digits = (prng: Prng, length: number): string => chars(prng, "0123456789", length);
const hexUpper = (prng: Prng, length: number): string => chars(prng, "0123456789ABCDEF", length);

function serialFor(prng: Prng, manufacturer: string): string {
  switch (manufacturer) {
    case "Apple":
      return chars(prng, upperAlnum, 10);
    case "Dell Inc.":
      return chars(prng, upperAlnum, 7);
    case "HP":
      return `5CG${chars(prng, upperAlnum, 7)}`;
    case "LENOVO":
      return `PF${chars(prng, upperAlnum, 6)}`;
    case "Microsoft Corporation":
      return digits(prng, 12);
    case "samsung":
      return `R5C${chars(prng, upperAlnum, 8)}`;
    case "motorola":
      return `ZY${chars(prng, upperAlnum, 8)}`;
    case "Zebra Technologies":
      return digits(prng, 14);
    default:
      return chars(prng, upperAlnum, 12);
  }
}

/** A 15-digit IMEI with its Luhn check digit. */
function imeiFrom(prng: Prng): string {
  const body = `35${digits(prng, 12)}`;
  let sum = 0;
  for (let i = 0; i < body.length; i += 1) {
    let d = Number(body.charAt(body.length - 1 - i));
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return `${body}${(10 - (sum % 10)) % 10}`;
}

/** The device's identifiers, drawn from its own seed: the same on every read and every run. */
function hardwareIds(device: ManagedDeviceRecord): HardwareIds {
  const prng = createPrng(device.hardwareSeed);
  const gigabytes = prng.pick(device.platform === "Windows" ? [256, 512] : [64, 128, 256, 512]);
  const totalStorage = Math.round(gigabytes * 1e9 * 0.998);
  const mac = (): string => hexUpper(prng, 12);
  const phone = device.platform === "iOS" || device.platform === "Android";
  const apple = device.hardware.manufacturer === "Apple";
  return {
    serialNumber: serialFor(prng, device.hardware.manufacturer),
    imei: phone ? imeiFrom(prng) : "",
    wiFiMacAddress: mac(),
    ethernetMacAddress: device.platform === "Windows" ? mac() : null,
    azureADDeviceId: device.user === undefined ? emptyGuid : prng.guid(),
    udid: apple ? `0000${digits(prng, 4)}-${hexUpper(prng, 16)}` : null,
    totalStorage,
    freeStorage: Math.round(totalStorage * (0.1 + prng.next() * 0.6)),
    carrier: phone ? prng.pick(["Vodafone", "T-Mobile", "Orange", "Telia", "AT&T", ""]) : "",
    encrypted:
      device.complianceState === "compliant" || device.complianceState === "inGracePeriod"
        ? true
        : prng.next() < 0.7,
  };
}

const securityPatchByAndroid: Record<string, string> = {
  "15": "2024-11-01",
  "14": "2024-10-01",
  "13": "2024-06-01",
  "12": "2023-12-01",
};

const enrollmentProfileNames: Partial<Record<string, string>> = {
  androidEnterpriseDedicatedDevice: "Corporate-owned dedicated — Retail kiosks",
  androidEnterpriseFullyManaged: "Fully managed — Corporate phones",
  androidEnterpriseCorporateWorkProfile: "Corporate-owned work profile — Sales tablets",
};

function enrollmentProfileName(device: ManagedDeviceRecord): string | null {
  const { enrollmentType, platform } = device;
  if (enrollmentType === "appleBulkWithUser" || enrollmentType === "appleBulkWithoutUser") {
    return platform === "macOS" ? "Contoso ADE — Mac" : `Contoso ADE — ${platform}`;
  }
  return enrollmentProfileNames[enrollmentType] ?? null;
}

/** Intune's default `managedDeviceName`: user_platform_date_time, e.g. adele.vance_iPhone_3/15/2024_2:31 PM. */
function managedDeviceName(device: ManagedDeviceRecord): string {
  const d = new Date(device.enrolledAt);
  const hour = d.getUTCHours();
  const time = `${hour % 12 === 0 ? 12 : hour % 12}:${String(d.getUTCMinutes()).padStart(2, "0")} ${hour < 12 ? "AM" : "PM"}`;
  const date = `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()}`;
  const who = device.user?.userPrincipalName.split("@")[0] ?? device.deviceName;
  const platform =
    device.platform === "iOS"
      ? "iPhone"
      : device.platform === "iPadOS"
        ? "iPad"
        : device.platform === "Android"
          ? device.ownerType === "personal"
            ? "AndroidForWork"
            : "AndroidEnterprise"
          : device.platform === "macOS"
            ? "MacOS"
            : "Windows";
  return `${who}_${platform}_${date}_${time}`;
}

/** The whole entity, every property of the version, in the schema's order. */
export function managedDeviceEntity(
  device: ManagedDeviceRecord,
  version: GraphVersion,
): Record<string, unknown> {
  const ids = hardwareIds(device);
  const entity: Record<string, unknown> = { "@odata.type": "#microsoft.graph.managedDevice" };
  entity.id = device.id;
  for (const name of managedDeviceType.declared[version] ?? []) {
    entity[name] = propertyOf(device, name, version, ids);
  }
  return entity;
}

/** One property's value; identifiers are drawn only when a property needs them. */
function propertyOf(
  device: ManagedDeviceRecord,
  name: string,
  version: GraphVersion,
  ids: HardwareIds | (() => HardwareIds),
): unknown {
  const hw = (): HardwareIds => (typeof ids === "function" ? ids() : ids);
  const { platform, user } = device;
  const apple = platform === "iOS" || platform === "iPadOS" || platform === "macOS";
  const registered = user !== undefined;
  switch (name) {
    case "id":
      return device.id;
    case "userId":
      // Intune writes empty strings, not nulls, for a userless device's user fields.
      return user?.id ?? "";
    case "userDisplayName":
      return user?.displayName ?? "";
    case "userPrincipalName":
    case "enrolledByUserPrincipalName":
      return user?.userPrincipalName ?? "";
    case "emailAddress":
      return user?.mail ?? "";
    case "deviceName":
      return device.deviceName;
    case "managedDeviceName":
      return managedDeviceName(device);
    case "operatingSystem":
      return platform;
    case "osVersion":
      return device.osVersion;
    case "model":
      return device.hardware.model;
    case "manufacturer":
      return device.hardware.manufacturer;
    case "serialNumber":
      return hw().serialNumber;
    case "imei":
      return hw().imei;
    case "meid":
      return "";
    case "iccid":
      return null;
    case "udid":
      return hw().udid;
    case "wiFiMacAddress":
      return hw().wiFiMacAddress;
    case "ethernetMacAddress":
      return hw().ethernetMacAddress;
    case "azureADDeviceId":
    case "azureActiveDirectoryDeviceId":
      return hw().azureADDeviceId;
    case "azureADRegistered":
    case "aadRegistered":
      return registered;
    case "deviceRegistrationState":
      return registered ? "registered" : "notRegistered";
    case "complianceState":
      return device.complianceState;
    case "complianceGracePeriodExpirationDateTime":
      return device.complianceState === "inGracePeriod"
        ? seconds(device.lastSyncAt + 3 * dayMs)
        : noGracePeriod;
    case "managementState":
      return device.managementState;
    case "managedDeviceOwnerType":
    case "ownerType":
      return device.ownerType;
    case "deviceEnrollmentType":
      return version === "v1.0" && betaOnlyEnrollmentTypes.has(device.enrollmentType)
        ? "unknownFutureValue"
        : device.enrollmentType;
    case "managementAgent":
      if (platform === "Android") return "googleCloudDevicePolicyController";
      return device.enrollmentType === "windowsCoManagement"
        ? "configurationManagerClientMdm"
        : "mdm";
    case "enrolledDateTime":
      return seconds(device.enrolledAt);
    case "lastSyncDateTime":
      return seconds(device.lastSyncAt);
    case "managementCertificateExpirationDate": {
      const years = Math.floor((device.lastSyncAt - device.enrolledAt) / (365 * dayMs)) + 1;
      return seconds(device.enrolledAt + years * 365 * dayMs);
    }
    case "deviceActionResults":
      return device.deviceActionResults.map((r) => ({ ...r }));
    case "deviceCategoryDisplayName":
      return "Unknown";
    case "enrollmentProfileName":
      return enrollmentProfileName(device);
    case "isSupervised":
      return (
        apple && device.ownerType === "company" && device.enrollmentType.startsWith("appleBulk")
      );
    case "isEncrypted":
      return hw().encrypted;
    case "jailBroken":
      return platform === "Windows" || platform === "macOS" ? "Unknown" : "False";
    case "androidSecurityPatchLevel":
      return platform === "Android" ? (securityPatchByAndroid[device.osVersion] ?? "") : "";
    case "phoneNumber":
      return (platform === "iOS" || platform === "Android") && device.ownerType === "company"
        ? (user?.mobilePhone ?? "")
        : "";
    case "subscriberCarrier":
      return hw().carrier;
    case "totalStorageSpaceInBytes":
      return hw().totalStorage;
    case "freeStorageSpaceInBytes":
      return hw().freeStorage;
    case "physicalMemoryInBytes":
    case "skuNumber":
    case "windowsActiveMalwareCount":
    case "windowsRemediatedMalwareCount":
      return 0;
    case "easActivated":
    case "deviceFirmwareConfigurationInterfaceManaged":
      return false;
    case "easDeviceId":
      return apple && platform !== "macOS" ? `Appl${hw().serialNumber}` : "";
    case "easActivationDateTime":
    case "exchangeLastSuccessfulSyncDateTime":
    case "preferMdmOverGroupPolicyAppliedDateTime":
    case "retireAfterDateTime":
      return never;
    case "exchangeAccessState":
    case "exchangeAccessStateReason":
    case "managementFeatures":
      return "none";
    case "partnerReportedThreatState":
      return "unknown";
    case "lostModeState":
      return "disabled";
    case "autopilotEnrolled":
      return platform === "Windows" && device.enrollmentType === "windowsAzureADJoin";
    case "bootstrapTokenEscrowed":
      return platform === "macOS" && device.ownerType === "company";
    case "chassisType":
      return platform === "iOS" || platform === "Android"
        ? "phone"
        : platform === "iPadOS"
          ? "tablet"
          : /OptiPlex|iMac|11RW/.test(device.hardware.model)
            ? "desktop"
            : "laptop";
    case "deviceType":
      return {
        iOS: "iPhone",
        iPadOS: "iPad",
        macOS: "macMDM",
        Windows: "desktop",
        Android: device.ownerType === "personal" ? "androidForWork" : "androidEnterprise",
      }[platform];
    case "joinType":
      if (!registered) return "unknown";
      if (platform !== "Windows" || device.ownerType === "personal") return "azureADRegistered";
      return device.enrollmentType === "windowsAzureADJoin"
        ? "azureADJoined"
        : "hybridAzureADJoined";
    case "processorArchitecture":
      return platform === "Windows" ? "x64" : "arM64";
    case "roleScopeTagIds":
      return ["0"];
    case "usersLoggedOn":
      return platform === "Windows" && user !== undefined
        ? [{ userId: user.id, lastLogOnDateTime: seconds(device.lastSyncAt) }]
        : [];
    case "chromeOSDeviceInfo":
    case "cloudPcRemoteActionResults":
      return [];
    default:
      // activationLockBypassCode, notes, remoteAssistance*, requireUserEnrollmentApproval,
      // configurationManager*, deviceHealthAttestationState, hardwareInformation,
      // securityPatchLevel, skuFamily, specificationVersion.
      return null;
  }
}

const viewedRecord = Symbol("managedDeviceRecord");

/**
 * What `$filter` and `$orderby` read: a view whose properties are computed when asked, so a
 * tenant's 75,000 devices are filtered without building 75,000 entities.
 */
export function managedDeviceView(
  device: ManagedDeviceRecord,
  version: GraphVersion,
): Readonly<Record<string, unknown>> {
  let ids: HardwareIds | undefined;
  const lazyIds = (): HardwareIds => (ids ??= hardwareIds(device));
  return new Proxy(
    {},
    {
      get: (_target, name) =>
        name === viewedRecord
          ? device
          : name === "@odata.type"
            ? "#microsoft.graph.managedDevice"
            : typeof name === "string" && (name === "id" || viewable.has(name))
              ? propertyOf(device, name, version, lazyIds)
              : undefined,
      has: (_target, name) =>
        typeof name === "string" && (name === "@odata.type" || name === "id" || viewable.has(name)),
    },
  );
}

const viewable = new Set<string>([...v1Properties, ...betaOnlyProperties]);

/** The record a view reads, for turning the page's views into entities. */
export function recordOfView(
  view: Readonly<Record<string | symbol, unknown>>,
): ManagedDeviceRecord {
  return view[viewedRecord] as ManagedDeviceRecord;
}
