import { GraphError } from "./graph-error.js";

/**
 * Reads `$select` against the properties an entity type has. Graph matches property names
 * case-insensitively and answers an unknown one with 400.
 */
export function parseSelect(
  select: unknown,
  entityType: string,
  properties: readonly string[],
): string[] | undefined {
  if (select === undefined) return undefined;
  if (typeof select !== "string") {
    throw new GraphError(
      400,
      "BadRequest",
      "Query option '$select' was specified more than once, but it must be specified at most once.",
    );
  }
  const byLowerName = new Map(properties.map((p) => [p.toLowerCase(), p]));
  const selected: string[] = [];
  for (const raw of select.split(",")) {
    const name = raw.trim();
    if (name === "") continue;
    const property = byLowerName.get(name.toLowerCase());
    if (property === undefined) {
      throw new GraphError(
        400,
        "BadRequest",
        `Parsing OData Select and Expand failed: Could not find a property named '${name}' on type '${entityType}'.`,
      );
    }
    if (!selected.includes(property)) selected.push(property);
  }
  return selected.length === 0 ? undefined : selected;
}

/** Keeps `id` (Graph always returns the key) plus the selected properties, in that order. */
export function applySelect(
  entity: Readonly<Record<string, unknown>>,
  selected: readonly string[],
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const name of ["id", ...selected]) {
    if (name in entity) result[name] = entity[name];
  }
  return result;
}
