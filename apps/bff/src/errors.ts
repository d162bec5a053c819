import type { ActionKind } from "@ihc/contracts";

/**
 * Typed errors the BFF raises, named for what went wrong rather than for an HTTP status. One
 * middleware (problem-handler.ts) maps them to problem+json, as Backstage maps its
 * `errors/common.ts` types in its error middleware.
 */

/** The request carried no usable bearer token (missing, malformed, or failing validation). */
export class AuthenticationError extends Error {
  override readonly name = "AuthenticationError";
  constructor(
    /** Logged, never sent: which rule failed is useful to us and to an attacker alike. */
    readonly reason: string,
    /** RFC 6750 §3.1: no error code when the request had no credentials at all. */
    readonly tokenPresented: boolean,
  ) {
    super(tokenPresented ? "The access token is not valid for this API." : "Sign-in required.");
  }
}

/** The caller is known but lacks the app role (permission) the operation needs. */
export class NotAllowedError extends Error {
  override readonly name = "NotAllowedError";
}

/** The Idempotency-Key was already used by this caller for a different request (422). */
export class IdempotencyKeyReusedError extends Error {
  override readonly name = "IdempotencyKeyReusedError";
}

export class NotFoundError extends Error {
  override readonly name = "NotFoundError";
}

/** The target is not in a state the action applies to (e.g. no token to revoke): 409. */
export class ConflictError extends Error {
  override readonly name = "ConflictError";
}

/**
 * An action of this kind on this target is still open (issue #12: at most one is). Checked
 * before anything is sent; the running record is named, never changed.
 */
export class ActionRunningError extends ConflictError {
  constructor(
    readonly running: {
      id: string;
      kind: ActionKind;
      actor: { userPrincipalName: string; displayName: string };
      createdAt: string;
    },
  ) {
    super(
      `${running.actor.displayName} (${running.actor.userPrincipalName}) started the same ` +
        `action on this at ${running.createdAt} and it has not finished; nothing was sent. ` +
        "Follow it in Activity.",
    );
  }
}

/** The input did not match its schema; `fields` says where (dotted paths such as `body.x`). */
export class InputError extends Error {
  override readonly name = "InputError";
  constructor(
    message: string,
    readonly fields: readonly { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}

export class PayloadTooLargeError extends Error {
  override readonly name = "PayloadTooLargeError";
}

export class UnsupportedMediaTypeError extends Error {
  override readonly name = "UnsupportedMediaTypeError";
}

/** Our own per-user rate limit, not Graph's throttling (that is a GraphError with 429). */
export class RateLimitedError extends Error {
  override readonly name: string = "RateLimitedError";
  constructor(
    readonly retryAfterSeconds: number | undefined,
    detail = "Too many requests; slow down and try again shortly.",
  ) {
    super(detail);
  }
}

/**
 * The request would cost more Graph calls than the caller has left in their Graph budget (ADR
 * 0024), or the caller's Graph reads already wait in the tenant's fair-share queue as long as
 * they may: a 429 like RateLimitedError, with a detail that says which.
 */
export class GraphBudgetExceededError extends RateLimitedError {
  override readonly name: string = "GraphBudgetExceededError";
}

/** A dependency the BFF needs to judge the request (e.g. the tenant's signing keys) is down. */
export class ServiceUnavailableError extends Error {
  override readonly name = "ServiceUnavailableError";
}
