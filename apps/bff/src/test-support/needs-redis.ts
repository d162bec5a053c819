import {
  dropRedisPrefix as dropPrefix,
  redisProblem,
  testRedisUrl as defaultRedisUrl,
} from "@ihc/test-topology";
import { describe, it } from "vitest";

/** CI and developers' machines run Redis here (issue #13). */
export const testRedisUrl = process.env.TEST_REDIS_URL ?? defaultRedisUrl;

const problem = await redisProblem(testRedisUrl);

const inCi = process.env.CI !== undefined && process.env.CI !== "" && process.env.CI !== "false";

/**
 * `describe` for tests that need the real Redis: skipped on a machine without one, but under
 * CI=true (where .ci/run starts Redis) its absence fails, as the Postgres contract suite does.
 */
export const describeWithRedis = (name: string, body: () => void): void => {
  if (problem === undefined) {
    describe(name, body);
  } else if (inCi) {
    describe(name, () => {
      it("needs Redis at 127.0.0.1:6379 (CI)", () => {
        throw new Error(`Redis is not reachable at ${testRedisUrl}: ${problem}`);
      });
    });
  } else {
    describe.skip(`${name}: skipped, Redis not reachable at ${testRedisUrl} (${problem}); CI fails instead`, () => {
      it("needs Redis", () => undefined);
    });
  }
};

/** Deletes every key under `prefix` (a test's own namespace), never anything else. */
export const dropRedisPrefix = (prefix: string): Promise<void> => dropPrefix(testRedisUrl, prefix);
