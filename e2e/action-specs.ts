/**
 * The specs whose tests take destructive actions through a dialog and follow them live to their
 * end. They run in the `demo` project with every other spec, and again in the projects that
 * rerun the console's actions under another tenant or deployment — each costs CI minutes, so
 * those projects run these, not the whole suite. File names under `tests/`.
 *
 * `realistic` (ADR 0035): all of them, against the simulator's `realistic` profile with scaled
 * time.
 */
export const actionSpecs = [
  "vpp-revoke.spec.ts",
  "apps.spec.ts",
  "devices.spec.ts",
  "enrollment-profiles.spec.ts",
  "offboard.spec.ts",
  "reclaim.spec.ts",
] as const;

/**
 * `topology` (ADR 0034): the action specs where several instances change what the agent sees —
 * a VPP token's revoke followed through the event stream of another instance and a second tab
 * watching it live; a device's retire, sync and wipe followed until it leaves; an enrollment
 * token revoked and another replaced. Offboarding's and reclaim's bulk items, events and leases
 * run through the same code as the bulk revoke the BFF's topology suite covers.
 */
export const topologySpecs = [
  "vpp-revoke.spec.ts",
  "devices.spec.ts",
  "enrollment-profiles.spec.ts",
] as const satisfies readonly (typeof actionSpecs)[number][];
