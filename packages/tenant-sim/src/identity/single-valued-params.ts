import { EntraError } from "./entra-error.js";

/**
 * Reads a parsed query or urlencoded body (node:querystring shape) into single values. OAuth
 * parameters must not repeat (RFC 6749 §3.1), and Entra rejects a repeated one.
 */
export function singleValuedParams(source: unknown): Map<string, string> {
  const params = new Map<string, string>();
  if (typeof source !== "object" || source === null) return params;
  for (const [name, value] of Object.entries(source)) {
    if (typeof value === "string") {
      params.set(name, value);
    } else if (Array.isArray(value)) {
      throw new EntraError(
        "invalid_request",
        9000411,
        `The request is not properly formatted. The parameter '${name}' is duplicated.`,
      );
    }
  }
  return params;
}
