import type { GraphVersion } from "../graph-request-context.js";
import { ODataQueryError } from "./odata-query-error.js";
import { derivesFrom, existsIn, findType, propertiesOf, type ODataType } from "./odata-model.js";

/** A property as a query option names it: plain, or behind a type cast to a derived type. */
export interface PropertyPath {
  /** The derived type a cast named, or undefined for a property of the collection's type. */
  cast: ODataType | undefined;
  /** The property's name as the model spells it. */
  name: string;
}

/**
 * Resolves `name` or `microsoft.graph.derivedType/name` against the collection's type, with
 * the messages Graph's OData parser gives (properties match case-insensitively in Graph).
 */
export function resolvePropertyPath(
  raw: string,
  collectionType: ODataType,
  version: GraphVersion,
): PropertyPath {
  const segments = raw.trim().split("/");
  if (segments.length > 2 || segments.some((s) => s === "")) {
    throw new ODataQueryError(`Property path '${raw.trim()}' is not supported by the simulator.`);
  }
  const [first = "", second] = segments;
  if (second === undefined) {
    return { cast: undefined, name: findProperty(first, collectionType, version) };
  }
  const cast = findType(first);
  if (cast === undefined || !existsIn(cast, version)) {
    throw new ODataQueryError(`The type '${first}' is not defined in the model.`);
  }
  if (!derivesFrom(cast, collectionType)) {
    throw new ODataQueryError(
      `Encountered invalid type cast. '${cast.name}' is not assignable from '${collectionType.name}'.`,
    );
  }
  return { cast, name: findProperty(second, cast, version) };
}

function findProperty(name: string, t: ODataType, version: GraphVersion): string {
  const property = propertiesOf(t, version).find((p) => p.toLowerCase() === name.toLowerCase());
  if (property === undefined) {
    throw new ODataQueryError(`Could not find a property named '${name}' on type '${t.name}'.`);
  }
  return property;
}

export function pathText(path: PropertyPath): string {
  return path.cast === undefined ? path.name : `${path.cast.name}/${path.name}`;
}
