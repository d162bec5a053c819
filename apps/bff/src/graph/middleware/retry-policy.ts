import type { Context, Middleware } from "@microsoft/microsoft-graph-client";
import { GraphCall, type GraphHttpResponse } from "../graph-call.js";
import { GraphOutcomeUnknownError, GraphUnavailableError } from "../graph-error.js";
import { parseRetryAfter } from "../retry-after.js";

export interface RetryPolicyOptions {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** Give up rather than wait longer than this for one retry; the caller sees Retry-After. */
  maxWaitMs: number;
  /** Exponential backoff base when Graph sends no Retry-After: base·2^n, jittered. */
  baseDelayMs: number;
  /** Per attempt; a POST that times out has an unknown outcome. */
  attemptTimeoutMs: number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  /** Told of each 429 and of each wait before a retry (metrics); must not throw. */
  observer?: RetryObserver;
}

export interface RetryObserver {
  throttled(): void;
  /** `retryAfter`: the wait Graph asked for; `backoff`: ours, when Graph named none. */
  waited(seconds: number, reason: "retryAfter" | "backoff"): void;
}

export const defaultRetryPolicy: RetryPolicyOptions = {
  maxRetries: 3,
  maxWaitMs: 30_000,
  baseDelayMs: 1_000,
  attemptTimeoutMs: 30_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

const SAFE_METHODS = new Set(["GET", "HEAD"]);
const RETRYABLE_READ_STATUSES = new Set([429, 503, 504]);

/**
 * Which answers justify sending the same request again. Reads: 429, 503, 504 and transport
 * failures. Writes: 429 only, because only 429 guarantees Graph did not act; Graph has no
 * idempotency key, so a POST after a 5xx, a timeout or a dropped connection might revoke or
 * retire twice. https://learn.microsoft.com/graph/throttling
 */
export const shouldRetryStatus = (method: string, status: number): boolean =>
  SAFE_METHODS.has(method) ? RETRYABLE_READ_STATUSES.has(status) : status === 429;

const isTimeout = (error: unknown): boolean =>
  error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");

/**
 * The retry policy in the middle of our chain (client-request-id → retry → auth → HTTP), used
 * instead of the library's RetryHandler, which retries any method on 503/504. Retry-After is
 * honoured (seconds or HTTP-date); without it, exponential backoff with jitter. At most
 * `maxRetries` retries, and never a wait longer than `maxWaitMs`: the last answer is returned
 * instead and the caller surfaces its Retry-After.
 */
export class RetryPolicyMiddleware implements Middleware {
  private next: Middleware | undefined;

  constructor(private readonly options: RetryPolicyOptions = defaultRetryPolicy) {}

  async execute(context: Context): Promise<void> {
    const { maxRetries, maxWaitMs, attemptTimeoutMs, sleep } = this.options;
    const next = this.next;
    if (!next) throw new Error("RetryPolicyMiddleware needs a next middleware.");
    const call = GraphCall.of(context);
    const method = call.method;

    for (let retry = 0; ; retry++) {
      call.attempts++;
      const dispatchedBefore = call.dispatched;
      const options = (context.options ??= {});
      options.signal = AbortSignal.timeout(attemptTimeoutMs);
      try {
        await next.execute(context);
      } catch (error) {
        // Failed before reaching the wire (e.g. no OBO token): nothing was sent, nothing to retry.
        if (call.dispatched === dispatchedBefore) throw error;
        const timedOut = isTimeout(error);
        if (!SAFE_METHODS.has(method)) {
          throw new GraphOutcomeUnknownError(method, call.clientRequestId, timedOut, {
            cause: error,
          });
        }
        if (retry >= maxRetries) {
          throw new GraphUnavailableError(call.clientRequestId, timedOut, { cause: error });
        }
        await sleep(this.backoffMs(retry));
        continue;
      }

      // A fetch Response, or GraphHttpHandler's answer read over node:http (ADR 0037).
      const response = context.response as GraphHttpResponse | undefined;
      if (response?.status === 429) this.options.observer?.throttled();
      if (!response || retry >= maxRetries || !shouldRetryStatus(method, response.status)) return;
      const retryAfterSeconds = parseRetryAfter(response.headers.get("retry-after"));
      const waitMs =
        retryAfterSeconds === undefined ? this.backoffMs(retry) : retryAfterSeconds * 1000;
      if (waitMs > maxWaitMs) return;
      // Free the connection before waiting; this answer is discarded.
      await response.body?.cancel();
      // The caller may journal why its action waits, and that it goes on (issue #12, 5).
      await call.onRetryWait?.(new Date(Date.now() + waitMs));
      this.options.observer?.waited(
        waitMs / 1000,
        retryAfterSeconds === undefined ? "backoff" : "retryAfter",
      );
      await sleep(waitMs);
      await call.onRetryWait?.(undefined);
    }
  }

  setNext(next: Middleware): void {
    this.next = next;
  }

  /** "Equal jitter": between half and all of base·2^retry, so callers do not retry in step. */
  private backoffMs(retry: number): number {
    const ceiling = Math.min(this.options.maxWaitMs, this.options.baseDelayMs * 2 ** retry);
    return Math.round(ceiling / 2 + (this.options.random() * ceiling) / 2);
  }
}
