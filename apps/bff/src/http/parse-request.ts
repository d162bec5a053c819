import { IDEMPOTENCY_KEY_HEADER } from "@ihc/contracts";
import type { Request } from "express";
import { z } from "zod";
import { InputError } from "../errors.js";

type Part = "params" | "query" | "body";

/**
 * Parses one part of the request with its contract schema. A mismatch is a 400 naming each
 * field (`body.notifyManagedDevices`), before anything — least of all a Graph URL — uses it.
 */
export const parseRequest = <T extends z.ZodType>(
  schema: T,
  req: Request,
  part: Part,
): z.output<T> => {
  const value: unknown = part === "body" ? (req.body ?? {}) : req[part];
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new InputError(
    `The request's ${part} did not match the expected shape.`,
    result.error.issues.map((issue) => ({
      path: [part, ...issue.path.map(String), ...unknownKeys(issue)].join("."),
      message: issue.message,
    })),
  );
};

const unknownKeys = (issue: z.core.$ZodIssue): string[] =>
  issue.code === "unrecognized_keys" ? issue.keys : [];

const KeySchema = z.uuid();

/** Every action needs an `Idempotency-Key`: a UUID the SPA makes when its dialog opens. */
export const idempotencyKeyOf = (req: Request): string => {
  const header = req.get(IDEMPOTENCY_KEY_HEADER);
  const result = KeySchema.safeParse(header);
  if (result.success) return result.data.toLowerCase();
  throw new InputError(
    header === undefined
      ? `The ${IDEMPOTENCY_KEY_HEADER} header is required for actions.`
      : `The ${IDEMPOTENCY_KEY_HEADER} header must be a UUID.`,
    [{ path: `headers.${IDEMPOTENCY_KEY_HEADER.toLowerCase()}`, message: "must be a UUID" }],
  );
};
