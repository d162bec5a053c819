import { QueryClient } from "@tanstack/react-query";
import { ApiError } from "./api-error";

const MAX_READ_RETRIES = 2;
const MAX_RETRY_AFTER_SECONDS = 30;

/** Statuses that mean "the BFF (or the proxy in front of it) did not get to answer". */
const TRANSIENT_STATUSES: ReadonlySet<number> = new Set([0, 408, 502, 503, 504]);

/** Graph failures the BFF already retried under Graph's rules (Retry-After, bounded back-off). */
const RETRIED_BY_BFF: ReadonlySet<string> = new Set([
  "graph_error",
  "graph_throttled",
  "graph_unavailable",
]);

/**
 * Reads retry only what may pass by itself: no answer at all, a gateway error, 408, or the BFF's
 * own 429 when its Retry-After is short. Never other 4xx, never an answer we could not parse,
 * never while a sign-in redirect is under way, and never a Graph failure: the BFF has retried
 * that already, and retrying again here would multiply the agent's wait. DESIGN §8: bounded
 * retries for reads, no blind retries of actions (mutations never retry).
 */
export function shouldRetryRead(failureCount: number, error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  if (RETRIED_BY_BFF.has(error.code)) return false;
  if (error.code === "sign_in_required" || error.code === "invalid_response") return false;
  if (error.status === 429) {
    return failureCount < 1 && (error.retryAfterSeconds ?? 0) <= MAX_RETRY_AFTER_SECONDS;
  }
  return TRANSIENT_STATUSES.has(error.status) && failureCount < MAX_READ_RETRIES;
}

/** Honours Retry-After when the server sent one; otherwise 1 s, 2 s, 4 s… capped at 8 s. */
export function readRetryDelay(failureCount: number, error: unknown): number {
  if (error instanceof ApiError && error.retryAfterSeconds !== undefined) {
    return Math.min(error.retryAfterSeconds, MAX_RETRY_AFTER_SECONDS) * 1000;
  }
  return Math.min(1000 * 2 ** failureCount, 8000);
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetryRead,
        retryDelay: readRetryDelay,
        // Lists stay fresh through the event stream, not by refetching on every focus.
        staleTime: 30_000,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}
