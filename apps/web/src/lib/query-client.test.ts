import { describe, expect, it } from "vitest";
import { ApiError } from "./api-error";
import { readRetryDelay, shouldRetryRead } from "./query-client";

const error = (status: number, code: string, retryAfterSeconds?: number) =>
  new ApiError({ status, code, title: code, retryAfterSeconds });

describe("shouldRetryRead", () => {
  it("retries twice when the BFF did not get to answer", () => {
    const failures = [
      error(0, "network_error"),
      error(502, "unexpected_response"),
      error(503, "unexpected_response"),
      error(504, "unexpected_response"),
      error(408, "unexpected_response"),
    ];
    for (const failure of failures) {
      expect(shouldRetryRead(0, failure)).toBe(true);
      expect(shouldRetryRead(1, failure)).toBe(true);
      expect(shouldRetryRead(2, failure)).toBe(false);
    }
  });

  it("does not retry Graph failures the BFF already retried", () => {
    expect(shouldRetryRead(0, error(503, "graph_unavailable"))).toBe(false);
    expect(shouldRetryRead(0, error(503, "graph_throttled", 5))).toBe(false);
    expect(shouldRetryRead(0, error(502, "graph_error"))).toBe(false);
  });

  it("never retries 4xx or a server error that says what went wrong", () => {
    for (const status of [400, 401, 403, 404, 409]) {
      expect(shouldRetryRead(0, error(status, "x"))).toBe(false);
    }
    expect(shouldRetryRead(0, error(500, "internal"))).toBe(false);
  });

  it("retries the BFF's own 429 once, only when the wait is short", () => {
    expect(shouldRetryRead(0, error(429, "rate_limited", 5))).toBe(true);
    expect(shouldRetryRead(1, error(429, "rate_limited", 5))).toBe(false);
    expect(shouldRetryRead(0, error(429, "rate_limited", 120))).toBe(false);
  });

  it("does not retry a sign-in redirect, an unreadable answer or a bug", () => {
    expect(shouldRetryRead(0, error(401, "sign_in_required"))).toBe(false);
    expect(shouldRetryRead(0, error(200, "invalid_response"))).toBe(false);
    expect(shouldRetryRead(0, new TypeError("bug"))).toBe(false);
  });
});

describe("readRetryDelay", () => {
  it("honours Retry-After, capped", () => {
    expect(readRetryDelay(0, error(429, "rate_limited", 4))).toBe(4000);
    expect(readRetryDelay(0, error(429, "rate_limited", 600))).toBe(30_000);
  });

  it("backs off exponentially otherwise", () => {
    expect([0, 1, 2, 3, 4].map((n) => readRetryDelay(n, error(503, "x")))).toEqual([
      1000, 2000, 4000, 8000, 8000,
    ]);
  });
});
