import type { Response } from "express";
import type { z } from "zod";

const JSON_CONTENT_TYPE = "application/json; charset=utf-8";

/**
 * Sends a response after parsing it with its contract schema, so the BFF cannot drift from
 * what the SPA parses. A mismatch is our bug: a plain Error, hence a 500, not a 400.
 *
 * Written with node's own calls rather than `res.json`: Express would parse and re-format the
 * content type and look up its charset on every answer, for the one type every API answer has
 * (issue #19's profile). No ETag either way (API answers are no-store, app.ts); a HEAD gets the
 * headers only (node drops the body).
 */
export const sendJson = <T extends z.ZodType>(
  res: Response,
  schema: T,
  value: z.input<T>,
  status = 200,
): void => {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new Error("The response does not match its contract.", { cause: result.error });
  }
  const body = JSON.stringify(result.data);
  res.statusCode = status;
  res.setHeader("Content-Type", JSON_CONTENT_TYPE);
  res.setHeader("Content-Length", Buffer.byteLength(body));
  res.end(body);
};
