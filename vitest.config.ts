import { defineConfig } from "vitest/config";

// Unit and integration tests of every package; e2e lives in Playwright (e2e/).
export default defineConfig({
  test: {
    projects: ["packages/*", "apps/bff", "apps/web"],
  },
});
