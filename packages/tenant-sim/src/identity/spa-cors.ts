import type { RequestHandler } from "express";
import { isAllowedOrigin } from "./redirect-uri.js";

/**
 * CORS for the endpoints a browser calls directly (metadata, keys, token), for the SPA origins
 * only. Preflights are answered here; MSAL sends telemetry headers, so the requested headers
 * are echoed back for allowed origins.
 */
export function spaCors(spaOrigins: readonly string[]): RequestHandler {
  return (req, res, next) => {
    const origin = req.headers.origin;
    res.vary("Origin");
    if (origin !== undefined && isAllowedOrigin(origin, spaOrigins)) {
      res.set({
        "Access-Control-Allow-Origin": origin,
        "Access-Control-Expose-Headers": "client-request-id, x-ms-request-id",
      });
      if (req.method === "OPTIONS") {
        res.set({
          "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
          "Access-Control-Allow-Headers":
            req.headers["access-control-request-headers"] ?? "content-type",
          "Access-Control-Max-Age": "86400",
        });
      }
    }
    if (req.method === "OPTIONS") {
      res.status(204).end();
      return;
    }
    next();
  };
}
