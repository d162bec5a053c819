import { randomUUID } from "node:crypto";
import type { Middleware } from "@microsoft/microsoft-graph-client";
import type { Logger } from "pino";
import type { AuthenticatedUser } from "../auth/authenticated-user.js";
import { IntuneAccessLedger } from "../auth/intune-access-ledger.js";
import { ClaimsChallengeError } from "../auth/claims-challenge-error.js";
import type { OboTokenProvider } from "../auth/obo-token-provider.js";
import {
  GraphCall,
  type GraphHeaders,
  type GraphHttpResponse,
  type RetryWaitListener,
} from "./graph-call.js";
import { parseGraphError } from "./graph-error.js";
import { intunePermissionOf } from "./intune-permission-of.js";
import { ClientRequestIdMiddleware } from "./middleware/client-request-id.js";
import { FairReadShareMiddleware, type ReadScheduler } from "./middleware/fair-read-share.js";
import { GraphAuthMiddleware } from "./middleware/graph-auth.js";
import { GraphHttpHandler } from "./middleware/graph-http-handler.js";
import {
  defaultRetryPolicy,
  RetryPolicyMiddleware,
  type RetryObserver,
  type RetryPolicyOptions,
} from "./middleware/retry-policy.js";
import type { Metrics } from "../observability/metrics.js";
import { graphResourceOf } from "../observability/graph-resource-of.js";

export type GraphVersion = "v1.0" | "beta";
export type GraphMethod = "GET" | "POST" | "PATCH" | "DELETE";

export interface GraphRequestOptions {
  version?: GraphVersion;
  /** OData and other query options, URL-encoded here (the client library does not encode). */
  query?: Readonly<Record<string, string | number | boolean | undefined>>;
  headers?: Readonly<Record<string, string>>;
  body?: unknown;
  /** Made by the caller when it must journal the id before the call is sent. */
  clientRequestId?: string;
  /**
   * Told before the retry policy waits to send again after a 429, and when it sends; it must
   * not throw (a throw would fail a request Graph provably did not act on).
   */
  onRetryWait?: RetryWaitListener;
}

export interface GraphResponse {
  status: number;
  headers: GraphHeaders;
  /** Parsed JSON; a text/plain answer's text (`$count`); undefined for an empty answer (204). */
  body: unknown;
  clientRequestId: string;
  requestId: string | undefined;
  attempts: number;
}

/**
 * Microsoft Graph, as the signed-in user. Non-2xx answers throw a GraphError (or a
 * ClaimsChallengeError for Graph's insufficient_claims 401); transport failures throw
 * GraphUnavailableError for reads and GraphOutcomeUnknownError for writes.
 */
export interface GraphGateway {
  /** GRAPH_BASE_URL, for following nextLinks. */
  readonly baseUrl: string;
  /** The Intune rights learned from the answers to each person's calls (GET /api/me). */
  readonly intuneAccess: IntuneAccessLedger;
  request(
    user: AuthenticatedUser,
    method: GraphMethod,
    path: string,
    options?: GraphRequestOptions,
  ): Promise<GraphResponse>;
  get(user: AuthenticatedUser, path: string, options?: GraphRequestOptions): Promise<GraphResponse>;
  post(
    user: AuthenticatedUser,
    path: string,
    options?: GraphRequestOptions,
  ): Promise<GraphResponse>;
}

export interface GraphGatewayOptions {
  /** GRAPH_BASE_URL: https://graph.microsoft.com, or the simulator. */
  baseUrl: string;
  tokenProvider: OboTokenProvider;
  retry?: Partial<RetryPolicyOptions>;
  /** Gets one debug line per call (method, path, status, attempts, ids); never a token. */
  logger?: Logger;
  /** The tenant's Graph read budget, shared fairly between users (ADR 0024); none: unpaced. */
  readScheduler?: ReadScheduler;
  /** Counts calls by resource and status, 429s and the seconds waited before retries. */
  metrics?: Metrics;
}

/** Reads a call costs Graph: a GET is one, a `$batch` of GETs one per sub-request (Graph counts each). */
const readCostOf = (method: GraphMethod, path: string, body: unknown): number => {
  if (method === "GET") return 1;
  if (path !== "/$batch" || typeof body !== "object" || body === null) return 0;
  const requests = (body as { requests?: unknown }).requests;
  if (!Array.isArray(requests)) return 0;
  const gets = requests.filter(
    (sub) =>
      typeof sub === "object" && sub !== null && (sub as { method?: unknown }).method === "GET",
  );
  return gets.length === requests.length ? gets.length : 0;
};

const queryString = (query: GraphRequestOptions["query"]): string => {
  const pairs = Object.entries(query ?? {}).flatMap(([name, value]) =>
    value === undefined ? [] : [`${name}=${encodeURIComponent(String(value))}`],
  );
  return pairs.length === 0 ? "" : `?${pairs.join("&")}`;
};

/**
 * The request's absolute URL: the version root, the path (a followed nextLink's path brings its
 * own query) and the query options.
 */
const urlOf = (
  baseUrl: string,
  version: GraphVersion,
  path: string,
  query: GraphRequestOptions["query"],
): string => {
  const options = queryString(query);
  const root = `${baseUrl.replace(/\/+$/, "")}/${version}/${path.replace(/^\/+/, "")}`;
  return options === "" ? root : `${root}${root.includes("?") ? "&" : "?"}${options.slice(1)}`;
};

/** A JSON body as the client library sent one: objects serialized, a string as it is. */
const requestBody = (body: unknown): string | undefined =>
  body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body);

