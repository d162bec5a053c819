import {
  INTUNE_ROLE_MISSING,
  intunePermissionLabels,
  PROBLEM_CONTENT_TYPE,
  type Problem,
  type ProblemCode,
} from "@ihc/contracts";
import type { ErrorRequestHandler, RequestHandler } from "express";
import type { Logger } from "pino";
import { ZodError } from "zod";
import { AdminConsentRequiredError } from "../auth/admin-consent-required-error.js";
import { ClaimsChallengeError } from "../auth/claims-challenge-error.js";
import { TokenAcquisitionError } from "../auth/obo-token-provider.js";
import { TokenRefusedError } from "../auth/token-refused-error.js";
import { GraphBodyError } from "../graph/graph-body.js";
import {
  GraphError,
  GraphOutcomeUnknownError,
  GraphUnavailableError,
} from "../graph/graph-error.js";
import {
  AuthenticationError,
  ActionRunningError,
  ConflictError,
  IdempotencyKeyReusedError,
  InputError,
  NotAllowedError,
  NotFoundError,
  PayloadTooLargeError,
  RateLimitedError,
  ServiceUnavailableError,
  UnsupportedMediaTypeError,
} from "../errors.js";
import { requestIdOf } from "./request-id.js";

type Code = ProblemCode | typeof INTUNE_ROLE_MISSING;

const TITLES: Record<Code, string> = {
  bad_request: "Bad request",
  validation_failed: "Invalid input",
  unauthenticated: "Sign-in required",
  forbidden: "Not allowed",
  not_found: "Not found",
  conflict: "Conflict",
  idempotency_key_reused: "Idempotency key already used for another request",
  payload_too_large: "Request body too large",
  unsupported_media_type: "Unsupported content type",
  rate_limited: "Too many requests",
  claims_challenge: "Additional sign-in required",
  graph_error: "Microsoft Graph error",
  graph_throttled: "Microsoft Graph is throttling requests",
  graph_unavailable: "Microsoft Graph unavailable",
  internal: "Internal error",
  [INTUNE_ROLE_MISSING]: "Intune role missing",
  accessTokenVersion1: "The API registration issues v1.0 tokens",
  tokenForAnotherClient: "Token issued to another application",
  adminConsentRequired: "Administrator consent required",
};

export interface ProblemResponse {
  problem: Problem;
  headers: Record<string, string>;
  /** Whether the error is ours (logged with its stack) rather than the caller's or Graph's. */
  unexpected: boolean;
}

interface Mapped {
  status: number;
  code: Code;
  detail?: string | undefined;
  headers?: Record<string, string>;
  extra?: Partial<Problem>;
  unexpected?: boolean;
}

/** body-parser's errors carry `type` and `status` (https://github.com/expressjs/body-parser#errors). */
const bodyParserErrorType = (error: unknown): string | undefined =>
  error instanceof Error && "type" in error && typeof error.type === "string"
    ? error.type
    : undefined;

/** Express's router could not percent-decode a path parameter (`/api/apps/%E0%A4%A`). */
const isUndecodablePathError = (error: unknown): boolean =>
  error instanceof URIError && "status" in error && error.status === 400;

const graphStatus = (status: number): { status: number; code: ProblemCode } => {
  if (status === 404) return { status: 404, code: "not_found" };
  if (status === 403) return { status: 403, code: "forbidden" };
  if (status === 429) return { status: 429, code: "graph_throttled" };
  if (status === 409) return { status: 409, code: "conflict" };
  if (status === 400) return { status: 400, code: "graph_error" };
  if (status === 503 || status === 504) return { status, code: "graph_unavailable" };
  if (status >= 500) return { status: 502, code: "graph_unavailable" };
  // 401 (our OBO token refused) and anything unexpected: Graph's fault as far as the SPA cares.
  return { status: 502, code: "graph_error" };
};

const retryAfterHeader = (seconds: number | undefined): Record<string, string> =>
  seconds === undefined ? {} : { "Retry-After": String(seconds) };

