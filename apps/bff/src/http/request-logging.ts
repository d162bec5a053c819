import type { RequestHandler } from "express";
import type { Logger } from "pino";
import { pinoHttp } from "pino-http";
import { redactUrl } from "./redact-url.js";
import { requestIdOf } from "./request-id.js";

/** The request as a line shows it: no headers (they carry credentials) and a redacted URL. */
interface LoggedRequest {
  id: unknown;
  method: string;
  url: string;
  remoteAddress?: string;
}

/**
 * One line per request with our request id. The URL is redacted (a token sent in a query string
 * is refused, and must not reach the log either); the parsed query is not logged at all. 4xx are
 * info, 5xx error.
 */
export const requestLogging = (logger: Logger): RequestHandler =>
  pinoHttp({
    logger,
    genReqId: (req) => requestIdOf(req),
    customLogLevel: (_req, res, error) =>
      error !== undefined || res.statusCode >= 500 ? "error" : "info",
    quietReqLogger: true,
    // The response's headers (a long CSP on every line) say nothing the status does not.
    serializers: {
      req: (req: LoggedRequest): LoggedRequest => ({
        id: req.id,
        method: req.method,
        url: redactUrl(req.url),
        ...(req.remoteAddress === undefined ? {} : { remoteAddress: req.remoteAddress }),
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  });
