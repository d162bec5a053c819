// Types only: parsing a response (zod) lives in api-error-from-response.ts, so code that only
// names or throws an ApiError (MSAL start-up, the query client) stays out of zod's way.
import type { IntunePermission, Problem } from "@ihc/contracts";

/** A 409 because the same action on the same thing is still open: which, who, since when. */
export type RunningAction = NonNullable<Problem["runningAction"]>;

/** Failures the SPA itself names, besides the BFF's problem codes. */
export const ClientErrorCodes = [
  "network_error",
  "invalid_response",
  "unexpected_response",
  "sign_in_required",
  "token_unavailable",
] as const;
export type ClientErrorCode = (typeof ClientErrorCodes)[number];

export interface FieldProblem {
  path: string;
  message: string;
}

export interface ApiErrorInit {
  status: number;
  /** A known code, or a newer BFF code this build does not know yet. */
  code: string;
  title: string;
  detail?: string | undefined;
  requestId?: string | undefined;
  graphRequestId?: string | undefined;
  graphCode?: string | undefined;
  retryAfterSeconds?: number | undefined;
  /** With `intuneRoleMissing`: the Intune permission to ask an Intune administrator for. */
  intunePermission?: IntunePermission | undefined;
  /** With `adminConsentRequired`: the Graph permissions an administrator must grant. */
  permissions?: readonly string[] | undefined;
  fields?: readonly FieldProblem[] | undefined;
  runningAction?: RunningAction | undefined;
  occurredAt?: Date | undefined;
}

/** Every failure of `apiRequest`: a BFF problem (RFC 9457) or a failure on the way to it. */
export class ApiError extends Error {
  override readonly name = "ApiError";
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly requestId: string | undefined;
  readonly graphRequestId: string | undefined;
  readonly graphCode: string | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly intunePermission: IntunePermission | undefined;
  readonly permissions: readonly string[];
  readonly fields: readonly FieldProblem[];
  readonly runningAction: RunningAction | undefined;
  /** When the SPA saw the failure, so an agent can quote it next to the request id. */
  readonly occurredAt: Date;

  constructor(init: ApiErrorInit) {
    super(init.detail ? `${init.title}: ${init.detail}` : init.title);
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.requestId = init.requestId;
    this.graphRequestId = init.graphRequestId;
    this.graphCode = init.graphCode;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.intunePermission = init.intunePermission;
    this.permissions = init.permissions ?? [];
    this.fields = init.fields ?? [];
    this.runningAction = init.runningAction;
    this.occurredAt = init.occurredAt ?? new Date();
  }
}

/** `Retry-After` as seconds: delta-seconds or an HTTP-date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now.getTime()) / 1000));
}

/** What an error fallback shows: always a code and a title; details only when safe to show. */
export interface ErrorDescription {
  code: string;
  /** HTTP status, 0 when no answer arrived or the error is not an HTTP one. */
  status: number;
  title: string;
  detail: string | undefined;
  requestId: string | undefined;
  graphRequestId: string | undefined;
  retryAfterSeconds: number | undefined;
  intunePermission: IntunePermission | undefined;
  /** With `adminConsentRequired`: the Graph permissions an administrator must grant. */
  permissions: readonly string[];
  fields: readonly FieldProblem[];
  /** The open action a 409 refusal names (issue #12, 3). */
  runningAction: RunningAction | undefined;
  occurredAt: Date | undefined;
}

/**
 * Describes anything a render threw. An `ApiError` is shown in full; any other exception is a bug
 * in the SPA, so its message (which may be technical) is only shown in development builds.
 */
export function describeError(error: unknown, showInternalDetail: boolean): ErrorDescription {
  if (error instanceof ApiError) {
    return {
      code: error.code,
      status: error.status,
      title: error.title,
      detail: error.detail,
      requestId: error.requestId,
      graphRequestId: error.graphRequestId,
      retryAfterSeconds: error.retryAfterSeconds,
      intunePermission: error.intunePermission,
      permissions: error.permissions,
      fields: error.fields,
      runningAction: error.runningAction,
      occurredAt: error.occurredAt,
    };
  }
  return {
    code: "unexpected",
    status: 0,
    title: "Unexpected error",
    detail: showInternalDetail && error instanceof Error ? error.message : undefined,
    requestId: undefined,
    graphRequestId: undefined,
    retryAfterSeconds: undefined,
    intunePermission: undefined,
    permissions: [],
    fields: [],
    runningAction: undefined,
    occurredAt: undefined,
  };
}
