import {
  Agent as HttpAgent,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders,
} from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import type { Readable } from "node:stream";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import {
  HTTPMessageHandler,
  type Context,
  type Middleware,
} from "@microsoft/microsoft-graph-client";
import type { GraphHttpResponse } from "../graph-call.js";

/** What fetch asks for, and decodes, so Graph's answers are the same size on the wire. */
const ACCEPT_ENCODING = "gzip, deflate, br";
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** A Graph answer read to its end by node:http; the fields of a fetch Response we use. */
class BufferedGraphResponse implements GraphHttpResponse {
  readonly ok: boolean;
  /** Already read: nothing to cancel (the retry policy cancels a discarded answer's body). */
  readonly body = null;
  readonly headers: { get(name: string): string | null };

  constructor(
    readonly status: number,
    headers: IncomingHttpHeaders,
    private readonly bytes: Buffer,
  ) {
    this.ok = status >= 200 && status <= 299;
    this.headers = {
      get: (name) => {
        const value = headers[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
      },
    };
  }

  /** As fetch's text(): UTF-8, a leading byte-order mark dropped. */
  text(): Promise<string> {
    const text = this.bytes.toString("utf8");
    return Promise.resolve(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  }
}

const decoded = (response: IncomingMessage): Readable => {
  switch (response.headers["content-encoding"]?.trim().toLowerCase()) {
    case "gzip":
    case "x-gzip":
      return response.pipe(createGunzip());
    case "deflate":
      return response.pipe(createInflate());
    case "br":
      return response.pipe(createBrotliDecompress());
    default:
      return response;
  }
};

const headersOf = (headers: unknown): OutgoingHttpHeaders => {
  const out: OutgoingHttpHeaders = {};
  if (headers instanceof Headers) {
    headers.forEach((value, name) => {
      out[name] = value;
    });
  } else if (Array.isArray(headers)) {
    for (const [name, value] of headers as [string, string][]) out[name.toLowerCase()] = value;
  } else if (typeof headers === "object" && headers !== null) {
    for (const [name, value] of Object.entries(headers as Record<string, string>)) {
      out[name.toLowerCase()] = value;
    }
  }
  out["accept-encoding"] ??= ACCEPT_ENCODING;
  out.accept ??= "*/*";
  return out;
};

/** A settled answer, or `"redirect"`: node:http does not follow redirects, fetch does. */
type Outcome = BufferedGraphResponse | "redirect";

/**
 * The last link of the Graph chain (ADR 0037): a GET goes out over node:http with a keep-alive
 * agent per protocol and is read to its end; anything else (every write, a `$batch`, a body of
 * any kind) and a redirected GET go through the client library's HTTPMessageHandler (fetch), as
 * before. Both honour `options.signal` (the retry policy's per-attempt deadline) and fail the
 * way the retry policy reads: a deadline as an abort (`TimeoutError`), a dropped connection as
 * an error thrown from here. Undici's fetch machinery (WHATWG streams, Request/Response objects,
 * header validation) was a quarter of the BFF's busy time on a list read (issue #19's profile).
 */
export class GraphHttpHandler implements Middleware {
  private readonly fallback = new HTTPMessageHandler();
  private readonly httpAgent = new HttpAgent({ keepAlive: true, scheduling: "lifo" });
  private readonly httpsAgent = new HttpsAgent({ keepAlive: true, scheduling: "lifo" });

  async execute(context: Context): Promise<void> {
    const options = context.options ?? {};
    const method = (options.method ?? "GET").toUpperCase();
    const url: unknown = context.request;
    if (method !== "GET" || typeof url !== "string" || options.body != null) {
      await this.fallback.execute(context);
      return;
    }
    const outcome = await this.get(
      new URL(url),
      headersOf(options.headers),
      options.signal ?? undefined,
    );
    if (outcome === "redirect") {
      await this.fallback.execute(context);
      return;
    }
    // The library types the answer as a fetch Response; the gateway and the retry policy read
    // it as a GraphHttpResponse (graph-call.ts), which both satisfy.
    context.response = outcome as unknown as Response;
  }

  private get(
    url: URL,
    headers: OutgoingHttpHeaders,
    signal: AbortSignal | undefined,
  ): Promise<Outcome> {
    return new Promise<Outcome>((resolve, reject) => {
      signal?.throwIfAborted();
      const secure = url.protocol === "https:";
      const fail = (error: Error) => {
        const reason: unknown = signal?.aborted === true ? signal.reason : undefined;
        reject(reason instanceof Error ? reason : error);
      };
      const request = (secure ? httpsRequest : httpRequest)(
        url,
        {
          method: "GET",
          headers,
          agent: secure ? this.httpsAgent : this.httpAgent,
          ...(signal === undefined ? {} : { signal }),
        },
        (response) => {
          const status = response.statusCode ?? 0;
          if (REDIRECTS.has(status) && response.headers.location !== undefined) {
            response.resume();
            resolve("redirect");
            return;
          }
          const body = decoded(response);
          const chunks: Buffer[] = [];
          let ended = false;
          body.on("data", (chunk: Buffer) => chunks.push(chunk));
          body.once("end", () => {
            ended = true;
            resolve(
              new BufferedGraphResponse(
                status,
                response.headers,
                chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks),
              ),
            );
          });
          body.once("error", fail);
          response.once("error", fail);
          // Cut before its end (a dropped connection, the deadline): never a partial answer.
          response.once("close", () => {
            if (!response.complete && !ended) {
              fail(new Error("Microsoft Graph closed the connection before the answer ended."));
            }
          });
        },
      );
      request.once("error", fail);
      request.end();
    });
  }
}
