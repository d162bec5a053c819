import { licenseKeyOf } from "./license-keys.js";
import { retireEffectOf, type RetireEffectInput } from "./retire-effect.js";
import type { LicenseRef } from "../ios-vpp-apps.js";

/**
 * Offboarding a leaver (ADR 0030): one record whose items are the user's devices (each retired
 * by its own call) and the VPP licenses the user and their devices hold, across apps (each
 * revoked by its own call). Item keys are unique within the record.
 */

/** A license's item key: the app, then the license's own key (`<appId>/user:<id>`). */
export const offboardLicenseKeyOf = (appId: string, ref: LicenseRef): string =>
  offboardItemKeyOf(appId, licenseKeyOf(ref));

/** The same, from the license's own key (`licenseKeyOf`). */
export const offboardItemKeyOf = (appId: string, licenseKey: string): string =>
  `${appId.toLowerCase()}/${licenseKey}`;

/** A device's retire item key (`retire/device:<id>`). */
export const offboardRetireKeyOf = (managedDeviceId: string): string =>
  `retire/device:${managedDeviceId.toLowerCase()}`;

/**
 * The devices an offboarding refuses to retire, as "retire all devices" does (ADR 0023): those
 * Intune cannot retire (`refused`) and those retire would reset (`factoryReset`, which take the
 * wipe's care, device by device). While any is listed, nothing is sent.
 */
export const offboardBlockersOf = <D extends RetireEffectInput>(
  devices: readonly D[],
): { refused: D[]; factoryReset: D[] } => ({
  refused: devices.filter((device) => retireEffectOf(device) === "refused"),
  factoryReset: devices.filter((device) => retireEffectOf(device) === "factoryReset"),
});
