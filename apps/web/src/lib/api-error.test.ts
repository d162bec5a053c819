import { describe, expect, it } from "vitest";
import { ApiError, describeError, parseRetryAfter } from "./api-error";
import { apiErrorFromResponse } from "./api-error-from-response";

const now = new Date("2026-03-05T10:00:00Z");

const base = {
  statusText: "",
  contentType: "application/problem+json; charset=utf-8",
  requestIdHeader: null,
  retryAfterHeader: null,
  now,
};

describe("apiErrorFromResponse", () => {
  it("maps a BFF problem to a typed ApiError", () => {
    const error = apiErrorFromResponse({
      ...base,
      status: 503,
      body: JSON.stringify({
        type: "https://ihc.example/problems/graph_throttled",
        title: "Microsoft Graph is throttling requests",
        status: 503,
        detail: "Intune asked us to wait.",
        code: "graph_throttled",
        requestId: "req-1",
        graphRequestId: "graph-1",
        graphCode: "TooManyRequests",
        retryAfterSeconds: 12,
      }),
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 503,
      code: "graph_throttled",
      title: "Microsoft Graph is throttling requests",
      detail: "Intune asked us to wait.",
      requestId: "req-1",
      graphRequestId: "graph-1",
      graphCode: "TooManyRequests",
      retryAfterSeconds: 12,
      fields: [],
      occurredAt: now,
    });
  });

  it("keeps the running action a 409 names, so the refusal can say which, who and when", () => {
    const runningAction = {
      id: "4c1f5b9e-0000-4000-8000-000000000001",
      kind: "vpp-token.revoke-licenses",
      actor: { displayName: "Adele Vance", userPrincipalName: "adele@contoso" },
      createdAt: "2026-03-05T09:59:30Z",
    };
    const error = apiErrorFromResponse({
      ...base,
      status: 409,
      body: JSON.stringify({
        type: "https://ihc.example/problems/conflict",
        title: "Conflict",
        status: 409,
        code: "conflict",
        requestId: "req-2",
        runningAction,
      }),
    });
    expect(error.runningAction).toEqual(runningAction);
    expect(describeError(error, false).runningAction).toEqual(runningAction);
  });

  it("keeps validation fields and falls back to the Retry-After header", () => {
    const error = apiErrorFromResponse({
      ...base,
      status: 400,
      retryAfterHeader: "3",
      body: JSON.stringify({
        type: "about:blank",
        title: "Invalid input",
        status: 400,
        code: "validation_failed",
        requestId: "req-2",
        fields: [{ path: "body.notifyManagedDevices", message: "Expected boolean" }],
      }),
    });
    expect(error.fields).toEqual([
      { path: "body.notifyManagedDevices", message: "Expected boolean" },
    ]);
    expect(error.retryAfterSeconds).toBe(3);
  });

  it("describes a response that is not a problem by its status line", () => {
    const error = apiErrorFromResponse({
      ...base,
      status: 502,
      statusText: "Bad Gateway",
      contentType: "text/html",
      body: "<html>proxy error</html>",
      requestIdHeader: "edge-9",
    });
    expect(error).toMatchObject({
      status: 502,
      code: "unexpected_response",
      title: "Bad Gateway",
      requestId: "edge-9",
    });
  });

  it("maps well-known statuses of non-problem answers to our codes", () => {
    const forbidden = apiErrorFromResponse({ ...base, status: 403, contentType: null, body: "" });
    expect(forbidden.code).toBe("forbidden");
    expect(forbidden.title).toBe("HTTP 403");
  });

  it("does not trust a problem+json body that is not a problem", () => {
    const error = apiErrorFromResponse({ ...base, status: 500, body: '{"message":"boom"}' });
    expect(error.code).toBe("unexpected_response");
  });
});

describe("parseRetryAfter", () => {
  it("reads delta-seconds and HTTP-dates", () => {
    expect(parseRetryAfter("120", now)).toBe(120);
    expect(parseRetryAfter("Thu, 05 Mar 2026 10:00:30 GMT", now)).toBe(30);
    expect(parseRetryAfter("Thu, 05 Mar 2026 09:00:00 GMT", now)).toBe(0);
  });

  it("ignores what it cannot read", () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter("soon", now)).toBeUndefined();
  });
});

describe("describeError", () => {
  it("shows an ApiError in full", () => {
    const error = new ApiError({
      status: 404,
      code: "not_found",
      title: "Not found",
      requestId: "r",
    });
    expect(describeError(error, false)).toMatchObject({ code: "not_found", requestId: "r" });
  });

  it("hides a bug's message outside development", () => {
    const bug = new TypeError("cannot read properties of undefined (reading 'x')");
    expect(describeError(bug, false)).toMatchObject({ code: "unexpected", detail: undefined });
    expect(describeError(bug, true).detail).toBe(bug.message);
  });
});
