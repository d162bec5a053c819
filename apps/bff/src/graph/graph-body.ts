import { z } from "zod";

/**
 * Graph answered 2xx with a body we cannot use: a contract drift between Graph and us, not a
 * fault of the caller's input.
 */
export class GraphBodyError extends Error {
  override readonly name = "GraphBodyError";
}

/** Parses a Graph answer with its schema; a mismatch is a GraphBodyError (502), not a 400. */
export const parseGraphBody = <T extends z.ZodType>(schema: T, body: unknown): z.output<T> => {
  const result = schema.safeParse(body);
  if (!result.success) {
    throw new GraphBodyError(
      `Microsoft Graph answered in an unexpected shape: ${z.prettifyError(result.error)}`,
    );
  }
  return result.data;
};

/**
 * Graph sends `null` for unset properties; our types use `undefined` (STYLE.md "Names"), so
 * the mapping happens here, at the gateway's edge.
 */
export const graphOptional = <T extends z.ZodType>(schema: T) =>
  schema.nullish().transform((value) => value ?? undefined);
