import { defineConfig } from "vitest/config";

export default defineConfig({
  test: { name: "test-topology", include: ["src/**/*.test.ts"], testTimeout: 30_000 },
});
