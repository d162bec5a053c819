import { Redis } from "ioredis";
import { describe, it } from "vitest";

/** CI and developers' machines run Redis here (issue #13). */
export const testRedisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

const unreachable = async (): Promise<string | undefined> => {
  const redis = new Redis(testRedisUrl, {
    lazyConnect: true,
    connectTimeout: 3000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on("error", () => undefined);
  try {
    await redis.connect();
    await redis.ping();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    redis.disconnect();
  }
};

const redisProblem = await unreachable();

const inCi = process.env.CI !== undefined && process.env.CI !== "" && process.env.CI !== "false";

/**
 * `describe` for tests that need the real Redis: skipped on a machine without one, but under
 * CI=true (where .ci/run starts Redis) its absence fails, as the Postgres contract suite does.
 */
export const describeWithRedis = (name: string, body: () => void): void => {
  if (redisProblem === undefined) {
    describe(name, body);
  } else if (inCi) {
    describe(name, () => {
      it("needs Redis at 127.0.0.1:6379 (CI)", () => {
        throw new Error(`Redis is not reachable at ${testRedisUrl}: ${redisProblem}`);
      });
    });
  } else {
    describe.skip(`${name}: skipped, Redis not reachable at ${testRedisUrl} (${redisProblem}); CI fails instead`, () => {
      it("needs Redis", () => undefined);
    });
  }
};

/** Deletes every key under `prefix` (a test's own namespace), never anything else. */
export const dropRedisPrefix = async (prefix: string): Promise<void> => {
  const redis = new Redis(testRedisUrl);
  try {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== "0");
  } finally {
    redis.disconnect();
  }
};
