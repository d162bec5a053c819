import { createServer, STATUS_CODES, type Server } from "node:http";
import type { Duplex } from "node:stream";
import { PROBLEM_CONTENT_TYPE } from "@ihc/contracts";
import type { Express } from "express";
import type { Config } from "../config.js";

/**
 * The Node HTTP server around the app, with the request deadlines of the configuration: a
 * request whose headers or body arrive too slowly (or never end) gets Node's 408 and its
 * connection is closed. Deadlines are checked every second (Node's default is 30 s).
 */
export const createHttpServer = (
  app: Express,
  { headersMs, requestMs }: Config["requestTimeouts"],
  securityHeaders: Record<string, string>,
): Server =>
  createServer(
    {
      headersTimeout: headersMs,
      requestTimeout: requestMs,
      connectionsCheckingInterval: Math.min(1000, headersMs),
    },
    app,
  ).on(
    "clientError",
    (error: NodeJS.ErrnoException, socket: Duplex & { bytesWritten?: number }) => {
      answerClientError(error, socket, securityHeaders);
    },
  );

/** Node's statuses for the errors it finds before Express sees a request. */
const statusOf = (code: string | undefined): number => {
  if (code === "HPE_HEADER_OVERFLOW") return 431;
  if (code === "ERR_HTTP_REQUEST_TIMEOUT") return 408;
  return 400;
};

/**
 * What Node would answer itself, as a problem with the console's security headers (issue #17,
 * 8): Node's own 400/408/431 carry none. Like Node, it answers only on a socket that has sent
 * nothing yet, and closes it. https://nodejs.org/api/http.html#event-clienterror
 */
const answerClientError = (
  error: NodeJS.ErrnoException,
  socket: Duplex & { bytesWritten?: number },
  securityHeaders: Record<string, string>,
): void => {
  if (error.code === "ECONNRESET" || !socket.writable || (socket.bytesWritten ?? 0) > 0) {
    socket.destroy();
    return;
  }
  const status = statusOf(error.code);
  const title = STATUS_CODES[status] ?? "Bad Request";
  const body = JSON.stringify({ type: "about:blank", title, status, code: "bad_request" });
  const head = [
    `HTTP/1.1 ${status} ${title}`,
    ...Object.entries(securityHeaders).map(([name, value]) => `${name}: ${value}`),
    "cache-control: no-store",
    `content-type: ${PROBLEM_CONTENT_TYPE}`,
    `content-length: ${Buffer.byteLength(body)}`,
    "connection: close",
  ];
  socket.end(`${head.join("\r\n")}\r\n\r\n${body}`);
};
