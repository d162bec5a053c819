import { randomUUID } from "node:crypto";
import { setTimeout as delay } from "node:timers/promises";
import express, {
  Router,
  type ErrorRequestHandler,
  type Request,
  type RequestHandler,
  type Response,
} from "express";
import type { SimulatorContext } from "../simulator-context.js";
import { claimsChallenge } from "./claims-challenge.js";
import { graphAuthentication } from "./graph-auth.js";
import { qualifiedName } from "./graph-namespace.js";
import {
  GraphError,
  graphCodeForStatus,
  intuneMessage,
  isIntunePath,
  sendGraphError,
} from "./graph-error.js";
import {
  graphContext,
  setGraphContext,
  type BatchOrigin,
  type GraphRequestContext,
  type GraphVersion,
} from "./graph-request-context.js";
import { batchMarkerHeader, createBatchRouter } from "./batch.js";
import { createEnrollmentProfilesRouter } from "./enrollment-profiles.js";
import { createMeRouter } from "./me.js";
import { allDirectoryRoutes } from "./directory-routes.js";
import { createGroupsRouter } from "./groups.js";
import { createManagedDevicesRouter } from "./managed-devices.js";
import { createMobileAppsRouter } from "./mobile-apps.js";
import { requestOrigin } from "./next-link.js";
import { ODataQueryError } from "./odata/odata-query-error.js";
import { receivedEntry } from "./received-log.js";
import { allIntuneRoutes } from "./intune-routes.js";
import { intuneThrottling } from "./throttling.js";
import { createUsersRouter, userKeyInParentheses } from "./users.js";
import { createVppTokensRouter } from "./vpp-tokens.js";

/**
 * Microsoft Graph, mounted at /v1.0 and /beta. Order matters and mirrors Graph: request ids,
 * injected faults (before anything else, like a gateway), token check, Conditional Access,
 * Intune's throttling windows, then one router per resource, each checking its own permission.
 * $batch sends its sub-requests back through this same pipeline.
 */
export function createGraphRouter(ctx: SimulatorContext): Router {
  const router = Router();
  router.use(requestContext(ctx));
  router.use(injectedFaults(ctx));
  router.use(graphAuthentication(ctx));
  router.use(claimsChallenge(ctx));
  // Parsed before throttling only so that /_sim/received shows the body of a throttled request.
  router.use(express.json({ limit: "4mb", type: ["application/json", "application/*+json"] }));
  router.use(userKeyInParentheses);
  router.use(intuneThrottling(ctx));
  router.use(createMeRouter(ctx));
  router.use(createVppTokensRouter(ctx));
  router.use(createMobileAppsRouter(ctx));
  router.use(createEnrollmentProfilesRouter(ctx));
  router.use(createUsersRouter(ctx));
  router.use(createGroupsRouter(ctx));
  router.use(createManagedDevicesRouter(ctx));
  router.use(createBatchRouter(ctx));
  router.all([...allIntuneRoutes, ...allDirectoryRoutes], methodNotImplemented);
  router.use(unknownSegment);
  router.use(graphErrors);
  return router;
}

const agsDiagnostic = JSON.stringify({
  ServerInfo: {
    DataCenter: "Local",
    Slice: "E",
    Ring: "5",
    ScaleUnit: "000",
    RoleInstance: "tenant-sim",
  },
});

