import type { Context } from "@microsoft/microsoft-graph-client";
import type { AuthenticatedUser } from "../auth/authenticated-user.js";

/**
 * Told when the retry policy waits before sending a request again after a 429 (`until`), and
 * when the wait is over and it goes out (`undefined`).
 */
export type RetryWaitListener = (until: Date | undefined) => Promise<void>;

/** Each request context's call (GraphCall.contextOf makes the context, GraphCall.of reads it). */
const calls = new WeakMap<Context, GraphCall>();

/**
 * One logical Graph call, handed to every middleware with the request's context. It carries the
 * user the call is made for and collects what the gateway needs back: the client-request-id,
 * the attempt count, and the typed error a middleware threw.
 */
export class GraphCall {
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

  /** A request context for this call: what the middleware chain is handed. */
  contextOf(request: string, options: NonNullable<Context["options"]>): Context {
    const context: Context = { request, options };
    calls.set(context, this);
    return context;
  }

  static of(context: Context): GraphCall {
    const call = calls.get(context);
    if (call === undefined) {
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
