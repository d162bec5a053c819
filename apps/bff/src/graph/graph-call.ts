import type { Context, MiddlewareOptions } from "@microsoft/microsoft-graph-client";
import type { AuthenticatedUser } from "../auth/authenticated-user.js";

/**
 * One logical Graph call, handed to our middleware through the client's per-request middleware
 * options (`GraphRequest.middlewareOptions`). It carries the user the call is made for and
 * collects what the gateway needs back: the client-request-id, the attempt count, and the
 * typed error a middleware threw (the client library re-wraps thrown errors in its own
 * GraphError, losing their type).
 */
/**
 * Told when the retry policy waits before sending a request again after a 429 (`until`), and
 * when the wait is over and it goes out (`undefined`).
 */
export type RetryWaitListener = (until: Date | undefined) => Promise<void>;

export class GraphCall implements MiddlewareOptions {
  attempts = 0;
  /** Attempts handed to the HTTP layer; an error before that is not a transport failure. */
  dispatched = 0;
  failure: unknown;
  /** Graph reads one attempt costs the tenant: 1 for a GET, n for a $batch of n GETs, 0 for a write. */
  readCost = 0;

  constructor(
    readonly user: AuthenticatedUser,
    readonly method: string,
    readonly clientRequestId: string,
    /** See GraphRequestOptions.onRetryWait. */
    readonly onRetryWait?: RetryWaitListener,
  ) {}

  static of(context: Context): GraphCall {
    const call = context.middlewareControl?.getMiddlewareOptions(GraphCall);
    if (!(call instanceof GraphCall)) {
      throw new Error("A Graph request was sent without going through the gateway.");
    }
    return call;
  }
}

/** The headers of a Graph answer, as read: a fetch `Headers` or node:http's, by name. */
export interface GraphHeaders {
  get(name: string): string | null;
}

/**
 * What the gateway and the retry policy read of a Graph answer: a fetch Response, or one that
 * GraphHttpHandler read to its end over node:http (ADR 0037).
 */
export interface GraphHttpResponse {
  readonly status: number;
  readonly ok: boolean;
  readonly headers: GraphHeaders;
  readonly body: { cancel(): Promise<void> } | null;
  text(): Promise<string>;
}

/** Sets a request header whether the client built `options.headers` as Headers or a record. */
export const setRequestHeader = (context: Context, name: string, value: string): void => {
  const options = (context.options ??= {});
  const headers = options.headers;
  if (headers instanceof Headers) {
    headers.set(name, value);
  } else if (Array.isArray(headers)) {
    options.headers = [
      ...headers.filter((entry) => entry[0].toLowerCase() !== name),
      [name, value],
    ];
  } else {
    options.headers = { ...headers, [name]: value };
  }
};

export const requestUrl = (context: Context): string => {
  // The library types `request` with the DOM's RequestInfo; in Node it is a string or Request.
  const request: unknown = context.request;
  if (typeof request === "string") return request;
  if (request instanceof Request) return request.url;
  throw new TypeError("A Graph request without a URL.");
};
