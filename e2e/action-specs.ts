/**
 * The specs whose tests take destructive actions through a dialog and follow them live to their
 * end. They run in the `demo` project with every other spec, and again in the projects that
 * rerun the console's actions under another tenant or deployment — each costs CI minutes, so
 * those projects run these, not the whole suite. File names under `tests/`.
 *
 * `realistic` (ADR 0035) runs all of them against the simulator's `realistic` profile with
 * scaled time; `topology` (ADR 0034) through nginx in front of two BFF instances on Postgres and
 * Redis, each test answered by both. Both leave out the tests tagged `@view-only`
 * (playwright.config.ts).
 */
export const actionSpecs = [
  "vpp-revoke.spec.ts",
  "apps.spec.ts",
  "devices.spec.ts",
  "enrollment-profiles.spec.ts",
  "offboard.spec.ts",
  "reclaim.spec.ts",
] as const;
