import { Redis } from "ioredis";

/** CI and developers' machines run Redis here (issue #13). */
export const testRedisUrl = "redis://127.0.0.1:6379";

/** Deletes every key under `prefix` (a test's own namespace), never anything else. */
export const dropRedisPrefix = async (redisUrl: string, prefix: string): Promise<void> => {
  const redis = new Redis(redisUrl);
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

/** Why Redis at `redisUrl` does not answer a PING within 3 s, or undefined when it does. */
export const redisProblem = async (redisUrl: string): Promise<string | undefined> => {
  const redis = new Redis(redisUrl, {
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
