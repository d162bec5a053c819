import type { Store } from "express-rate-limit";
import { RedisStore } from "rate-limit-redis";
import type { RedisConnection } from "./redis-connection.js";

type RedisReply = boolean | number | string | (boolean | number | string)[];

/** express-rate-limit's counts in Redis (rate-limit-redis): one per-user limit cluster-wide. */
export const redisRateLimitStore = (redis: RedisConnection): Store =>
  new RedisStore({
    prefix: redis.key("rate-limit:"),
    sendCommand: (command: string, ...args: string[]) =>
      redis.commands.call(command, ...args) as Promise<RedisReply>,
  });