const map = (error: unknown): Mapped => {
  if (error instanceof AuthenticationError) {
    return {
      status: 401,
      code: "unauthenticated",
      detail: error.message,
      // RFC 6750 §3: no error code when no credentials were sent.
      headers: {
        "WWW-Authenticate": error.tokenPresented ? 'Bearer error="invalid_token"' : "Bearer",
      },
    };
  }
  if (error instanceof TokenRefusedError) {
    return {
      status: 401,
      code: error.code,
      detail: error.message,
      // No sign-in fixes it: the SPA shows the detail rather than signing in again.
      headers: { "WWW-Authenticate": 'Bearer error="invalid_token"' },
    };
  }
  if (error instanceof AdminConsentRequiredError) {
    return {
      status: 403,
      code: "adminConsentRequired",
      detail: error.message,
      extra: { permissions: [...error.permissions] },
    };
  }
  if (error instanceof ClaimsChallengeError) {
    return {
      status: 401,
      code: "claims_challenge",
      detail: error.message,
      headers: { "WWW-Authenticate": error.wwwAuthenticate },
    };
  }
  if (error instanceof NotAllowedError)
    return { status: 403, code: "forbidden", detail: error.message };
  if (error instanceof IdempotencyKeyReusedError)
    return { status: 422, code: "idempotency_key_reused", detail: error.message };
  if (error instanceof NotFoundError)
    return { status: 404, code: "not_found", detail: error.message };
  if (error instanceof ActionRunningError) {
    const { id, kind, actor, createdAt } = error.running;
    return {
      status: 409,
      code: "conflict",
      detail: error.message,
      extra: { runningAction: { id, kind, actor, createdAt } },
    };
  }
  if (error instanceof ConflictError)
    return { status: 409, code: "conflict", detail: error.message };
  if (error instanceof InputError) {
    return {
      status: 400,
      code: "validation_failed",
      detail: error.message,
      extra: { fields: [...error.fields] },
    };
  }
  if (error instanceof ZodError) {
    return {
      status: 400,
      code: "validation_failed",
      detail: "The request did not match the expected shape.",
      extra: {
        fields: error.issues.map((issue) => ({
          path: issue.path.map(String).join("."),
          message: issue.message,
        })),
      },
    };
  }
  if (error instanceof PayloadTooLargeError || bodyParserErrorType(error) === "entity.too.large") {
    return { status: 413, code: "payload_too_large", detail: "The request body is too large." };
  }
  if (
    error instanceof UnsupportedMediaTypeError ||
    bodyParserErrorType(error) === "encoding.unsupported" ||
    bodyParserErrorType(error) === "charset.unsupported"
  ) {
    return {
      status: 415,
      code: "unsupported_media_type",
      detail: "Send the request body as application/json.",
    };
  }
  if (bodyParserErrorType(error) !== undefined) {
    return { status: 400, code: "bad_request", detail: "The request body is not valid JSON." };
  }
  if (isUndecodablePathError(error)) {
    return {
      status: 400,
      code: "bad_request",
      detail: "The request's path is not valid percent-encoding.",
      extra: { fields: [{ path: "params", message: "is not valid percent-encoding" }] },
    };
  }
  if (error instanceof RateLimitedError) {
    return {
      status: 429,
      code: "rate_limited",
      detail: error.message,
      headers: retryAfterHeader(error.retryAfterSeconds),
      extra:
        error.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: error.retryAfterSeconds },
    };
  }
  if (error instanceof GraphError && error.intunePermission !== undefined) {
    const permission = intunePermissionLabels[error.intunePermission];
    return {
      status: 403,
      code: INTUNE_ROLE_MISSING,
      // The Intune admin center's words, so the person can ask for exactly this.
      detail:
        `Intune refused this because your account has no Intune role with the permission ` +
        `"${permission}". Ask an Intune administrator to assign you a role that includes it ` +
        "(Intune admin center › Tenant administration › Roles).",
      extra: {
        intunePermission: error.intunePermission,
        graphCode: error.code,
        ...(error.requestId === undefined ? {} : { graphRequestId: error.requestId }),
      },
    };
  }
  if (error instanceof GraphError) {
    const { status, code } = graphStatus(error.status);
    return {
      status,
      code,
      detail: error.message,
      headers: status === 429 || status === 503 ? retryAfterHeader(error.retryAfterSeconds) : {},
      extra: {
        graphCode: error.code,
        ...(error.requestId === undefined ? {} : { graphRequestId: error.requestId }),
        ...(error.retryAfterSeconds === undefined
          ? {}
          : { retryAfterSeconds: error.retryAfterSeconds }),
      },
    };
  }
  if (error instanceof GraphUnavailableError || error instanceof GraphOutcomeUnknownError) {
    return { status: error.timedOut ? 504 : 502, code: "graph_unavailable", detail: error.message };
  }
  if (error instanceof TokenAcquisitionError) {
    return { status: 502, code: "graph_unavailable", detail: error.message };
  }
  if (error instanceof GraphBodyError) {
    return { status: 502, code: "graph_error", detail: "Microsoft Graph answered unexpectedly." };
  }
  if (error instanceof ServiceUnavailableError) {
    return { status: 503, code: "internal", detail: error.message };
  }
  return { status: 500, code: "internal", unexpected: true };
};

/** The one mapping from typed errors to RFC 9457 problem details. */
export const toProblem = (
  error: unknown,
  requestId: string,
  { exposeStack = false }: { exposeStack?: boolean } = {},
): ProblemResponse => {
  const mapped = map(error);
  const detail =
    mapped.detail ??
    (exposeStack && error instanceof Error
      ? `${error.message}\n${error.stack ?? ""}`
      : "Something went wrong on our side. Quote the request id when you report it.");
  return {
    problem: {
      type: `urn:ihc:problem:${mapped.code}`,
      title: TITLES[mapped.code],
      status: mapped.status,
      detail,
      code: mapped.code,
      requestId,
      ...mapped.extra,
    },
    headers: mapped.headers ?? {},
    unexpected: mapped.unexpected ?? false,
  };
};

/** Express error middleware: typed errors → problem+json; stack traces only in development. */
export const problemHandler =
  ({ exposeStack, logger }: { exposeStack: boolean; logger: Logger }): ErrorRequestHandler =>
  (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const reqId = requestIdOf(req);
    const { problem, headers, unexpected } = toProblem(error, reqId, { exposeStack });
    if (unexpected || problem.status >= 500) {
      // The request line (http/request-logging.ts) logs `res.err`.
      res.err = error instanceof Error ? error : new Error(String(error));
    } else if (error instanceof AuthenticationError) {
      logger.info({ reqId, reason: error.reason }, "request not authenticated");
    }
    res
      .status(problem.status)
      .set(headers)
      .type(PROBLEM_CONTENT_TYPE)
      .send(JSON.stringify(problem));
  };

/** Anything no route answered: 404 as a problem, for /api and (without the SPA) elsewhere. */
export const notFoundHandler = (): RequestHandler => (req) => {
  throw new NotFoundError(`No route for ${req.method} ${req.path}.`);
};
