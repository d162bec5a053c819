import { PROBLEM_CONTENT_TYPE, type RouteContract } from "@ihc/contracts";
import type { z } from "zod";
import { ApiError } from "./api-error";
import { apiErrorFromResponse } from "./api-error-from-response";
import {
  CLAIMS_CHALLENGE_HEADER,
  encodeBase64Json,
  getClaimsChallenge,
  requiresInteraction,
} from "./www-authenticate";

/**
 * Where the client gets its bearer token for the BFF's API. Implemented over MSAL in `msal.ts`;
 * both methods reject with an `ApiError` when they cannot deliver.
 */
export interface AccessTokenSource {
  /** A token for the API scopes; with `claims`, a fresh one that satisfies the claims challenge. */
  getAccessToken(options?: { claims?: string }): Promise<string>;
  /** Starts an interactive sign-in (a redirect) for the API scopes, then rejects. */
  signInInteractively(options?: { claims?: string }): Promise<never>;
}

let tokenSource: AccessTokenSource | undefined;

/** Called once at start-up, after MSAL is ready; before that only anonymous routes work. */
export function configureApiClient(source: AccessTokenSource): void {
  tokenSource = source;
}

type SuccessStatus = 200 | 201 | 202 | 204;

/** The parsed success body of a route: the output of its 2xx response schema(s). */
export type ApiResponse<R extends RouteContract> = {
  [S in keyof R["responses"] & SuccessStatus]: R["responses"][S] extends z.ZodType
    ? z.output<R["responses"][S]>
    : never;
}[keyof R["responses"] & SuccessStatus];

type ParamsOption<R> = R extends { params: infer P extends z.ZodType }
  ? { params: z.input<P> }
  : { params?: never };
type QueryOption<R> = R extends { query: infer Q extends z.ZodType }
  ? { query?: z.input<Q> }
  : { query?: never };
type BodyOption<R> = R extends { body: infer B extends z.ZodType }
  ? { body: z.input<B> }
  : { body?: never };

export type ApiRequestOptions<R extends RouteContract> = ParamsOption<R> &
  QueryOption<R> &
  BodyOption<R> & {
    signal?: AbortSignal | undefined;
    /** Required by every action route (DESIGN §5): a UUID made when the dialog opens. */
    idempotencyKey?: string | undefined;
    /** Send no token: only for public routes (client config, health). */
    anonymous?: boolean | undefined;
  };

interface LooseOptions {
  params?: unknown;
  query?: unknown;
  body?: unknown;
  signal?: AbortSignal | undefined;
  idempotencyKey?: string | undefined;
  anonymous?: boolean | undefined;
}

type OptionsArgs<R extends RouteContract> =
  Partial<ApiRequestOptions<R>> extends ApiRequestOptions<R>
    ? [options?: ApiRequestOptions<R>]
    : [options: ApiRequestOptions<R>];

/**
 * Fills a route's `:name` segments from `params` (URI-encoded) and appends `query`, leaving out
 * undefined values. Throws when a path parameter is missing: that is a bug, not a user error.
 */
export function buildRequestUrl(
  path: string,
  params: Readonly<Record<string, unknown>> | undefined,
  query: Readonly<Record<string, unknown>> | undefined,
): string {
  const filled = path.replace(/:([A-Za-z0-9_]+)/g, (_match, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === "") {
      throw new Error(`Missing path parameter "${name}" for ${path}`);
    }
    return encodeURIComponent(scalar(value, name));
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    const values: readonly unknown[] = Array.isArray(value) ? value : [value];
    for (const item of values) search.append(key, scalar(item, key));
  }
  const queryString = search.toString();
  return queryString ? `${filled}?${queryString}` : filled;
}

function scalar(value: unknown, name: string): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  throw new Error(`Parameter "${name}" must be a string, number or boolean`);
}

/**
 * The one way the SPA talks to the BFF. Gets the token silently, sends JSON, parses the answer
 * with the route's schema and throws `ApiError` for anything else. A 401 carrying a claims
 * challenge is retried once with a token that satisfies it; a second challenge, or a 401 that
 * asks for interaction, starts an interactive sign-in (a redirect).
 */
export async function apiRequest<R extends RouteContract>(
  route: R,
  ...[options]: OptionsArgs<R>
): Promise<ApiResponse<R>> {
  // Typed at the call site; read loosely here and validated by the route's schemas below.
  const opts: LooseOptions = options ?? {};
  const params = route.params ? route.params.parse(opts.params) : undefined;
  const query = route.query ? route.query.parse(opts.query ?? {}) : undefined;
  const url = buildRequestUrl(route.path, asRecord(params), asRecord(query));
  const body = route.body ? JSON.stringify(route.body.parse(opts.body)) : undefined;
  const response = await authorizedFetch(route.method, url, {
    accept: `application/json, ${PROBLEM_CONTENT_TYPE}`,
    body,
    idempotencyKey: opts.idempotencyKey,
    signal: opts.signal,
    anonymous: opts.anonymous,
  });
  return readResponse(route, response);
}

export interface ApiStreamOptions {
  signal: AbortSignal;
  /** E.g. `Last-Event-ID` when resuming a Server-Sent Events stream. */
  headers?: Readonly<Record<string, string>> | undefined;
}

/**
 * Opens a streaming GET (`/api/events`) with the same token, claims-challenge and error handling
 * as `apiRequest`, and hands back the open response for the caller to read its body. A non-2xx
 * answer throws `ApiError`.
 */
