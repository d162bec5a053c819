import { graphDateTime } from "./graph-date-time.js";
import type { ManagedDeviceRecord } from "./managed-device-record.js";

interface RetireJob {
  devices: ManagedDeviceRecord[];
  removeAt: number;
}

/** A retirement that has not yet taken the device out of Intune. */
const retiring = new Set(["retirePending", "retireIssued"]);

/**
 * Intune's managed devices and the retirements running on them. Time moves lazily, as in
 * VppState: every read first removes the devices whose retirement has completed by then, so
 * no timer outlives the simulator.
 */
export class ManagedDeviceState {
  private devices: ManagedDeviceRecord[];
  private readonly byId = new Map<string, ManagedDeviceRecord>();
  private readonly byUser = new Map<string, ManagedDeviceRecord[]>();
  private readonly jobs: RetireJob[] = [];

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

  /**
   * removeAllDevicesFromManagement: each of the user's devices goes `retirePending` with a
   * pending `retire` action result, and leaves Intune `retireSeconds` later. Devices already
   * being retired keep their own schedule. Returns how many devices this call started retiring.
   */
  retireAll(userId: string, retireSeconds: number, now = Date.now()): number {
    const started = this.ofUser(userId, now).filter((d) => !retiring.has(d.managementState));
    if (started.length === 0) return 0;
    const at = graphDateTime(now);
    for (const device of started) {
      device.managementState = "retirePending";
      device.deviceActionResults = [
        ...device.deviceActionResults.filter((r) => r.actionName !== "retire"),
        {
          actionName: "retire",
          actionState: "pending",
          startDateTime: at,
          lastUpdatedDateTime: at,
        },
      ];
    }
    this.jobs.push({ devices: started, removeAt: now + retireSeconds * 1000 });
    return started.length;
  }

  /** Removes the devices whose retirement has completed by `now`. */
  private advance(now: number): void {
    if (this.jobs.length === 0) return;
    const gone = new Set<ManagedDeviceRecord>();
    for (let i = this.jobs.length - 1; i >= 0; i -= 1) {
      const job = this.jobs[i];
      if (job === undefined || job.removeAt > now) continue;
      for (const device of job.devices) gone.add(device);
      this.jobs.splice(i, 1);
    }
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
