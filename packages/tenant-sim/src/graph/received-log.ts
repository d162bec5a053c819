import type { Request } from "express";
import { decodeJwt } from "jose";
import { sha256Hex } from "../identity/opaque-value.js";

/** One Graph request as the simulator saw it; tests read these through /_sim/received. */
export interface ReceivedGraphRequest {
  /** ISO time the answer went out (or the connection ended). */
  at: string;
  method: string;
  /** Path without the query string, e.g. "/v1.0/me". */
  path: string;
  query: Record<string, string>;
  /** The status sent; "dropped" when a fault cut the connection, "aborted" when the client did. */
  status: number | "dropped" | "aborted";
  /** The request's client-request-id, or the one generated when it sent none. */
  clientRequestId: string;
  requestId: string;
  /** Lower-cased request headers; Authorization is replaced by "Bearer <redacted>". */
  headers: Record<string, string>;
  /** sha256 hex of the bearer token, so a test can prove which token was sent. */
  tokenSha256: string | null;
  /** The bearer token's payload, decoded without verification, or null. */
  claims: Record<string, unknown> | null;
  /** The parsed JSON body, or null. */
  body: unknown;
  /** For a sub-request of a $batch: the outer request's requestId and the sub-request's id. */
  batch: { requestId: string; id: string } | null;
}

/** The most recent Graph requests, oldest first; bounded so a long demo run stays small. */
export class ReceivedLog {
  private entries: ReceivedGraphRequest[] = [];

  constructor(private readonly capacity = 10_000) {}

  record(entry: ReceivedGraphRequest): void {
    this.entries.push(entry);
    if (this.entries.length > this.capacity)
      this.entries.splice(0, this.entries.length - this.capacity);
  }

  list(): ReceivedGraphRequest[] {
    return structuredClone(this.entries);
  }

  clear(): void {
    this.entries = [];
  }
}

export interface ReceivedEntryInput {
  status: ReceivedGraphRequest["status"];
  clientRequestId: string;
  requestId: string;
  batch: ReceivedGraphRequest["batch"];
}

export function receivedEntry(req: Request, input: ReceivedEntryInput): ReceivedGraphRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  const token = /^Bearer\s+(\S+)/i.exec(headers.authorization ?? "")?.[1];
  if (headers.authorization !== undefined) headers.authorization = "Bearer <redacted>";
  const [path = "", search = ""] = req.originalUrl.split("?", 2);
  return {
    at: new Date().toISOString(),
    method: req.method,
    path,
    query: Object.fromEntries(new URLSearchParams(search)),
    status: input.status,
    clientRequestId: input.clientRequestId,
    requestId: input.requestId,
    headers,
    tokenSha256: token === undefined ? null : sha256Hex(token),
    claims: token === undefined ? null : decodeOrNull(token),
    body: (req.body as unknown) ?? null,
    batch: input.batch,
  };
}

function decodeOrNull(token: string): Record<string, unknown> | null {
  try {
    return decodeJwt(token);
  } catch {
    return null;
  }
}
