/**
 * What Intune's retire does to one device, from how it was enrolled (Graph beta's
 * `deviceEnrollmentType` and `managedDeviceOwnerType`). The one rule every retire dialog states
 * per device and the BFF enforces before it sends anything (ADR 0023):
 *
 * - `removesWorkProfile`: an Android personally owned work profile — the work profile and its
 *   apps and data are removed; the person's own apps, photos and data stay.
 * - `removesCompanyData`: every other personal or company device (iOS/iPadOS, macOS, Windows,
 *   Apple user enrollment) — company apps, data, email profiles and settings are removed; the
 *   device is not reset.
 * - `factoryReset`: an Android Enterprise corporate-owned work profile — leaving management
 *   resets the device to factory settings, so it takes the wipe's care: the serial number typed
 *   and the `devices:wipe` permission (Devices.Wipe).
 * - `refused`: Android Enterprise fully managed and dedicated devices — Graph refuses to retire
 *   them; the only way out of management is a wipe. Nothing is sent.
 */
export type RetireEffect = "removesWorkProfile" | "removesCompanyData" | "factoryReset" | "refused";

export interface RetireEffectInput {
  operatingSystem?: string | undefined;
  deviceEnrollmentType?: string | undefined;
  managedDeviceOwnerType?: string | undefined;
}

const REFUSED: ReadonlySet<string> = new Set([
  "androidEnterpriseFullyManaged",
  "androidEnterpriseDedicatedDevice",
  // AOSP userless devices are dedicated devices without Google services.
  "androidAOSPUserlessDeviceEnrollment",
]);

const FACTORY_RESET: ReadonlySet<string> = new Set([
  "androidEnterpriseCorporateWorkProfile",
  "androidAOSPUserOwnedDeviceEnrollment",
]);

export function retireEffectOf(device: RetireEffectInput): RetireEffect {
  const type = device.deviceEnrollmentType ?? "unknown";
  if (REFUSED.has(type)) return "refused";
  if (FACTORY_RESET.has(type)) return "factoryReset";
  const android = device.operatingSystem?.toLowerCase() === "android";
  if (android && device.managedDeviceOwnerType === "personal") return "removesWorkProfile";
  // An Android device Graph does not tell us more about (an `unknown` or a newer enrollment
  // type, company owned) may be a device-owner mode: treated as the careful case.
  if (android && device.managedDeviceOwnerType !== "personal") return "factoryReset";
  return "removesCompanyData";
}

/** Whether retiring the device needs the wipe's care (serial typed, `devices:wipe`). */
export const retireNeedsWipeCare = (effect: RetireEffect): boolean => effect === "factoryReset";

/**
 * What the agent types to confirm a wipe or a retire that resets the device: its serial number,
 * or, when Intune does not know one, its name.
 */
export const deviceConfirmationText = (device: {
  serialNumber?: string | undefined;
  deviceName: string;
}): string => device.serialNumber ?? device.deviceName;
