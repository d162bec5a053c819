import type { Store } from "express-rate-limit";
import type { Logger } from "pino";
import type { EventBus } from "../actions/event-bus.js";
import type { WorkLeases } from "../actions/work-leases.js";
import type { AppWriteBudget } from "../actions/write-budget.js";
import type { Config } from "../config.js";
import { RedisConnection } from "./redis-connection.js";
import { RedisEventBus } from "./redis-event-bus.js";
import { RedisLeases } from "./redis-leases.js";
import { redisRateLimitStore } from "./redis-rate-limit-store.js";
import { RedisTokenCache } from "./redis-token-cache.js";
import { RedisWriteBudget } from "./redis-write-budget.js";

/** What several BFF instances share through Redis (ADR 0020). */
export interface ClusterServices {
  redis: RedisConnection;
  bus: EventBus;
  appWriteBudget: AppWriteBudget;
  rateLimitStore: Store;
  leases: WorkLeases;
  /** msal-node's token cache, per user, encrypted with TOKEN_CACHE_KEY. */
  tokenCache: RedisTokenCache;
  /** Stops reading shared events and closes the connections. */
  close(): Promise<void>;
}

/** Connects to Redis when REDIS_URL is set; undefined (everything in-process) otherwise. */
export const openClusterServices = async (
  config: Pick<Config, "redis" | "appWriteBudget" | "leaseSeconds">,
  logger: Logger,
): Promise<ClusterServices | undefined> => {
  if (config.redis === undefined) return undefined;
  const redis = await RedisConnection.connect(config.redis, logger);
  const bus = new RedisEventBus(redis, logger);
  return {
    redis,
    bus,
    appWriteBudget: new RedisWriteBudget(redis, logger, {
      writes: config.appWriteBudget.writes,
      windowMs: config.appWriteBudget.windowSeconds * 1000,
    }),
    rateLimitStore: redisRateLimitStore(redis),
    leases: new RedisLeases(redis, logger, { leaseMs: config.leaseSeconds * 1000 }),
    tokenCache: new RedisTokenCache(redis, config.redis.tokenCacheKey, logger),
    close: async () => {
      await bus.close();
      await redis.close();
    },
  };
};
