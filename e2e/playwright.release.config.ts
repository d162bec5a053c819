import { defineConfig } from "@playwright/test";
import fullConfig from "./playwright.config.js";
import { fileURLToPath } from "node:url";
import { deployedNodeOptions } from "../bench/lib/deployed-node-options.js";
import { stackAt } from "./fixtures/e2e-stack.js";

// One implicit project: the topology project is the default config's alone.
const { projects: _projects, ...base } = fullConfig;
/**
 * The production folder (`pnpm release` → release/) started as an operator would start it,
 * `node server.js` with environment variables alone (no SPA_DIST_DIR: it serves its own
 * public/) and the `Dockerfile`'s NODE_OPTIONS, against the simulator; one worker, one spec that
 * signs in (ADR 0025).
 */
const stack = stackAt(0);
const { SPA_DIST_DIR: _spa, ...releaseEnv } = stack.bffEnv;

export default defineConfig({
  ...base,
  testDir: "./release",
  workers: 1,
  projects: [{ name: "release" }],
  reporter: [["list"], ["json", { outputFile: "./test-results/release.json" }]],
  use: { ...base.use, baseURL: stack.webOrigin },
  webServer: [
    {
      command: "node ../packages/tenant-sim/dist/cli.js",
      env: stack.simulatorEnv,
      url: `${stack.simulatorUrl}/_sim/health`,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
      timeout: 30_000,
    },
    {
      command: "node server.js",
      cwd: "../release",
      env: {
        ...releaseEnv,
        HOST: "127.0.0.1",
        NODE_OPTIONS: deployedNodeOptions(fileURLToPath(new URL("..", import.meta.url))),
      },
      url: `${stack.webOrigin}/api/ready`,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
      timeout: 30_000,
    },
  ],
});
