import { defineConfig } from "vitest/config";

// Unit and integration tests of every package; e2e lives in Playwright (e2e/).
// The JSON report feeds the one-line summary that .ci/run prints.
//
// Files at once: most test time is spent waiting (for the simulator's Intune, leases, timers,
// child BFFs), not computing, so more files at once than cores shortens the run. Vitest resolves
// `maxWorkers` for each project on its own (default: cores − 1, so one file at a time on CI's 2
// cores) and a `maxWorkers` here does not reach them; the `VITEST_MAX_WORKERS` variable does,
// since every project's config reads it. Set it to change the default of 4.
process.env.VITEST_MAX_WORKERS ??= "4";

export default defineConfig({
  test: {
    projects: ["packages/*", "apps/bff", "apps/web"],
    reporters: ["default", ["json", { outputFile: "test-results/vitest.json" }]],
  },
});