function requestContext(ctx: SimulatorContext): RequestHandler {
  return (req, res, next) => {
    const requestId = randomUUID();
    const sent = req.headers["client-request-id"];
    const clientRequestId = typeof sent === "string" && sent !== "" ? sent : requestId;
    const version: GraphVersion = req.baseUrl.endsWith("/beta") ? "beta" : "v1.0";
    const batch = batchOrigin(ctx, req.headers[batchMarkerHeader]);
    Reflect.deleteProperty(req.headers, batchMarkerHeader);
    const context: GraphRequestContext = {
      version,
      requestId,
      clientRequestId,
      origin: batch?.origin ?? requestOrigin(ctx.url, req.headers.host),
      token: undefined,
      dropped: false,
      batch,
      scenario: ctx.scenario.get(),
    };
    setGraphContext(req, context);
    res.set({
      "request-id": requestId,
      "client-request-id": clientRequestId,
      "x-ms-ags-diagnostic": agsDiagnostic,
      "Cache-Control": "no-cache",
    });
    let recorded = false;
    const record = (finished: boolean): void => {
      if (recorded) return;
      recorded = true;
      const status = context.dropped ? "dropped" : finished ? res.statusCode : "aborted";
      ctx.received.record(receivedEntry(req, { status, requestId, clientRequestId, batch }));
    };
    res.on("finish", () => {
      record(true);
    });
    res.on("close", () => {
      record(res.writableFinished);
    });
    next();
  };
}

/**
 * A $batch sub-request carries the simulator's secret, the outer request's id, its own id and
 * the outer request's origin.
 */
function batchOrigin(
  ctx: SimulatorContext,
  header: string | string[] | undefined,
): BatchOrigin | null {
  if (typeof header !== "string") return null;
  const [secret, requestId, id, origin] = header.split(" ");
  if (secret !== ctx.batchSecret || requestId === undefined || id === undefined) return null;
  if (origin === undefined) return null;
  return { requestId, id: decodeURIComponent(id), origin: decodeURIComponent(origin) };
}

function injectedFaults(ctx: SimulatorContext): RequestHandler {
  return async (req, res, next) => {
    const path = req.originalUrl.split("?")[0] ?? "";
    const plan = ctx.faults.plan(req.method, path);
    if (plan.latencyMs > 0) {
      try {
        await delay(plan.latencyMs, undefined, { signal: ctx.shutdown });
      } catch {
        req.socket.destroy();
        return;
      }
    }
    const context = graphContext(req);
    const { outcome } = plan;
    if (plan.afterApplying && (outcome.kind === "drop" || outcome.kind === "status")) {
      replaceResponseAfterApplying(req, res, context, path, outcome);
      next();
      return;
    }
    switch (outcome.kind) {
      case "none":
        next();
        return;
      case "drop":
        context.dropped = true;
        req.socket.destroy();
        return;
      case "throttle": {
        const headers: Record<string, string> =
          outcome.retryAfterSeconds === undefined
            ? {}
            : { "Retry-After": String(outcome.retryAfterSeconds) };
        const message = isIntunePath(path)
          ? intuneMessage("App request limit exceeded.", context, path)
          : "Too many requests. Please retry later.";
        sendGraphError(res, context, new GraphError(429, "TooManyRequests", message, headers));
        return;
      }
      case "status": {
        const code = graphCodeForStatus(outcome.status);
        const text = `The simulator injected HTTP ${outcome.status} for this request.`;
        const message = isIntunePath(path) ? intuneMessage(text, context, path) : text;
        sendGraphError(
          res,
          context,
          new GraphError(
            outcome.status,
            code,
            message,
            serviceUnavailableHeaders(context, outcome),
          ),
        );
        return;
      }
    }
  };
}

/** Graph's 503s say when to come back (retryAfterAsIntune): the rule's seconds, else 10. */
function serviceUnavailableHeaders(
  context: GraphRequestContext,
  outcome: { status: number; retryAfterSeconds: number | undefined },
): Record<string, string> {
  if (!context.scenario.retryAfterAsIntune || outcome.status !== 503) return {};
  return { "Retry-After": String(outcome.retryAfterSeconds ?? 10) };
}

/**
 * Lets the handler act, then swallows its answer and sends the fault instead: the request took
 * effect but the client sees a 5xx or a dropped connection.
 */
