import { defineConfig } from "@playwright/test";
import fullConfig from "./playwright.config.js";
import { e2eStack } from "./fixtures/e2e-stack.js";

// One implicit project: the topology project is the default config's alone.
const { projects: _projects, ...baseConfig } = fullConfig;
/**
 * Measurements on a 50,000-user tenant: its own stack (the simulator started with
 * `SIM_SIZE=large`), on its own ports so it never meets the demo stack. Run with
 * `E2E_TENANT_SIZE=large E2E_WORKERS=1 E2E_SIM_PORT=4141 E2E_WEB_PORT=3141 npx playwright test -c playwright.large.config.ts`.
 */
if (e2eStack.tenantSize !== "large") {
  throw new Error("playwright.large.config.ts needs E2E_TENANT_SIZE=large (and its own ports)");
}

const realisticUrls = new Set(
  e2eStack.realisticStacks.flatMap((stack) => [
    `${stack.simulatorUrl}/_sim/health`,
    `${stack.webOrigin}/api/health`,
  ]),
);

export default defineConfig({
  ...baseConfig,
  testDir: "./large",
  outputDir: "./test-results/large-artifacts",
  timeout: 300_000,
  reporter: [["list"], ["json", { outputFile: "./test-results/e2e-large.json" }]],
  // One project, the demo stacks only: the realistic project is the action specs'.
  projects: [{ name: "large" }],
  webServer: (Array.isArray(baseConfig.webServer) ? baseConfig.webServer : [])
    .filter((server) => !realisticUrls.has(server.url ?? ""))
    .map((server) => ({
      ...server,
      // Generating 50,000 users takes a few seconds more than the demo tenant.
      timeout: 120_000,
    })),
});
