import type { IncomingHttpHeaders } from "node:http";
import express, { type RequestHandler } from "express";
import { UnsupportedMediaTypeError } from "./errors.js";

export const JSON_BODY_LIMIT = "16kb";

const METHODS_WITH_BODY = new Set(["POST", "PUT", "PATCH"]);

/** RFC 9110 §6.4.1: a request has content when it says so by length or transfer coding. */
const hasBody = (headers: IncomingHttpHeaders) =>
  headers["transfer-encoding"] !== undefined ||
  (headers["content-length"] !== undefined && headers["content-length"] !== "0");

/**
 * JSON bodies only, small ones only: a body of another type is refused (415) rather than
 * silently ignored, and more than 16 kB is refused (413) before it is buffered.
 */
export const jsonBody = (): RequestHandler[] => [
  (req, _res, next) => {
    if (METHODS_WITH_BODY.has(req.method) && hasBody(req.headers) && !req.is("application/json")) {
      throw new UnsupportedMediaTypeError("Send the request body as application/json.");
    }
    next();
  },
  express.json({ limit: JSON_BODY_LIMIT, strict: true }),
];
