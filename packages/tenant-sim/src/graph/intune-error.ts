import type { Request } from "express";
import { GraphError, intuneMessage } from "./graph-error.js";
import { graphContext } from "./graph-request-context.js";

/**
 * An error from an Intune service behind Graph: Graph's shape, with Intune's JSON document (and
 * its activity id) inside `message`, as Intune answers. DESIGN.md §1.
 */
export function intuneError(
  req: Request,
  status: number,
  code: string,
  message: string,
  headers: Readonly<Record<string, string>> = {},
): GraphError {
  const path = req.originalUrl.split("?", 1)[0] ?? "";
  return new GraphError(status, code, intuneMessage(message, graphContext(req), path), headers);
}

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Intune keys are GUIDs; anything else is a bad request, not a missing resource. */
export function requireGuidKey(req: Request, id: string, entityType: string): void {
  if (!guid.test(id)) {
    throw intuneError(
      req,
      400,
      "BadRequest",
      `Invalid key '${id}' for entity type 'microsoft.graph.${entityType}': the key must be a GUID.`,
    );
  }
}

export function isGuid(value: string): boolean {
  return guid.test(value);
}

/** What Graph says about a path segment the version does not have. */
export function segmentNotFound(segment: string): GraphError {
  return new GraphError(400, "BadRequest", `Resource not found for the segment '${segment}'.`);
}
