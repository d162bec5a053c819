import { z } from "zod";

/**
 * How long the simulated Intune takes over its VPP actions and device retirements and wipes;
 * tests shorten these.
 */
export const VppTimingSchema = z.strictObject({
  /** vppToken revokeLicenses, start to done (pending for the first sixth). */
  vppRevokeSeconds: z.number().min(0).max(3600),
  /** iosVppApp revokeAllLicenses, start to done. */
  appRevokeAllSeconds: z.number().min(0).max(3600),
  /** iosVppApp revokeUserLicense / revokeDeviceLicense, start to done. */
  appRevokeSeconds: z.number().min(0).max(3600),
  /** vppToken syncLicenses: lastSyncStatus stays inProgress this long. */
  vppSyncSeconds: z.number().min(0).max(3600),
  /** removeAllDevicesFromManagement and retire: devices stay retirePending this long, then go. */
  retireSeconds: z.number().min(0).max(3600),
  /** managedDevice wipe: the device stays wipePending this long, then leaves Intune. */
  wipeSeconds: z.number().min(0).max(3600),
});

export type VppTiming = z.infer<typeof VppTimingSchema>;

export const VppTimingPatchSchema = VppTimingSchema.partial();

export const defaultVppTiming: Readonly<VppTiming> = Object.freeze({
  vppRevokeSeconds: 6,
  appRevokeAllSeconds: 4,
  appRevokeSeconds: 1.5,
  vppSyncSeconds: 3,
  retireSeconds: 5,
  wipeSeconds: 5,
});

export class VppTimingState {
  private current: VppTiming = { ...defaultVppTiming };

  get(): Readonly<VppTiming> {
    return this.current;
  }

  update(patch: Partial<VppTiming>): void {
    this.current = { ...this.current, ...patch };
  }

  reset(): void {
    this.current = { ...defaultVppTiming };
  }
}
