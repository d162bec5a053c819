import type { Scenario } from "../faults/scenario.js";
import type { VppTiming } from "./vpp-timing.js";
import { actionNamesOf } from "./action-names.js";
import type { RevokeRealism } from "./vpp-state.js";

/**
 * Intune's own pace, in real seconds, before the scenario's `timeScale`. Intune publishes no
 * figures: these are what admins report (a token revoke "takes up to 15 minutes", devices
 * check in about every 8 hours, license counts refresh with the next sync).
 * https://learn.microsoft.com/intune/intune-service/apps/vpp-apps-ios
 * https://learn.microsoft.com/intune/intune-service/configuration/device-profile-troubleshoot#how-long-does-it-take-for-devices-to-get-a-policy-profile-or-app-after-they-are-assigned
 */
export const realTimingSeconds: Readonly<VppTiming> = Object.freeze({
  vppRevokeSeconds: 15 * 60,
  appRevokeAllSeconds: 10 * 60,
  appRevokeSeconds: 3 * 60,
  vppSyncSeconds: 5 * 60,
  /** A retired device leaves at its next check-in, unless it checks in sooner. */
  retireSeconds: 8 * 3600,
  wipeSeconds: 8 * 3600,
});

/** After a license goes, usedLicenseCount still counts it this long. */
export const licenseCountDelaySeconds = 10 * 60;
/** A Required or Available assignment gives a revoked member's license back after this long. */
export const relicenseSeconds = 20 * 60;
/** After syncDevice, the device checks in this much later (the push reaches it). */
export const syncCheckInSeconds = 2 * 60;

/** The timings in force: /_sim/timing's, or real ones scaled when `realTimings` is on. */
export function effectiveTiming(
  scenario: Readonly<Scenario>,
  timing: Readonly<VppTiming>,
): VppTiming {
  if (!scenario.realTimings) return { ...timing };
  const scaled = Object.entries(realTimingSeconds).map(([key, seconds]) => [
    key,
    seconds * scenario.timeScale,
  ]);
  return Object.fromEntries(scaled) as VppTiming;
}

/** A real delay in milliseconds under the scenario, or 0 when real timings are off. */
export function realDelayMs(scenario: Readonly<Scenario>, seconds: number): number {
  return scenario.realTimings ? seconds * scenario.timeScale * 1000 : 0;
}

/** What a revoke does beyond the demo's: names, late counts, licenses given back, macOS apps. */
export function revokeRealismOf(scenario: Readonly<Scenario>): RevokeRealism {
  return {
    names: actionNamesOf(scenario),
    countDelayMs: realDelayMs(scenario, licenseCountDelaySeconds),
    // Scaled even without real timings, so a test can switch this behaviour on alone.
    relicenseAfterMs: scenario.assignmentsRelicense
      ? relicenseSeconds * scenario.timeScale * 1000
      : undefined,
    includeMacOs: scenario.macOsVppApps,
  };
}
