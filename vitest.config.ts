import { defineConfig } from "vitest/config";

// Unit and integration tests of every package; e2e lives in Playwright (e2e/).
// The JSON report feeds the one-line summary that .ci/run prints.
export default defineConfig({
  test: {
    projects: ["packages/*", "apps/bff", "apps/web"],
    reporters: ["default", ["json", { outputFile: "test-results/vitest.json" }]],
  },
});
