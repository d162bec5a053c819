import { z } from "zod";
import type { AuthenticatedUser } from "../auth/authenticated-user.js";
import { parseGraphBody } from "./graph-body.js";
import { parseGraphError, type GraphError } from "./graph-error.js";
import type { GraphGateway, GraphResponse, GraphVersion } from "./graph-gateway.js";

/** Graph's JSON batching limit. https://learn.microsoft.com/graph/json-batching */
export const MAX_BATCH_REQUESTS = 20;

export interface BatchPost {
  /** Unique within the batch. */
  id: string;
  /** Relative to the version root, e.g. `/deviceAppManagement/mobileApps/{id}/revokeUserLicense`. */
  path: string;
  body: unknown;
  /** Ours, journaled before the batch is sent; Graph logs it with the sub-request. */
  clientRequestId: string;
}

/** A sub-request's answer: 2xx, or the error Graph gave it (429s carry their Retry-After). */
export type BatchAnswer =
  { id: string; ok: true; status: number } | { id: string; ok: false; error: GraphError };

const BatchResponseSchema = z.object({
  responses: z.array(
    z.object({
      id: z.string(),
      status: z.number().int(),
      headers: z.record(z.string(), z.string()).optional(),
      body: z.unknown().optional(),
    }),
  ),
});

/**
 * POSTs up to 20 writes as one `$batch`. Graph runs and throttles each sub-request on its own,
 * so each has its own answer; a sub-request Graph did not answer is missing from the map (its
 * outcome is unknown). The outer POST goes through the gateway: a dropped connection or a 5xx
 * on it throws (GraphOutcomeUnknownError / GraphError), and only its 429 is resent.
 */
export const postBatch = async (
  graph: GraphGateway,
  user: AuthenticatedUser,
  version: GraphVersion,
  posts: readonly BatchPost[],
  clientRequestId?: string,
): Promise<{ answers: Map<string, BatchAnswer>; response: GraphResponse }> => {
  if (posts.length === 0 || posts.length > MAX_BATCH_REQUESTS) {
    throw new RangeError(`A batch holds 1 to ${MAX_BATCH_REQUESTS} requests.`);
  }
  const response = await graph.post(user, "/$batch", {
    version,
    ...(clientRequestId === undefined ? {} : { clientRequestId }),
    body: {
      requests: posts.map((post) => ({
        id: post.id,
        method: "POST",
        url: post.path,
        headers: { "Content-Type": "application/json", "client-request-id": post.clientRequestId },
        body: post.body,
      })),
    },
  });
  const answers = new Map<string, BatchAnswer>();
  for (const sub of parseGraphBody(BatchResponseSchema, response.body).responses) {
    const post = posts.find((p) => p.id === sub.id);
    if (post === undefined) continue;
    answers.set(
      sub.id,
      sub.status < 300
        ? { id: sub.id, ok: true, status: sub.status }
        : {
            id: sub.id,
            ok: false,
            error: parseGraphError({
              status: sub.status,
              headers: new Headers(sub.headers ?? {}),
              body:
                sub.body === undefined
                  ? ""
                  : typeof sub.body === "string"
                    ? sub.body
                    : JSON.stringify(sub.body),
              clientRequestId: post.clientRequestId,
            }),
          },
    );
  }
  return { answers, response };
};

/** A read's answer within a `$batch`: its status and body, as Graph gave them. */
export interface BatchReadAnswer {
  id: string;
  status: number;
  body: unknown;
}

/**
 * GETs up to 20 reads as one `$batch` (`paths` relative to the version root, query included
 * and URL-encoded). The outer POST is a read here: nothing changes, so the caller may simply
 * read again whatever a sub-request did not answer with 200 (throttled, failed, missing).
 */
export const getBatch = async (
  graph: GraphGateway,
  user: AuthenticatedUser,
  version: GraphVersion,
  reads: readonly { id: string; path: string }[],
): Promise<Map<string, BatchReadAnswer>> => {
  if (reads.length === 0 || reads.length > MAX_BATCH_REQUESTS) {
    throw new RangeError(`A batch holds 1 to ${MAX_BATCH_REQUESTS} requests.`);
  }
  const response = await graph.post(user, "/$batch", {
    version,
    body: { requests: reads.map((read) => ({ id: read.id, method: "GET", url: read.path })) },
  });
  const answers = new Map<string, BatchReadAnswer>();
  for (const sub of parseGraphBody(BatchResponseSchema, response.body).responses) {
    answers.set(sub.id, { id: sub.id, status: sub.status, body: sub.body });
  }
  return answers;
};
