import type { Response } from "express";
import type { z } from "zod";

/**
 * Sends a response after parsing it with its contract schema, so the BFF cannot drift from
 * what the SPA parses. A mismatch is our bug: a plain Error, hence a 500, not a 400.
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
  res.status(status).json(result.data);
};
