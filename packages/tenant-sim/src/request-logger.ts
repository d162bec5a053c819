import type { RequestHandler } from "express";

/**
 * One readable line per request: time, method, path (never the query, which can carry codes
 * and hints), status and duration. Tokens and bodies are never logged.
 */
export function requestLogger(log: (line: string) => void): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    res.on("close", () => {
      const ms = Math.round(performance.now() - started);
      const status = res.writableFinished ? String(res.statusCode) : "connection closed";
      const time = new Date().toISOString().slice(11, 23);
      const path = req.originalUrl.split("?")[0] ?? "";
      log(`${time} ${req.method} ${path} ${status} ${ms}ms`);
    });
    next();
  };
}
