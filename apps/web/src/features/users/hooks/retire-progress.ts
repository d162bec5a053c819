import type { ActionRecord, ManagedDevice } from "@ihc/contracts";

export const RETIRE_KIND = "user.retire-all-devices";

/** A device a retire was asked for, as the agent saw it in the dialog. */
export interface RetireTarget {
  id: string;
  deviceName: string;
  personal: boolean;
}

/**
 * Where one device stands: still `managed` (Graph has not started on it), `retirePending`
 * (Intune is removing it), `retired` (no longer in the user's devices), or `failed`.
 */
export type DeviceRetireState = "managed" | "retirePending" | "retired" | "failed";

export interface DeviceRetireRow extends RetireTarget {
  state: DeviceRetireState;
}

const pending = new Set(["retirePending", "retireIssued"]);
const failed = new Set(["retireFailed", "retireCanceled"]);

export function retireTargetsOf(devices: readonly ManagedDevice[]): RetireTarget[] {
  return devices.map((device) => ({
    id: device.id,
    deviceName: device.deviceName,
    personal: device.managedDeviceOwnerType === "personal",
  }));
}

/** The devices a record was about, when the BFF listed them as its items. */
export function retireTargetsOfAction(action: ActionRecord): RetireTarget[] {
  return (action.items ?? [])
    .filter((item) => item.kind === "device")
    .map((item) => ({ id: item.id, deviceName: item.label ?? item.id, personal: false }));
}

/**
 * Each device of the retire against the user's devices as Graph lists them now: a device that
 * left the list has been retired (Intune removes a retired device from management).
 */
export function deviceRetireRows(
  targets: readonly RetireTarget[],
  current: readonly ManagedDevice[],
): DeviceRetireRow[] {
  const byId = new Map(current.map((device) => [device.id.toLowerCase(), device]));
  return targets.map((target) => {
    const device = byId.get(target.id.toLowerCase());
    const state: DeviceRetireState =
      device === undefined
        ? "retired"
        : pending.has(device.managementState)
          ? "retirePending"
          : failed.has(device.managementState)
            ? "failed"
            : "managed";
    return { ...target, state };
  });
}

/** The newest retire of this user in the journal (newest first), if any. */
export function latestRetireOf(actions: readonly ActionRecord[] | undefined) {
  return actions?.find((record) => record.kind === RETIRE_KIND);
}
