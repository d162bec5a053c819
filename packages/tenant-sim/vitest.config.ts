import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "tenant-sim",
    include: ["src/**/*.test.ts"],
    testTimeout: 20_000,
    // Each test file starts its own simulator and shares no module state, so files may share a
    // worker's module cache: express, jose and zod load once per worker instead of per file.
    isolate: false,
  },
});