export async function openApiStream(
  route: RouteContract,
  { signal, headers }: ApiStreamOptions,
): Promise<Response> {
  const response = await authorizedFetch(route.method, buildRequestUrl(route.path, {}, {}), {
    accept: `text/event-stream, ${PROBLEM_CONTENT_TYPE}`,
    signal,
    headers,
  });
  if (!response.ok) throw await errorOf(response);
  return response;
}

/**
 * A streamed export (`text/csv`, JSON Lines) saved as a file: fetched with the same token and
 * error handling as `apiRequest` (a plain link cannot carry the bearer token), then handed to
 * the browser's download with the name the BFF gave it.
 */
export async function downloadApiFile(
  route: RouteContract,
  query: Readonly<Record<string, unknown>>,
  fallbackName: string,
  params: Readonly<Record<string, string>> = {},
): Promise<void> {
  const url = buildRequestUrl(
    route.path,
    params,
    asRecord(route.query ? route.query.parse(query) : {}),
  );
  const response = await authorizedFetch(route.method, url, {
    accept: `text/csv, application/x-ndjson, ${PROBLEM_CONTENT_TYPE}`,
  });
  if (!response.ok) throw await errorOf(response);
  const disposition = response.headers.get("Content-Disposition") ?? "";
  const name = /filename="([^"]+)"/u.exec(disposition)?.[1] ?? fallbackName;
  saveBlob(await response.blob(), name);
}

/** Saves text the SPA built itself (a small list's CSV) as a file. */
export function saveBlob(blob: Blob, name: string): void {
  const href = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = href;
  link.download = name;
  link.rel = "noopener";
  document.body.append(link);
  link.click();
  link.remove();
  // After the click has started the download.
  setTimeout(() => {
    URL.revokeObjectURL(href);
  }, 10_000);
}

interface FetchOptions {
  accept: string;
  body?: string | undefined;
  idempotencyKey?: string | undefined;
  signal?: AbortSignal | undefined;
  anonymous?: boolean | undefined;
  headers?: Readonly<Record<string, string>> | undefined;
}

/** Sends with a bearer token, following one claims challenge; see `apiRequest`. */
async function authorizedFetch(
  method: RouteContract["method"],
  url: string,
  opts: FetchOptions,
): Promise<Response> {
  const send = async (claims?: string): Promise<Response> => {
    const headers = new Headers(opts.headers);
    headers.set("Accept", opts.accept);
    if (opts.body !== undefined) headers.set("Content-Type", "application/json");
    if (opts.idempotencyKey) headers.set("Idempotency-Key", opts.idempotencyKey);
    if (!opts.anonymous) {
      if (!tokenSource) throw new Error("apiRequest: the API client is not configured yet");
      const token = await tokenSource.getAccessToken(claims === undefined ? {} : { claims });
      headers.set("Authorization", `Bearer ${token}`);
      // The BFF passes the claims on to Entra ID with its on-behalf-of request.
      if (claims !== undefined) headers.set(CLAIMS_CHALLENGE_HEADER, encodeBase64Json(claims));
    }
    try {
      return await fetch(url, {
        method,
        headers,
        body: opts.body ?? null,
        signal: opts.signal ?? null,
        // Bearer tokens only: no cookies travel, and answers hold user data the cache must not keep.
        credentials: "omit",
        cache: "no-store",
      });
    } catch (error) {
      if (opts.signal?.aborted) throw error;
      throw new ApiError({
        status: 0,
        code: "network_error",
        title: "Network error",
        detail: error instanceof Error ? error.message : undefined,
      });
    }
  };

  let response = await send();
  if (response.status === 401 && !opts.anonymous && tokenSource) {
    const header = response.headers.get("WWW-Authenticate");
    const claims = getClaimsChallenge(header);
    if (claims !== undefined) {
      // Same body and Idempotency-Key: the BFF refused before journaling anything.
      response = await send(claims);
      const retried = response.status === 401 ? response.headers.get("WWW-Authenticate") : null;
      const again = getClaimsChallenge(retried);
      if (again !== undefined || requiresInteraction(retried)) {
        return tokenSource.signInInteractively(again === undefined ? {} : { claims: again });
      }
    } else if (requiresInteraction(header)) {
      return tokenSource.signInInteractively();
    }
  }
  return response;
}

async function errorOf(response: Response): Promise<ApiError> {
  return apiErrorFromResponse({
    status: response.status,
    statusText: response.statusText,
    contentType: response.headers.get("Content-Type"),
    body: await response.text(),
    requestIdHeader: response.headers.get("X-Request-Id"),
    retryAfterHeader: response.headers.get("Retry-After"),
    now: new Date(),
  });
}

async function readResponse<R extends RouteContract>(
  route: R,
  response: Response,
): Promise<ApiResponse<R>> {
  if (!response.ok) throw await errorOf(response);
  const text = await response.text();
  const schema = route.responses[response.status];
  const invalid = (detail: string): ApiError =>
    new ApiError({
      status: response.status,
      code: "invalid_response",
      title: "Invalid response",
      detail,
      requestId: response.headers.get("X-Request-Id") ?? undefined,
    });
  if (!schema) throw invalid(`${route.method} ${route.path} answered ${response.status}`);
  let json: unknown;
  try {
    json = text === "" ? undefined : JSON.parse(text);
  } catch {
    throw invalid(`${route.method} ${route.path} did not answer JSON`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw invalid(`${route.method} ${route.path}: ${parsed.error.issues.length} schema issue(s)`);
  }
  return parsed.data as ApiResponse<R>;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null
    ? (value as Record<string, unknown>)
    : undefined;
}
