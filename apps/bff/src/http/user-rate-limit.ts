import type { RequestHandler } from "express";
import { rateLimit, type Store } from "express-rate-limit";
import { userOf } from "../auth/authenticate.js";
import { RateLimitedError } from "../errors.js";

export interface UserRateLimitOptions {
  limit: number;
  windowMs: number;
  /**
   * Where the counts live: in-process by default; with several instances a Redis store
   * (cluster/redis-rate-limit-store.ts), so the limit is one per user, not one per instance.
   */
  store?: Store;
}

export const defaultUserRateLimit: UserRateLimitOptions = { limit: 600, windowMs: 60_000 };

/**
 * Per-user limit, keyed by `oid` (so it runs after authenticate): one person's runaway tab
 * cannot use up the app's share of Graph's per-tenant throttling budget for everyone. Headers
 * follow the IETF RateLimit draft 8; the 429 is a problem with Retry-After.
 */
export const userRateLimit = ({ limit, windowMs, store }: UserRateLimitOptions): RequestHandler =>
  rateLimit({
    ...(store === undefined ? {} : { store }),
    windowMs,
    limit,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    identifier: "per-user",
    keyGenerator: (req) => userOf(req).oid,
    handler: (_req, res, next) => {
      const retryAfter = Number(res.getHeader("Retry-After"));
      next(new RateLimitedError(Number.isFinite(retryAfter) ? retryAfter : undefined));
    },
  });
