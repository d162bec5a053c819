import type { Request, RequestHandler, Response } from "express";
import { rateLimit, type RateLimitInfo, type Store } from "express-rate-limit";
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

/** The limit's name in its headers (IETF RateLimit draft 8). */
const POLICY = "per-user";

/** Seconds until the window resets (the whole window when the store does not say). */
const resetSecondsOf = (info: RateLimitInfo, windowMs: number): number =>
  info.resetTime === undefined
    ? Math.ceil(windowMs / 1000)
    : Math.max(0, Math.ceil((info.resetTime.getTime() - Date.now()) / 1000));

/**
 * `RateLimit` and `RateLimit-Policy` as draft 8 writes them, without its optional partition key
 * (`pk`): express-rate-limit hashes the user's key with SHA-256 for it on every request, a
 * twentieth of the BFF's time on a list read (issue #19's profile), for a value no client of
 * ours reads.
 */
const setRateLimitHeaders = (res: Response, info: RateLimitInfo, windowMs: number): number => {
  const reset = resetSecondsOf(info, windowMs);
  res.setHeader("RateLimit", `"${POLICY}"; r=${info.remaining}; t=${reset}`);
  res.setHeader(
    "RateLimit-Policy",
    `"${POLICY}"; q=${info.limit}; w=${Math.ceil(windowMs / 1000)}`,
  );
  return reset;
};

const infoOf = (req: Request): RateLimitInfo | undefined =>
  (req as Request & { rateLimit?: RateLimitInfo }).rateLimit;

/**
 * Per-user limit, keyed by `oid` (so it runs after authenticate): one person's runaway tab
 * cannot use up the app's share of Graph's per-tenant throttling budget for everyone. Headers
 * follow the IETF RateLimit draft 8; the 429 is a problem with Retry-After.
 */
export const userRateLimit = ({
  limit,
  windowMs,
  store,
}: UserRateLimitOptions): RequestHandler[] => [
  rateLimit({
    ...(store === undefined ? {} : { store }),
    windowMs,
    limit,
    // Written below, by us (setRateLimitHeaders).
    standardHeaders: false,
    legacyHeaders: false,
    keyGenerator: (req) => userOf(req).oid,
    handler: (req, res, next) => {
      const info = infoOf(req);
      const retryAfter = info === undefined ? undefined : setRateLimitHeaders(res, info, windowMs);
      if (retryAfter !== undefined) res.setHeader("Retry-After", String(retryAfter));
      next(new RateLimitedError(retryAfter));
    },
  }),
  (req, res, next) => {
    const info = infoOf(req);
    if (info !== undefined) setRateLimitHeaders(res, info, windowMs);
    next();
  },
];
