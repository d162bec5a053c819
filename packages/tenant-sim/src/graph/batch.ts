import { Router } from "express";
import { z } from "zod";
import type { SimulatorContext } from "../simulator-context.js";
import { GraphError, sendGraphBody } from "./graph-error.js";
import { graphContext, type GraphRequestContext } from "./graph-request-context.js";

/** Graph's JSON batching limit. https://learn.microsoft.com/graph/json-batching */
export const maxBatchRequests = 20;

/** The header that marks a sub-request the simulator sends itself for a $batch. */
export const batchMarkerHeader = "x-tenant-sim-batch";

const BatchRequestSchema = z.object({
  id: z.string().min(1),
  method: z
    .string()
    .transform((m) => m.toUpperCase())
    .pipe(z.enum(["GET", "POST", "PUT", "PATCH", "DELETE"])),
  url: z.string().min(1),
  headers: z.record(z.string(), z.string()).optional(),
  body: z.unknown().optional(),
  dependsOn: z.array(z.string()).optional(),
});
type BatchRequest = z.infer<typeof BatchRequestSchema>;

const BatchSchema = z.object({ requests: z.array(z.unknown()) });

interface BatchResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

/** Response headers a sub-response carries, as Graph copies them. */
const keptHeaders = ["location", "retry-after", "content-type", "cache-control", "odata-version"];

/**
 * POST /$batch: up to 20 requests, each sent through the simulator's own Graph pipeline over
 * loopback with the outer request's token, so each is faulted, authenticated, permission-checked,
 * throttled and recorded on its own, as Graph does. `dependsOn` orders requests; a request whose
 * dependency failed is answered 424 without being run.
 */
export function createBatchRouter(ctx: SimulatorContext): Router {
  const router = Router();
  router.post("/\\$batch", async (req, res) => {
    const context = graphContext(req);
    const requests = parseBatch(req.body);
    const authorization = req.headers.authorization ?? "";
    const running = new Map<string, Promise<BatchResponse>>();
    for (const request of requests) {
      const dependencies = (request.dependsOn ?? []).flatMap((id) => running.get(id) ?? []);
      running.set(
        request.id,
        Promise.all(dependencies).then((done) => {
          const failed = done.find((d) => d.status >= 400);
          if (failed !== undefined) return failedDependency(request, failed.id);
          return send(ctx, context, request, authorization);
        }),
      );
    }
    const responses = await Promise.all(running.values());
    sendGraphBody(res.status(200), { responses });
  });
  return router;
}

function parseBatch(body: unknown): BatchRequest[] {
  const batch = BatchSchema.safeParse(body);
  if (!batch.success) throw invalid("Invalid batch payload format.");
  const { requests } = batch.data;
  if (requests.length === 0) throw invalid("Invalid batch payload format: no requests.");
  if (requests.length > maxBatchRequests) {
    throw invalid(
      `The batch contains ${requests.length} requests; the maximum is ${maxBatchRequests}.`,
    );
  }
  const parsed: BatchRequest[] = [];
  for (const raw of requests) {
    const request = BatchRequestSchema.safeParse(raw);
    if (!request.success) {
      throw invalid(
        "Invalid batch payload format: each request needs a string id, a method and a url.",
      );
    }
    const r = request.data;
    if (parsed.some((p) => p.id === r.id))
      throw invalid(`Duplicate request id '${r.id}' in the batch.`);
    if (/^[a-z][a-z0-9+.-]*:/i.test(r.url)) {
      throw invalid(`Request '${r.id}': the url must be relative to the version, e.g. "/me".`);
    }
    for (const dependency of r.dependsOn ?? []) {
      if (!parsed.some((p) => p.id === dependency)) {
        throw invalid(
          `Request '${r.id}' depends on '${dependency}', which is not an earlier request of the batch.`,
        );
      }
    }
    const headerNames = Object.keys(r.headers ?? {}).map((h) => h.toLowerCase());
    if (r.body !== undefined && !headerNames.includes("content-type")) {
      throw invalid(`Request '${r.id}' has a body but no Content-Type header.`);
    }
    parsed.push(r);
  }
  return parsed;
}

function invalid(message: string): GraphError {
  return new GraphError(400, "BadRequest", message);
}

function failedDependency(request: BatchRequest, dependency: string): BatchResponse {
  return {
    id: request.id,
    status: 424,
    headers: { "Content-Type": "application/json" },
    body: {
      error: {
        code: "FailedDependency",
        message: `The request depends on '${dependency}', which failed.`,
      },
    },
  };
}

async function send(
  ctx: SimulatorContext,
  outer: GraphRequestContext,
  request: BatchRequest,
  authorization: string,
): Promise<BatchResponse> {
  const path = request.url.startsWith("/") ? request.url : `/${request.url}`;
  const headers: Record<string, string> = {
    ...request.headers,
    [batchMarkerHeader]: [
      ctx.batchSecret,
      outer.requestId,
      encodeURIComponent(request.id),
      encodeURIComponent(outer.origin),
    ].join(" "),
  };
  if (authorization !== "") headers.authorization = authorization;
  let response: Response;
  try {
    response = await fetch(`${ctx.loopbackUrl}/${outer.version}${path}`, {
      method: request.method,
      headers,
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
      signal: ctx.shutdown,
    });
  } catch {
    // A fault dropped the sub-request's connection: Graph reports a gateway failure for it.
    return {
      id: request.id,
      status: 502,
      headers: { "Content-Type": "application/json" },
      body: { error: { code: "BadGateway", message: "The request failed to reach its service." } },
    };
  }
  const text = await response.text();
  const responseHeaders: Record<string, string> = {};
  for (const name of keptHeaders) {
    const value = response.headers.get(name);
    if (value !== null) responseHeaders[headerCase(name)] = value;
  }
  const result: BatchResponse = {
    id: request.id,
    status: response.status,
    headers: responseHeaders,
  };
  if (text !== "") {
    result.body = (response.headers.get("content-type") ?? "").includes("json")
      ? (JSON.parse(text) as unknown)
      : text;
  }
  return result;
}

function headerCase(name: string): string {
  return name === "odata-version"
    ? "OData-Version"
    : name.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase());
}
