/**
 * Intune is removing the device from management (Graph's `managedDevice.managementState`).
 * https://learn.microsoft.com/graph/api/resources/intune-devices-managementstate?view=graph-rest-beta
 */
const RETIRING: ReadonlySet<string> = new Set(["retirePending", "retireIssued"]);

/**
 * The retire did not take effect: `retireFailed`, and `retireCanceled` — Intune canceled it and
 * the device stays managed, so the retire the agent asked for did not happen. Both sides read it
 * so: the BFF settles the device's item `failed`, the SPA shows it failed.
 */
const RETIRE_FAILED: ReadonlySet<string> = new Set(["retireFailed", "retireCanceled"]);

export const isRetiringState = (managementState: string | undefined): boolean =>
  managementState !== undefined && RETIRING.has(managementState);

export const isRetireFailedState = (managementState: string | undefined): boolean =>
  managementState !== undefined && RETIRE_FAILED.has(managementState);

/**
 * Where a device stands against a retire, from Intune's list alone: `gone` (no longer listed:
 * it has left management), `retiring`, `failed`, or still `managed`.
 */
export type DeviceRetireStanding = "gone" | "retiring" | "failed" | "managed";

export function deviceRetireStandingOf(
  device: { managementState: string } | undefined,
): DeviceRetireStanding {
  if (device === undefined) return "gone";
  if (isRetiringState(device.managementState)) return "retiring";
  return isRetireFailedState(device.managementState) ? "failed" : "managed";
}

/** Intune waits for the device itself: a retire or wipe it will carry out at the next check-in. */
const AWAITING_CHECK_IN: ReadonlySet<string> = new Set([
  "retirePending",
  "retireIssued",
  "wipePending",
  "wipeIssued",
]);

/**
 * Whether an open record waits for a device to check in with Intune (issue #15): a retire or
 * wipe Intune accepted and holds until the device's next check-in, which may be hours away. The
 * console says "waiting for the device to check in", never that it failed or timed out.
 */
export const awaitsDeviceCheckIn = (record: {
  completedAt?: string | undefined;
  items?: readonly { state: string; managementState?: string | undefined }[] | undefined;
}): boolean =>
  record.completedAt === undefined &&
  (record.items ?? []).some(
    (item) =>
      item.state !== "succeeded" &&
      item.state !== "failed" &&
      item.managementState !== undefined &&
      AWAITING_CHECK_IN.has(item.managementState),
  );
