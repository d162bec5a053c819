import { graphDateTime } from "./graph-date-time.js";
import type { ManagedDeviceRecord, ManagementState } from "./managed-device-record.js";

interface RemovalJob {
  devices: ManagedDeviceRecord[];
  removeAt: number;
}

/** The actions that take a device out of Intune, and the state a device waits in meanwhile. */
const pendingStates = { retire: "retirePending", wipe: "wipePending" } as const;
export type RemovalAction = keyof typeof pendingStates;

/** A retirement or wipe that has not yet taken the device out of Intune. */
const leaving = new Set<ManagementState>([
  "retirePending",
  "retireIssued",
  "wipePending",
  "wipeIssued",
]);

/**
 * Intune's managed devices and the retirements and wipes running on them. Time moves lazily, as
 * in VppState: every read first removes the devices whose retirement or wipe has completed by
 * then, so no timer outlives the simulator.
 */
export class ManagedDeviceState {
  private devices: ManagedDeviceRecord[];
  private readonly byId = new Map<string, ManagedDeviceRecord>();
  private readonly byUser = new Map<string, ManagedDeviceRecord[]>();
  private readonly jobs: RemovalJob[] = [];
  /** Check-ins a syncDevice asked for, due at `at`. */
  private readonly checkIns: { device: ManagedDeviceRecord; at: number }[] = [];

  constructor(devices: ManagedDeviceRecord[]) {
    this.devices = devices;
    for (const device of devices) {
      this.byId.set(device.id, device);
      if (device.user === undefined) continue;
      const key = device.user.id.toLowerCase();
      const list = this.byUser.get(key);
      if (list === undefined) this.byUser.set(key, [device]);
      else list.push(device);
    }
  }

  /** Every managed device in the tenant, users' and userless ones. */
  list(now = Date.now()): readonly ManagedDeviceRecord[] {
    this.advance(now);
    return this.devices;
  }

  /** The devices whose primary user is `userId`. */
  ofUser(userId: string, now = Date.now()): readonly ManagedDeviceRecord[] {
    this.advance(now);
    return this.byUser.get(userId.toLowerCase()) ?? [];
  }

  find(id: string, now = Date.now()): ManagedDeviceRecord | undefined {
    this.advance(now);
    return this.byId.get(id.toLowerCase());
  }

  /** removeAllDevicesFromManagement: retires every device of the user (see `remove`). */
  retireAll(userId: string, retireSeconds: number, now = Date.now()): number {
    return this.remove(this.ofUser(userId, now), "retire", retireSeconds, now);
  }

  /**
   * retire or wipe: each device goes `retirePending` or `wipePending` with a pending action
   * result of that name, and leaves Intune `seconds` later. Devices already leaving keep their
   * own schedule. Returns how many devices this call started removing.
   */
  remove(
    devices: readonly ManagedDeviceRecord[],
    action: RemovalAction,
    seconds: number,
    now = Date.now(),
    actionName: string = action,
  ): number {
    const started = devices.filter((d) => !leaving.has(d.managementState));
    if (started.length === 0) return 0;
    const at = graphDateTime(now);
    for (const device of started) {
      device.managementState = pendingStates[action];
      device.deviceActionResults = [
        ...device.deviceActionResults.filter((r) => r.actionName !== actionName),
        { actionName, actionState: "pending", startDateTime: at, lastUpdatedDateTime: at },
      ];
    }
    this.jobs.push({ devices: started, removeAt: now + seconds * 1000 });
    return started.length;
  }

  /** syncDevice: the device checks in now. */
  sync(device: ManagedDeviceRecord, now = Date.now()): void {
    device.lastSyncAt = now;
  }

  /**
   * The device checks in at `at` (now by default): it syncs, and a retirement or wipe waiting
   * for it completes then. Returns false when the device is not (or no longer) in Intune.
   */
  checkIn(id: string, now = Date.now(), at = now): boolean {
    const device = this.find(id, now);
    if (device === undefined) return false;
    this.checkIns.push({ device, at });
    this.advance(now);
    return true;
  }

  /** Removes the devices whose retirement or wipe has completed by `now`. */
  private advance(now: number): void {
    const gone = new Set<ManagedDeviceRecord>();
    for (let i = this.checkIns.length - 1; i >= 0; i -= 1) {
      const checkIn = this.checkIns[i];
      if (checkIn === undefined || checkIn.at > now) continue;
      this.checkIns.splice(i, 1);
      checkIn.device.lastSyncAt = Math.max(checkIn.device.lastSyncAt, checkIn.at);
      if (leaving.has(checkIn.device.managementState)) gone.add(checkIn.device);
    }
    if (this.jobs.length === 0 && gone.size === 0) return;
    for (let i = this.jobs.length - 1; i >= 0; i -= 1) {
      const job = this.jobs[i];
      if (job === undefined || job.removeAt > now) continue;
      for (const device of job.devices) gone.add(device);
      this.jobs.splice(i, 1);
    }
    for (const job of this.jobs) job.devices = job.devices.filter((d) => !gone.has(d));
    if (gone.size === 0) return;
    this.devices = this.devices.filter((d) => !gone.has(d));
    for (const device of gone) {
      this.byId.delete(device.id);
      if (device.user === undefined) continue;
      const key = device.user.id.toLowerCase();
      const remaining = (this.byUser.get(key) ?? []).filter((d) => !gone.has(d));
      if (remaining.length === 0) this.byUser.delete(key);
      else this.byUser.set(key, remaining);
    }
  }
}
