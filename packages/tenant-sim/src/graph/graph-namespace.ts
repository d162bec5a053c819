/**
 * Graph's CSDL declares `<Schema Namespace="microsoft.graph" Alias="graph">`, and OData lets a
 * qualified name (a type cast, a bound action, `isof`'s argument) use either spelling. The
 * Kiota-generated SDKs write casts with the alias: `/mobileApps/{id}/graph.iosVppApp`.
 * https://docs.oasis-open.org/odata/odata-csdl-xml/v4.01/odata-csdl-xml-v4.01.html#sec_Alias
 */
const alias = /^graph\./i;

/** `graph.x` as `microsoft.graph.x`; any other name as it is. */
export function qualifiedName(name: string): string {
  return alias.test(name) ? `microsoft.${name}` : name;
}

/** A route segment naming `name` qualified by the namespace or its alias (Express syntax). */
export function qualifiedSegment(name: string): string {
  return `{microsoft.}graph.${name}`;
}

/** A route segment naming a bound action, qualified by either spelling or not at all. */
export function optionallyQualifiedSegment(name: string): string {
  return `{{microsoft.}graph.}${name}`;
}
