import type { IntunePermission } from "@ihc/contracts";
import { z } from "zod";
import type { GraphHeaders } from "./graph-call.js";
import { parseRetryAfter } from "./retry-after.js";

/**
 * Graph answered with an error status. Built by `parseGraphError` from Graph's error body
 * (https://learn.microsoft.com/graph/errors), including Intune's habit of putting a JSON
 * document (with operation and activity ids) inside `error.message`.
 */
export class GraphError extends Error {
  override readonly name = "GraphError";
  readonly status: number;
  readonly code: string;
  readonly requestId: string | undefined;
  readonly clientRequestId: string | undefined;
  readonly date: string | undefined;
  readonly retryAfterSeconds: number | undefined;
  /** Intune's "Activity ID", which its support asks for alongside the request id. */
  readonly activityId: string | undefined;
  /** Base64 claims from `WWW-Authenticate: Bearer error="insufficient_claims", claims=…`. */
  readonly claimsChallenge: string | undefined;
  /**
   * Set when Intune refused the call for want of an Intune role (RBAC), not a Graph scope: the
   * permission the call needs, so the person can be told which to ask for.
   */
  readonly intunePermission: IntunePermission | undefined;

  constructor(fields: {
    status: number;
    code: string;
    message: string;
    requestId?: string | undefined;
    clientRequestId?: string | undefined;
    date?: string | undefined;
    retryAfterSeconds?: number | undefined;
    activityId?: string | undefined;
    claimsChallenge?: string | undefined;
    intunePermission?: IntunePermission | undefined;
  }) {
    super(fields.message);
    this.status = fields.status;
    this.code = fields.code;
    this.requestId = fields.requestId;
    this.clientRequestId = fields.clientRequestId;
    this.date = fields.date;
    this.retryAfterSeconds = fields.retryAfterSeconds;
    this.activityId = fields.activityId;
    this.claimsChallenge = fields.claimsChallenge;
    this.intunePermission = fields.intunePermission;
  }
}

/**
 * The request never got a usable answer (connection refused or dropped, timed out) but it was
 * safe to retry and the retries ran out. Only reads end up here.
 */
export class GraphUnavailableError extends Error {
  override readonly name = "GraphUnavailableError";
  constructor(
    readonly clientRequestId: string,
    readonly timedOut: boolean,
    options?: ErrorOptions,
  ) {
    super(
      timedOut
        ? "Microsoft Graph did not answer in time."
        : "Microsoft Graph could not be reached.",
      options,
    );
  }
}

/**
 * A non-idempotent call (POST/PATCH/DELETE) failed in transit: Graph may or may not have acted,
 * and it has no idempotency key, so it is never retried. The action pipeline records `unknown`
 * and reconciles by reading state.
 */
export class GraphOutcomeUnknownError extends Error {
  override readonly name = "GraphOutcomeUnknownError";
  constructor(
    readonly method: string,
    readonly clientRequestId: string,
    readonly timedOut: boolean,
    options?: ErrorOptions,
  ) {
    super(
      "The request to Microsoft Graph failed in transit; it may or may not have taken effect.",
      options,
    );
  }
}

const GraphErrorBodySchema = z.object({
  error: z.object({
    code: z.string().optional(),
    message: z.string().optional(),
    // Graph spells it `innerError`; older services `innererror`.
    innerError: z.record(z.string(), z.unknown()).optional(),
    innererror: z.record(z.string(), z.unknown()).optional(),
  }),
});

/** The JSON document Intune's services embed in `error.message`. */
const IntuneMessageSchema = z.object({
  Message: z.string().optional(),
  RetryAfter: z.union([z.number(), z.string(), z.null()]).optional(),
});

const stringField = (record: Record<string, unknown> | undefined, key: string) => {
  const value = record?.[key];
  return typeof value === "string" && value !== "" ? value : undefined;
};

const tryJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

export interface IntuneMessage {
  /** The message without the operation/activity/URL trailer. */
  text: string;
  operationId: string | undefined;
  activityId: string | undefined;
  retryAfterSeconds: number | undefined;
}

/**
 * Turns an Intune message into something a person can read: unwraps the embedded JSON (which
 * may follow some prefix text), and splits off the "- Operation ID (for customer support): …
 * - Activity ID: … - Url: …" trailer, keeping the ids.
 */
