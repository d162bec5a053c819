import { request, type IncomingHttpHeaders } from "node:http";

export interface RawRequest {
  method: string;
  /** Sent exactly as given: fetch would resolve `..` and re-encode, a hostile client does not. */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Read only the status line and headers, then close (for streams such as /api/events). */
  headersOnly?: boolean;
  timeoutMs?: number;
}

export type RawResponse =
  | { kind: "response"; status: number; headers: IncomingHttpHeaders; body: string }
  /** The server closed the connection without an answer (or the socket failed). */
  | { kind: "closed"; error: string };

/** One HTTP/1.1 request over a fresh connection, the path untouched. */
export const rawRequest = (baseUrl: string, raw: RawRequest): Promise<RawResponse> => {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = request({
      host: url.hostname,
      port: url.port,
      method: raw.method,
      path: raw.path,
      headers: {
        connection: "close",
        ...(raw.body === undefined
          ? {}
          : { "content-length": String(Buffer.byteLength(raw.body)) }),
        ...raw.headers,
      },
      agent: false,
    });
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`${raw.method} ${raw.path.slice(0, 200)}: no answer in ${raw.timeoutMs}ms`));
    }, raw.timeoutMs ?? 15_000);
    req.on("response", (res) => {
      if (raw.headersOnly === true) {
        clearTimeout(timer);
        resolve({ kind: "response", status: res.statusCode ?? 0, headers: res.headers, body: "" });
        res.destroy();
        return;
      }
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        clearTimeout(timer);
        resolve({
          kind: "response",
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString("utf8"),
        });
      });
      res.on("error", (error) => {
        clearTimeout(timer);
        resolve({ kind: "closed", error: error.message });
      });
    });
    req.on("error", (error) => {
      clearTimeout(timer);
      resolve({ kind: "closed", error: error.message });
    });
    req.end(raw.body);
  });
};
