import type { RequestHandler } from "express";
import type { Logger } from "pino";
import { pinoHttp } from "pino-http";
import { requestIdOf } from "./request-id.js";

/**
 * One line per request with our request id. Authorization and cookies are redacted by the
 * logger (logger.ts); 4xx are info, 5xx error.
 */
export const requestLogging = (logger: Logger): RequestHandler =>
  pinoHttp({
    logger,
    genReqId: (req) => requestIdOf(req),
    customLogLevel: (_req, res, error) =>
      error !== undefined || res.statusCode >= 500 ? "error" : "info",
    quietReqLogger: true,
    // The response's headers (a long CSP on every line) say nothing the status does not.
    serializers: { res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }) },
  });
