/**
 * The action specs: those that carry out destructive actions through the console's dialogs
 * and follow them live to their end. Projects that rerun the console's actions under another
 * deployment or tenant (the `topology` project of playwright.config.ts, ADR 0034) run these,
 * not the whole suite: each costs CI minutes.
 *
 * - vpp-revoke: a VPP token's revoke, its progress followed through the event stream, a
 *   second tab watching it live.
 * - devices: a device's retire, sync and wipe, one Graph call each, followed until it leaves.
 * - enrollment-profiles: an enrollment token revoked and another replaced, the rows live.
 */
export const actionSpecs = [
  "vpp-revoke.spec.ts",
  "devices.spec.ts",
  "enrollment-profiles.spec.ts",
] as const;
