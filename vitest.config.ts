import { defineConfig } from "vitest/config";

// Unit and integration tests of every package; e2e lives in Playwright (e2e/).
// The JSON report feeds the one-line summary that .ci/run prints.
// Most test time is spent waiting (for the simulator's Intune, leases, timers, child BFFs), not
// computing: more files at once than cores shortens the run.
const maxWorkers = Number(process.env.VITEST_MAX_WORKERS ?? 4);

export default defineConfig({
  test: {
    projects: ["packages/*", "apps/bff", "apps/web"],
    maxWorkers,
    reporters: ["default", ["json", { outputFile: "test-results/vitest.json" }]],
  },
});
