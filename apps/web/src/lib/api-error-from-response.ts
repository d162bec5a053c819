import { PROBLEM_CONTENT_TYPE, ProblemSchema, type ProblemCode } from "@ihc/contracts";
import { ApiError, parseRetryAfter } from "./api-error";

export interface ErrorResponse {
  status: number;
  statusText: string;
  contentType: string | null;
  body: string;
  /** Our BFF echoes its request id in `x-request-id`; used when the body is not a problem. */
  requestIdHeader: string | null;
  retryAfterHeader: string | null;
  now: Date;
}

const statusCodes: Readonly<Record<number, ProblemCode>> = {
  400: "bad_request",
  401: "unauthenticated",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
  413: "payload_too_large",
  415: "unsupported_media_type",
  429: "rate_limited",
};

/**
 * Turns a non-2xx response into an `ApiError`: the BFF's `application/problem+json` when it is
 * one, otherwise (a proxy's HTML page, an empty 502) what the status line alone says.
 */
export function apiErrorFromResponse(response: ErrorResponse): ApiError {
  const retryAfterHeader = parseRetryAfter(response.retryAfterHeader, response.now);
  const mediaType = response.contentType?.split(";")[0]?.trim().toLowerCase();
  if (mediaType === PROBLEM_CONTENT_TYPE || mediaType === "application/json") {
    const problem = ProblemSchema.safeParse(safeJson(response.body));
    if (problem.success) {
      const p = problem.data;
      return new ApiError({
        status: p.status,
        code: p.code,
        title: p.title,
        detail: p.detail,
        requestId: p.requestId,
        graphRequestId: p.graphRequestId,
        graphCode: p.graphCode,
        retryAfterSeconds: p.retryAfterSeconds ?? retryAfterHeader,
        intunePermission: p.intunePermission,
        permissions: p.permissions,
        fields: p.fields,
        runningAction: p.runningAction,
        occurredAt: response.now,
      });
    }
  }
  return new ApiError({
    status: response.status,
    code: statusCodes[response.status] ?? "unexpected_response",
    title: response.statusText || `HTTP ${response.status}`,
    requestId: response.requestIdHeader ?? undefined,
    retryAfterSeconds: retryAfterHeader,
    occurredAt: response.now,
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
