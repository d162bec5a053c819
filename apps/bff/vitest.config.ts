import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "bff",
    include: ["src/**/*.test.ts"],
    testTimeout: 20_000,
    globalSetup: ["src/test-support/no-orphan-processes.ts"],
  },
});
