import type { RequestHandler } from "express";
import cors from "cors";

/**
 * CORS for the SPA's origin only (none when WEB_ORIGIN is unset: same-origin). No credentials:
 * the SPA sends a bearer token, never cookies. Exposed headers are the ones the SPA reads.
 */
export const corsPolicy = (webOrigin: string | undefined): RequestHandler =>
  cors({
    origin: webOrigin === undefined ? false : [webOrigin],
    credentials: false,
    methods: ["GET", "POST", "PUT", "PATCH", "DELETE"],
    allowedHeaders: [
      "Authorization",
      "Content-Type",
      "Idempotency-Key",
      "Last-Event-ID",
      "X-Claims-Challenge",
    ],
    exposedHeaders: [
      "x-request-id",
      "WWW-Authenticate",
      "Retry-After",
      "RateLimit",
      "RateLimit-Policy",
    ],
    maxAge: 600,
  });
