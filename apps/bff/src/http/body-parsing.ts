import type { IncomingHttpHeaders } from "node:http";
import express, { type RequestHandler } from "express";
import { UnsupportedMediaTypeError } from "../errors.js";

export const JSON_BODY_LIMIT = "16kb";
/** A bulk action lists up to 1,000 items (about 72 bytes each). */
export const BULK_JSON_BODY_LIMIT = "128kb";

const METHODS_WITH_BODY = new Set(["POST", "PUT", "PATCH"]);

/** RFC 9110 §6.4.1: a request has content when it says so by length or transfer coding. */
const hasBody = (headers: IncomingHttpHeaders) =>
  headers["transfer-encoding"] !== undefined ||
  (headers["content-length"] !== undefined && headers["content-length"] !== "0");

/**
 * JSON bodies only, small ones only: a body of another type is refused (415) rather than
 * silently ignored, and more than 16 kB is refused (413) before it is buffered. Bulk actions
 * (`bulkPaths`, matched against the path below the mount point) may send up to 128 kB.
 */
export const jsonBody = (bulkPaths: readonly RegExp[] = []): RequestHandler => {
  const bulk: RequestHandler = express.json({ limit: BULK_JSON_BODY_LIMIT, strict: true });
  const small: RequestHandler = express.json({ limit: JSON_BODY_LIMIT, strict: true });
  return (req, res, next) => {
    // A GET (most requests) has nothing to parse: it walks no parser at all (issue #19).
    if (!METHODS_WITH_BODY.has(req.method) || !hasBody(req.headers)) {
      next();
      return;
    }
    if (!req.is("application/json")) {
      throw new UnsupportedMediaTypeError("Send the request body as application/json.");
    }
    // `req.url` is relative to where the router is mounted.
    const path = req.url.split("?", 1)[0] ?? "";
    (bulkPaths.some((pattern) => pattern.test(path)) ? bulk : small)(req, res, next);
  };
};
