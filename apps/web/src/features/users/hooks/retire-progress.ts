import {
  deviceRetireStandingOf,
  isRetiringState,
  type ActionRecord,
  type BulkItem,
  type ManagedDevice,
} from "@ihc/contracts";

export const RETIRE_KIND = "user.retire-all-devices";

/** A device a retire was asked for, as the agent saw it in the dialog. */
export interface RetireTarget {
  id: string;
  deviceName: string;
  personal: boolean;
}

/**
 * Where one device stands: `waiting` (Graph has not started on it), `retirePending` (Intune is
 * removing it), `retired` (it has left the user's devices), `failed`, or `unknown` (the call's
 * answer was lost and the BFF is still finding out whether it happened).
 */
export type DeviceRetireState = "waiting" | "retirePending" | "retired" | "failed" | "unknown";

export interface DeviceRetireRow extends RetireTarget {
  state: DeviceRetireState;
}

export function retireTargetsOf(devices: readonly ManagedDevice[]): RetireTarget[] {
  return devices.map((device) => ({
    id: device.id,
    deviceName: device.deviceName,
    personal: device.managedDeviceOwnerType === "personal",
  }));
}

/**
 * The item's state, unless the user's devices were read since and say more: a device no longer
 * listed has left Intune even if the watcher's next event has not said so yet.
 */
function stateOfItem(
  item: BulkItem,
  device: ManagedDevice | undefined,
  read: boolean,
): DeviceRetireState {
  if (item.state === "succeeded") return "retired";
  if (item.state === "failed") return "failed";
  if (read && device === undefined && item.state === "sent") return "retired";
  if (item.state === "unknown") return "unknown";
  return isRetiringState(device?.managementState ?? item.managementState)
    ? "retirePending"
    : "waiting";
}

const stateOfStanding = {
  gone: "retired",
  retiring: "retirePending",
  failed: "failed",
  managed: "waiting",
} as const satisfies Record<string, DeviceRetireState>;

const stateOfDevice = (device: ManagedDevice | undefined): DeviceRetireState =>
  stateOfStanding[deviceRetireStandingOf(device)];

/**
 * Each device of a retire and where it stands. The record's items (one per device confirmed,
 * settled by the BFF's watcher and streamed as the action's events) say it best, with the
 * devices as read since (every event reads them again) filling in the moment between; without them
 * (an older record), the devices as Intune lists them now: one that left the list is retired.
 * `personal` comes from what the agent confirmed, else from the device as listed.
 */
export function deviceRetireRows(
  action: ActionRecord,
  confirmed: readonly RetireTarget[] | undefined,
  current: readonly ManagedDevice[],
  /** Whether `current` was read after Graph accepted the retire. */
  readSinceSent: boolean,
): DeviceRetireRow[] {
  const devices = new Map(current.map((device) => [device.id.toLowerCase(), device]));
  const targets = new Map((confirmed ?? []).map((target) => [target.id.toLowerCase(), target]));
  const items = (action.items ?? []).filter((item) => item.kind === "device");
  if (items.length > 0) {
    return items.map((item) => {
      const key = item.id.toLowerCase();
      const device = devices.get(key);
      const target = targets.get(key);
      return {
        id: item.id,
        deviceName: target?.deviceName ?? item.label ?? device?.deviceName ?? item.id,
        personal: target?.personal ?? device?.managedDeviceOwnerType === "personal",
        state: stateOfItem(item, device, readSinceSent),
      };
    });
  }
  const chosen =
    confirmed ??
    retireTargetsOf(current.filter((device) => isRetiringState(device.managementState)));
  return chosen.map((target) => ({
    ...target,
    state: stateOfDevice(devices.get(target.id.toLowerCase())),
  }));
}

/** The newest retire of this user in the journal (newest first), if any. */
export function latestRetireOf(actions: readonly ActionRecord[] | undefined) {
  return actions?.find((record) => record.kind === RETIRE_KIND);
}
