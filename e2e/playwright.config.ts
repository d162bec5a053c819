import { defineConfig } from "@playwright/test";
import { e2eStack } from "./fixtures/e2e-stack.js";

/**
 * The whole stack on loopback: the tenant simulator and the BFF serving the built SPA from one
 * origin (so the production CSP is exercised). Debian's Chromium, never a downloaded browser.
 */
export default defineConfig({
  testDir: "./tests",
  outputDir: "./test-results/artifacts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  // Generous: CI may share its two cores with other work, and a page under load renders late.
  expect: { timeout: 20_000 },
  forbidOnly: true,
  reporter: [["list"], ["json", { outputFile: "./test-results/e2e.json" }]],
  use: {
    baseURL: e2eStack.webOrigin,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: e2eStack.chromiumPath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        // Every name but localhost resolves to nothing: a test can prove nothing left the machine.
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost",
      ],
    },
  },
  webServer: [
    {
      command: `node ../packages/tenant-sim/dist/cli.js`,
      env: e2eStack.simulatorEnv,
      url: `${e2eStack.simulatorUrl}/_sim/health`,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
      timeout: 30_000,
    },
    {
      command: `node ../apps/bff/dist/server.js`,
      env: e2eStack.bffEnv,
      url: `${e2eStack.webOrigin}/api/health`,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
      timeout: 30_000,
    },
  ],
});
