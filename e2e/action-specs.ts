/**
 * The specs whose tests take destructive actions through a dialog (issue #15): they run in the
 * `demo` project with every other spec, and again in the `realistic` project against the
 * simulator's `realistic` profile with scaled time (ADR 0035). File names under `tests/`.
 */
export const actionSpecs = [
  "vpp-revoke.spec.ts",
  "apps.spec.ts",
  "devices.spec.ts",
  "enrollment-profiles.spec.ts",
  "offboard.spec.ts",
  "reclaim.spec.ts",
] as const;