export const parseIntuneMessage = (message: string): IntuneMessage => {
  let text = message.trim();
  let retryAfterSeconds: number | undefined;

  const jsonStart = text.indexOf("{");
  const jsonEnd = text.lastIndexOf("}");
  if (jsonStart !== -1 && jsonEnd > jsonStart) {
    const embedded = IntuneMessageSchema.safeParse(tryJson(text.slice(jsonStart, jsonEnd + 1)));
    if (embedded.success && embedded.data.Message !== undefined) {
      const prefix = text
        .slice(0, jsonStart)
        .trim()
        .replace(/[\s:-]+$/, "");
      const suffix = text.slice(jsonEnd + 1).trimEnd();
      const inner = embedded.data.Message.trim();
      text = (prefix === "" ? inner : `${prefix}: ${inner}`) + suffix;
      const retryAfter = embedded.data.RetryAfter;
      if (typeof retryAfter === "number") retryAfterSeconds = retryAfter;
      else if (typeof retryAfter === "string" && /^\d+$/.test(retryAfter))
        retryAfterSeconds = Number(retryAfter);
    }
  }

  const operationId = /Operation ID(?: \(for customer support\))?:\s*([0-9a-f-]{36})/i.exec(
    text,
  )?.[1];
  const activityId = /Activity ID:\s*([0-9a-f-]{36})/i.exec(text)?.[1];
  // The trailer starts at the first " - Operation ID", " - Activity ID" or " - Url:".
  const trailer = /\s+-\s+(?:Operation ID|Activity ID|Url:)/i.exec(text);
  if (trailer) text = text.slice(0, trailer.index).trim();
  if (text === "") text = "Microsoft Graph reported an error.";

  return { text, operationId, activityId, retryAfterSeconds };
};

/** Auth-params of a `WWW-Authenticate: Bearer …` header (RFC 9110 §11.6.1), lower-cased names. */
export const parseBearerChallenge = (header: string | null | undefined): Map<string, string> => {
  const params = new Map<string, string>();
  if (header === null || header === undefined) return params;
  for (const match of header.matchAll(
    /([A-Za-z_][\w-]*)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))/g,
  )) {
    const name = match[1];
    const value = match[2] ?? match[3];
    if (name !== undefined && value !== undefined) params.set(name.toLowerCase(), value);
  }
  return params;
};

export interface GraphErrorResponse {
  status: number;
  headers: GraphHeaders;
  /** The body as text; not necessarily JSON (gateways in front of Graph answer HTML). */
  body: string;
  /** The client-request-id we sent, in case Graph does not echo it. */
  clientRequestId?: string | undefined;
  /** The Intune permission the call needs, when Intune RBAC covers it (intune-permission-of.ts). */
  intunePermission?: IntunePermission | undefined;
  now?: number;
}

/**
 * Intune answers a missing Graph scope with "Application is not authorized to perform this
 * operation. Application must have one of the following scopes: …", and a missing Intune role
 * (RBAC) with "User is not authorized to perform this operation." — both 403 Forbidden with its
 * JSON document in `message`. Only the second is the person's to fix.
 * https://learn.microsoft.com/graph/api/resources/intune-graph-overview
 */
const isIntuneRoleRefusal = (status: number, text: string): boolean =>
  status === 403 && !/^Application is not authorized/i.test(text);

/** Parses any non-2xx answer from Graph into a `GraphError`. */
export const parseGraphError = ({
  status,
  headers,
  body,
  clientRequestId,
  intunePermission,
  now = Date.now(),
}: GraphErrorResponse): GraphError => {
  const parsed = GraphErrorBodySchema.safeParse(tryJson(body));
  const error = parsed.success ? parsed.data.error : undefined;
  const inner = error?.innerError ?? error?.innererror;
  const intune = parseIntuneMessage(error?.message ?? "");

  const challenge = parseBearerChallenge(headers.get("www-authenticate"));
  const claimsChallenge =
    status === 401 && challenge.get("error") === "insufficient_claims"
      ? challenge.get("claims")
      : undefined;

  return new GraphError({
    status,
    code: error?.code ?? (parsed.success ? "unknownError" : `http${status}`),
    message:
      error?.message === undefined || error.message === ""
        ? `Microsoft Graph answered ${status}.`
        : intune.text,
    requestId: stringField(inner, "request-id") ?? headers.get("request-id") ?? undefined,
    clientRequestId:
      stringField(inner, "client-request-id") ??
      headers.get("client-request-id") ??
      clientRequestId,
    date: stringField(inner, "date") ?? headers.get("date") ?? undefined,
    retryAfterSeconds: parseRetryAfter(headers.get("retry-after"), now) ?? intune.retryAfterSeconds,
    activityId: intune.activityId,
    claimsChallenge,
    intunePermission:
      intunePermission !== undefined && isIntuneRoleRefusal(status, intune.text)
        ? intunePermission
        : undefined,
  });
};