function replaceResponseAfterApplying(
  req: Request,
  res: Response,
  context: ReturnType<typeof graphContext>,
  path: string,
  outcome: { kind: "drop" } | { kind: "status"; status: number },
): void {
  const writeHead = res.writeHead.bind(res);
  const end = res.end.bind(res);
  res.writeHead = () => res;
  res.end = () => {
    res.writeHead = writeHead;
    res.end = end;
    if (outcome.kind === "drop") {
      context.dropped = true;
      req.socket.destroy();
      return res;
    }
    for (const name of res.getHeaderNames()) {
      if (name !== "request-id" && name !== "client-request-id") res.removeHeader(name);
    }
    const text = `The simulator applied this request, then answered HTTP ${outcome.status}.`;
    const message = isIntunePath(path) ? intuneMessage(text, context, path) : text;
    sendGraphError(
      res,
      context,
      new GraphError(outcome.status, graphCodeForStatus(outcome.status), message),
    );
    return res;
  };
}

/**
 * A resource the simulator serves, with a method it does not (Graph may well: DELETE or PATCH
 * on a vppToken). Said plainly rather than pretending the resource is missing.
 */
const methodNotImplemented: RequestHandler = (req) => {
  throw new GraphError(
    405,
    "MethodNotAllowed",
    `The tenant simulator does not implement ${req.method} on this resource.`,
  );
};

/** Graph answers a path it has no resource for with 400, naming the first unknown segment. */
const unknownSegment: RequestHandler = (req) => {
  const segments = req.path.split("/").filter((s) => s !== "");
  const segment =
    segments.find((s, i) => !isKnownSegment(s) && !isKey(segments, i)) ?? segments[0] ?? "";
  throw new GraphError(400, "BadRequest", `Resource not found for the segment '${segment}'.`);
};

/** Path segments the simulator serves, so the unknown one after them can be named. */
const knownSegments = new Set([
  "me",
  "deviceappmanagement",
  "vpptokens",
  "mobileapps",
  "microsoft.graph.iosvppapp",
  "assignedlicenses",
  "devicemanagement",
  "androidforworkenrollmentprofiles",
  "androiddeviceownerenrollmentprofiles",
  "users",
  "manageddevices",
  "removealldevicesfrommanagement",
  "microsoft.graph.removealldevicesfrommanagement",
  ...["retire", "wipe", "syncdevice"].flatMap((a) => [a, `microsoft.graph.${a}`]),
]);

function isKnownSegment(segment: string): boolean {
  return knownSegments.has(qualifiedName(segment).toLowerCase());
}

/** A key follows a collection segment. */
function isKey(segments: readonly string[], index: number): boolean {
  const previous = segments[index - 1]?.toLowerCase();
  return (
    previous === "vpptokens" ||
    previous === "mobileapps" ||
    previous === "androidforworkenrollmentprofiles" ||
    previous === "androiddeviceownerenrollmentprofiles" ||
    previous === "users" ||
    previous === "manageddevices"
  );
}

const graphErrors: ErrorRequestHandler = (error: unknown, req, res, next) => {
  if (res.headersSent) {
    next(error);
    return;
  }
  sendGraphError(res, graphContext(req), toGraphError(error));
};

function toGraphError(error: unknown): GraphError {
  if (error instanceof GraphError) return error;
  if (error instanceof ODataQueryError) return new GraphError(400, "BadRequest", error.message);
  const status =
    typeof error === "object" &&
    error !== null &&
    "status" in error &&
    typeof error.status === "number"
      ? error.status
      : 500;
  if (status === 400) {
    return new GraphError(
      400,
      "BadRequest",
      "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.",
    );
  }
  if (status === 413)
    return new GraphError(413, "RequestEntityTooLarge", "The request body is too large.");
  // A simulator bug, not a Graph behaviour: say what broke so the developer can see it.
  const detail = error instanceof Error ? error.message : String(error);
  return new GraphError(500, "InternalServerError", `The simulator failed: ${detail}`);
}