const hasHeader = (headers: Readonly<Record<string, string>>, name: string): boolean =>
  Object.keys(headers).some((key) => key.toLowerCase() === name);

/** Links each middleware to the next, as the client library's Client.initWithMiddleware did. */
const chainOf = (middleware: Middleware[]): Middleware => {
  const [head] = middleware;
  if (head === undefined) throw new Error("An empty Graph middleware chain.");
  middleware.slice(1).forEach((next, at) => middleware[at]?.setNext?.(next));
  return head;
};

const readBody = async (response: GraphHttpResponse): Promise<string> =>
  response.status === 204 ? "" : response.text();

/** JSON parsed; a text/plain answer (a `$count`) as its text; anything else undefined. */
const parseJson = (text: string, contentType: string | null): unknown =>
  text === ""
    ? undefined
    : (contentType ?? "").includes("json")
      ? JSON.parse(text)
      : (contentType ?? "").startsWith("text/plain")
        ? text
        : undefined;

/**
 * Our middleware chain, in the client library's middleware contract: client-request-id → retry
 * policy → fair read share (ADR 0024) → auth (the OBO token) → GraphHttpHandler (a GET over a
 * keep-alive node:http agent, anything else through the library's HTTPMessageHandler, fetch;
 * ADR 0037). The gateway builds each request's context itself rather than through the library's
 * request builder (ADR 0042). See docs/adr/0002-graph-client-middleware-and-retry-policy.md.
 * https://learn.microsoft.com/graph/sdks/customize-client
 */
export const createGraphGateway = ({
  baseUrl,
  tokenProvider,
  retry,
  logger,
  readScheduler,
  metrics,
}: GraphGatewayOptions): GraphGateway => {
  const observer: RetryObserver | undefined = metrics && {
    throttled: () => {
      metrics.graphThrottled.inc();
    },
    waited: (seconds, reason) => {
      metrics.graphRetryWaitSeconds.inc({ reason }, seconds);
    },
  };
  const intuneAccess = new IntuneAccessLedger();
  const chain = chainOf([
    new ClientRequestIdMiddleware(),
    new RetryPolicyMiddleware({
      ...defaultRetryPolicy,
      ...retry,
      ...(observer === undefined ? {} : { observer }),
    }),
    ...(readScheduler === undefined ? [] : [new FairReadShareMiddleware(readScheduler)]),
    new GraphAuthMiddleware(baseUrl, tokenProvider),
    new GraphHttpHandler(),
  ]);

  /** One call through the chain: its context carries the GraphCall to every middleware. */
  const send = async (
    call: GraphCall,
    method: GraphMethod,
    url: string,
    options: GraphRequestOptions,
  ): Promise<GraphHttpResponse> => {
    const headers: Record<string, string> = { ...options.headers };
    const body = requestBody(options.body);
    if (body !== undefined && !hasHeader(headers, "content-type")) {
      headers["Content-Type"] = "application/json";
    }
    const context = call.contextOf(url, {
      method,
      headers,
      ...(body === undefined ? {} : { body }),
    });
    await chain.execute(context);
    if (context.response === undefined) throw new Error("No middleware answered the Graph call.");
    // A fetch Response, or GraphHttpHandler's own read of a GET (both are GraphHttpResponses).
    return context.response;
  };

  const request: GraphGateway["request"] = async (user, method, path, options = {}) => {
    const call = new GraphCall(
      user,
      method,
      options.clientRequestId ?? randomUUID(),
      options.onRetryWait,
    );
    call.readCost = readCostOf(method, path, options.body);
    const version = options.version ?? "v1.0";

    const log = (status: number | string, requestId?: string) => {
      metrics?.graphCalls.inc({ resource: graphResourceOf(path), method, status: String(status) });
      logger?.debug(
        {
          graph: { method, path: `/${version}${path}`, status, attempts: call.attempts },
          clientRequestId: call.clientRequestId,
          graphRequestId: requestId,
        },
        "graph call",
      );
    };

    let response: GraphHttpResponse;
    try {
      response = await send(call, method, urlOf(baseUrl, version, path, options.query), options);
    } catch (error) {
      const failure = call.failure ?? error;
      log(failure instanceof Error ? failure.name : "failed");
      throw failure;
    }
    const requestId = response.headers.get("request-id") ?? undefined;
    log(response.status, requestId);

    const text = await readBody(response);
    const intunePermission = intunePermissionOf(method, path);
    if (!response.ok) {
      const graphError = parseGraphError({
        status: response.status,
        headers: response.headers,
        body: text,
        clientRequestId: call.clientRequestId,
        intunePermission,
      });
      if (graphError.intunePermission !== undefined) {
        intuneAccess.record(user.oid, graphError.intunePermission, "missing");
      }
      if (graphError.claimsChallenge !== undefined) {
        throw new ClaimsChallengeError(
          Buffer.from(graphError.claimsChallenge, "base64").toString("utf8"),
          "graph",
          { cause: graphError },
        );
      }
      throw graphError;
    }
    if (intunePermission !== undefined) intuneAccess.record(user.oid, intunePermission, "granted");

    return {
      status: response.status,
      headers: response.headers,
      body: parseJson(text, response.headers.get("content-type")),
      clientRequestId: call.clientRequestId,
      requestId,
      attempts: call.attempts,
    };
  };

  return {
    baseUrl,
    intuneAccess,
    request,
    get: (user, path, options) => request(user, "GET", path, options),
    post: (user, path, options) => request(user, "POST", path, options),
  };
};
