import { defineConfig } from "@playwright/test";
import { actionSpecs } from "./action-specs.js";
import type { ConsoleOptions } from "./fixtures/console-test.js";
import { e2eStack, type E2eStack } from "./fixtures/e2e-stack.js";

/**
 * Tests tagged `@view-only` take no action (what a role sees, a dialog read in Russian): the
 * projects that rerun the action specs under another tenant or deployment leave them out.
 */
const viewOnly = /@view-only/;

/** One stack: its simulator, then the BFF serving the built SPA. */
const serversOf = (stack: E2eStack) => [
  {
    command: `node ../packages/tenant-sim/dist/cli.js`,
    env: stack.simulatorEnv,
    url: `${stack.simulatorUrl}/_sim/health`,
    reuseExistingServer: false,
    stdout: "ignore" as const,
    stderr: "pipe" as const,
    timeout: 30_000,
  },
  {
    // A fresh journal for every run: the simulator starts afresh (and is reset before each
    // test), so a record left open by an earlier run (a retire followed until the device
    // leaves, which the reset device never does) would refuse this run's action as "Already
    // running" — the retire dialog of devices.spec.ts stayed open on every run but the first.
    command: `node -e "require('node:fs').rmSync(process.env.DATA_DIR, { recursive: true, force: true })" && node ../apps/bff/dist/server.js`,
    env: stack.bffEnv,
    url: `${stack.webOrigin}/api/health`,
    reuseExistingServer: false,
    stdout: "ignore" as const,
    stderr: "pipe" as const,
    timeout: 30_000,
  },
];

/**
 * The whole stack on loopback: the tenant simulator and the BFF serving the built SPA from one
 * origin (so the production CSP is exercised), one such stack per worker (e2e-stack.ts).
 * Debian's Chromium, never a downloaded browser.
 *
 * Projects: `demo` runs every spec against those stacks; `realistic` runs the action specs
 * against a second stack per worker on the simulator's `realistic` profile (ADR 0035);
 * `topology` runs them against two BFF instances behind nginx on Postgres and Redis, a
 * stack each of its workers starts for itself (fixtures/topology-stack.ts, ADR 0034).
 */
export default defineConfig<ConsoleOptions>({
  testDir: "./tests",
  outputDir: "./test-results/artifacts",
  // Tests of one file run in order in one worker (they share its signed-in states); files
  // spread over the workers, each with its own stack.
  fullyParallel: false,
  workers: e2eStack.workers,
  retries: 0,
  timeout: 60_000,
  // Generous: CI may share its two cores with other work, and a page under load renders late.
  expect: { timeout: 20_000 },
  forbidOnly: true,
  reporter: [["list"], ["json", { outputFile: "./test-results/e2e.json" }]],
  use: {
    // The console-test fixture points each test at its worker's own stack.
    baseURL: e2eStack.stacks[0]?.webOrigin,
    screenshot: "only-on-failure",
    // A trace costs seconds per test to record; CI's clone is gone before anyone could open it.
    trace: process.env.CI ? "off" : "retain-on-failure",
    launchOptions: e2eStack.launchOptions,
  },
  projects: [
    // Every spec against the friendly `demo` simulator.
    { name: "demo", use: { simProfile: "demo" } },
    // The action specs again against a tenant as harsh as a real one, Intune's minutes scaled
    // to seconds (ADR 0035); each worker has a second stack of its own for it.
    {
      name: "realistic",
      testMatch: actionSpecs.map((spec) => `**/${spec}`),
      grepInvert: viewOnly,
      use: { simProfile: "realistic" },
    },
    // The action specs again through nginx, each test answered by both BFF instances.
    {
      name: "topology",
      testMatch: actionSpecs.map((spec) => `**/${spec}`),
      grepInvert: viewOnly,
      use: { deployment: "topology" },
    },
  ],
  webServer: [...e2eStack.stacks, ...e2eStack.realisticStacks].flatMap(serversOf),
});
