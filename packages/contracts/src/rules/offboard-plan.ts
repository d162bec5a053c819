import { isRetiringState } from "./device-states.js";
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

/**
 * Retiring the devices an agent selected on a user's page (ADR 0031), as both sides judge it:
 * the selected devices among the user's (`selected`, in the user's order), the ids that are not
 * a managed device of this user (`unknownIds`), and what blocks the selection — the same
 * `refused` and `factoryReset` as offboarding and retire-all (ADR 0023), and devices already
 * being retired (`retiring`: their retire is running; a second is not sent). While anything
 * blocks, nothing is sent.
 */
export interface RetireSelection<D> {
  selected: D[];
  unknownIds: string[];
  refused: D[];
  factoryReset: D[];
  retiring: D[];
}

export const retireSelectionOf = <
  D extends RetireEffectInput & { id: string; managementState: string },
>(
  devices: readonly D[],
  selectedIds: readonly string[],
): RetireSelection<D> => {
  const wanted = new Set(selectedIds.map((id) => id.toLowerCase()));
  const selected = devices.filter((device) => wanted.has(device.id.toLowerCase()));
  const known = new Set(selected.map((device) => device.id.toLowerCase()));
  return {
    selected,
    unknownIds: [...wanted].filter((id) => !known.has(id)),
    ...offboardBlockersOf(selected),
    retiring: selected.filter((device) => isRetiringState(device.managementState)),
  };
};

/** Whether anything in the selection stops it being sent. */
export const retireSelectionBlocked = (selection: RetireSelection<unknown>): boolean =>
  selection.selected.length === 0 ||
  selection.unknownIds.length > 0 ||
  selection.refused.length > 0 ||
  selection.factoryReset.length > 0 ||
  selection.retiring.length > 0;
