import type { RequestHandler } from "express";
import type { Logger } from "pino";
import { redactUrl } from "./redact-url.js";
import { requestIdOf } from "./request-id.js";

declare module "http" {
  interface ServerResponse {
    /** The error behind a 5xx (or a cut stream), logged with the request's line. */
    err?: Error;
  }
}

/**
 * One line per request with our request id, written when the answer is finished (or the
 * connection closed, or the response failed): the same line pino-http wrote —
 * `{ reqId, req: { id, method, url, remoteAddress }, res: { statusCode }, responseTime }`, and
 * `err` with "request errored" for a 5xx or a failure — without pino-http's two child loggers
 * and serializer wrappers per request (issue #19's profile). No headers (they carry
 * credentials); the URL is redacted (a token sent in a query string is refused, and must not
 * reach the log either); the parsed query is not logged at all. 4xx are info, 5xx error.
 */
export const requestLogging =
  (logger: Logger): RequestHandler =>
  (req, res, next) => {
    const started = Date.now();
    const url = req.originalUrl;
    const remoteAddress = req.socket.remoteAddress;
    let logged = false;
    const onDone = (error?: unknown) => {
      if (logged) return;
      logged = true;
      res.off("close", onDone).off("finish", onDone).off("error", onDone);
      const failure = error ?? res.err;
      const failed = failure !== undefined || res.statusCode >= 500;
      // Below the configured level, the line is not even built.
      if (!logger.isLevelEnabled(failed ? "error" : "info")) return;
      const id = requestIdOf(req);
      const line = {
        reqId: id,
        req: {
          id,
          method: req.method,
          url: redactUrl(url),
          ...(remoteAddress === undefined ? {} : { remoteAddress }),
        },
        res: { statusCode: res.statusCode },
        responseTime: Date.now() - started,
      };
      if (failed) {
        logger.error(
          { ...line, err: failure ?? new Error(`failed with status code ${res.statusCode}`) },
          "request errored",
        );
        return;
      }
      logger.info(line, "request completed");
    };
    res.on("close", onDone).on("finish", onDone).on("error", onDone);
    next();
  };
