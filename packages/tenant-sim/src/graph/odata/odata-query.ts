import type { Request } from "express";
import type { GraphVersion } from "../graph-request-context.js";
import { nextLinkFor } from "../next-link.js";
import { parseFilter, valueOf, type FilterPredicate, type FilterSubject } from "./odata-filter.js";
import { typeOfEntity, type ODataType } from "./odata-model.js";
import { ODataQueryError } from "./odata-query-error.js";
import { pathText, resolvePropertyPath, type PropertyPath } from "./property-path.js";

/** Graph accepts system query options with or without the `$`, in any case. */
const systemOptions = new Set([
  "select",
  "filter",
  "top",
  "skip",
  "skiptoken",
  "orderby",
  "count",
  "expand",
  "search",
  "format",
  "apply",
  "compute",
  "deltatoken",
  "levels",
]);

export type Options = Map<string, string>;

/** Reads the query string as Graph does: a system option given twice is an error. */
export function readOptions(req: Request): Options {
  const search = req.originalUrl.split("?", 2)[1] ?? "";
  const options: Options = new Map();
  for (const [rawKey, value] of new URLSearchParams(search)) {
    const key = rawKey.replace(/^\$/, "").toLowerCase();
    if (!systemOptions.has(key)) {
      if (rawKey.startsWith("$")) {
        throw new ODataQueryError(`The query parameter '${rawKey}' is not supported.`);
      }
      continue;
    }
    if (options.has(key)) {
      throw new ODataQueryError(
        `Query option '$${key}' was specified more than once, but it must be specified at most once.`,
      );
    }
    options.set(key, value);
  }
  return options;
}

function refuseUnsupported(options: Options, supported: readonly string[]): void {
  for (const key of options.keys()) {
    if (!supported.includes(key)) {
      throw new ODataQueryError(
        `The tenant simulator does not support the query option '$${key}' on this resource.`,
      );
    }
  }
}

function parseSelectOption(
  value: string | undefined,
  type: ODataType,
  version: GraphVersion,
): PropertyPath[] | undefined {
  if (value === undefined) return undefined;
  const paths: PropertyPath[] = [];
  for (const raw of value.split(",")) {
    if (raw.trim() === "") continue;
    let path: PropertyPath;
    try {
      path = resolvePropertyPath(raw, type, version);
    } catch (error) {
      if (error instanceof ODataQueryError) {
        throw new ODataQueryError(`Parsing OData Select and Expand failed: ${error.message}`);
      }
      throw error;
    }
    if (!paths.some((p) => p.cast === path.cast && p.name === path.name)) paths.push(path);
  }
  return paths.length === 0 ? undefined : paths;
}

function nonNegativeInteger(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim())) {
    throw new ODataQueryError(
      `Invalid value '${value}' for $${option} query option found. The $${option} query option requires a non-negative integer value.`,
    );
  }
  return Number(value.trim());
}

export interface EntityQuery {
  select: PropertyPath[] | undefined;
}

/** Query options on a single entity: `$select` only. */
export function parseEntityQuery(
  req: Request,
  type: ODataType,
  version: GraphVersion,
): EntityQuery {
  const options = readOptions(req);
  refuseUnsupported(options, ["select"]);
  return { select: parseSelectOption(options.get("select"), type, version) };
}

interface OrderBy {
  path: PropertyPath;
  descending: boolean;
}

export interface CollectionQuery {
  select: PropertyPath[] | undefined;
  filter: FilterPredicate | undefined;
  orderBy: OrderBy[];
  top: number | undefined;
  offset: number;
  count: boolean;
  /** The options to carry into @odata.nextLink, as `$name=value` pairs. */
  carried: [string, string][];
}

export function parseCollectionQuery(
  req: Request,
  type: ODataType,
  version: GraphVersion,
  supported: readonly string[] = [
    "select",
    "filter",
    "top",
    "skip",
    "skiptoken",
    "orderby",
    "count",
  ],
): CollectionQuery {
  const options = readOptions(req);
  refuseUnsupported(options, supported);
  const filterText = options.get("filter");
  const count = options.get("count")?.toLowerCase();
  if (count !== undefined && count !== "true" && count !== "false") {
    throw new ODataQueryError(`'${options.get("count") ?? ""}' is not a valid count option.`);
  }
  const skipToken = options.get("skiptoken");
  const skip = nonNegativeInteger(options.get("skip"), "skip");
  return {
    select: parseSelectOption(options.get("select"), type, version),
    filter: filterText === undefined ? undefined : parseFilter(filterText, type, version),
    orderBy: parseOrderBy(options.get("orderby"), type, version),
    top: nonNegativeInteger(options.get("top"), "top"),
    offset: skipToken === undefined ? (skip ?? 0) : decodeSkipToken(skipToken),
    count: count === "true",
    carried: [...options]
      .filter(([key]) => key !== "skiptoken" && key !== "skip")
      .map(([key, value]) => [`$${key}`, value]),
  };
}

function parseOrderBy(
  value: string | undefined,
  type: ODataType,
  version: GraphVersion,
): OrderBy[] {
  if (value === undefined) return [];
  return value
    .split(",")
    .filter((part) => part.trim() !== "")
    .map((part) => {
      const [raw = "", direction, extra] = part.trim().split(/\s+/);
      const dir = direction?.toLowerCase();
      if (extra !== undefined || (dir !== undefined && dir !== "asc" && dir !== "desc")) {
        throw new ODataQueryError(`Syntax error in $orderby: '${part.trim()}'.`);
      }
      return { path: resolvePropertyPath(raw, type, version), descending: dir === "desc" };
    });
}

export function encodeSkipToken(offset: number): string {
  return Buffer.from(`sim-offset:${offset}`).toString("base64url");
}

export function decodeSkipToken(token: string): number {
  const match = /^sim-offset:(\d+)$/.exec(Buffer.from(token, "base64url").toString("utf8"));
  if (match?.[1] === undefined) {
    throw new ODataQueryError("The $skiptoken value is not valid for this request.");
  }
  return Number(match[1]);
}

export interface CollectionSource {
  req: Request;
  version: GraphVersion;
  /** The collection's declared type, for `$select`/`$filter` paths and `isof`. */
  type: ODataType;
  /** What `@odata.context` names after `$metadata#`, e.g. "deviceAppManagement/vppTokens". */
  contextPath: string;
  /** Every entity, in Graph JSON for this version, each with its "@odata.type". */
  entities: readonly Record<string, unknown>[];
  /** The page size without `$top`. */
  pageSize: number;
  /**
   * Turns a listed entity into the JSON served, for the page only. Lets a large collection be
   * filtered and ordered on light views that compute a property when asked.
   */
  present?: (entity: Readonly<Record<string, unknown>>) => Record<string, unknown>;
}

/** Graph's page size is capped; `$top` above it still pages. */
const maxPageSize = 999;

/** Filters, orders, counts, pages and selects, and builds Graph's collection body. */
export function collectionBody(
  source: CollectionSource,
  query: CollectionQuery,
): Record<string, unknown> {
  const subjects: FilterSubject[] = source.entities.map((entity) => ({
    entity,
    type: typeOfEntity(entity, source.type),
  }));
  const { filter } = query;
  const matching = filter === undefined ? subjects : subjects.filter((s) => filter(s));
  const ordered = query.orderBy.length === 0 ? matching : sortSubjects(matching, query.orderBy);
  const pageSize = Math.min(query.top ?? source.pageSize, maxPageSize);
  const page = ordered.slice(query.offset, query.offset + pageSize);
  const body: Record<string, unknown> = {
    "@odata.context": contextUrl(source.version, source.contextPath, query.select),
  };
  if (query.count) body["@odata.count"] = ordered.length;
  const next = query.offset + pageSize;
  if (next < ordered.length && pageSize > 0) {
    body["@odata.nextLink"] = nextLink(source, query, next);
  }
  const { present } = source;
  body.value = page.map((s) =>
    selectProperties(
      present === undefined ? s : { entity: present(s.entity), type: s.type },
      query.select,
    ),
  );
  return body;
}

function nextLink(source: CollectionSource, query: CollectionQuery, offset: number): string {
  const params = [...query.carried, ["$skiptoken", encodeSkipToken(offset)]]
    .map(([key, value]) => `${key}=${encodeURIComponent(value ?? "")}`)
    .join("&");
  return nextLinkFor(source.req, params);
}

function sortSubjects(subjects: FilterSubject[], orderBy: readonly OrderBy[]): FilterSubject[] {
  const keyed = subjects.map((subject, index) => ({ subject, index }));
  keyed.sort((a, b) => {
    for (const { path, descending } of orderBy) {
      const order = compareValues(valueOf(path, a.subject), valueOf(path, b.subject));
      if (order !== 0) return descending ? -order : order;
    }
    return a.index - b.index;
  });
  return keyed.map((k) => k.subject);
}

function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  if (typeof a === "string" && typeof b === "string") {
    return a.localeCompare(b, "en", { sensitivity: "base" }) || (a < b ? -1 : a > b ? 1 : 0);
  }
  return (a as number) < (b as number) ? -1 : 1;
}

/** `@odata.context` as Graph writes it; a `$select` is repeated in parentheses. */
export function contextUrl(
  version: GraphVersion,
  contextPath: string,
  select: readonly PropertyPath[] | undefined,
): string {
  const selected = select === undefined ? "" : `(${select.map(pathText).join(",")})`;
  return `https://graph.microsoft.com/${version}/$metadata#${contextPath}${selected}`;
}

/** The entity with only the selected properties; `@odata.type` and `id` always stay. */
export function selectProperties(
  subject: FilterSubject,
  select: readonly PropertyPath[] | undefined,
): Record<string, unknown> {
  if (select === undefined) return { ...subject.entity };
  const { entity } = subject;
  const result: Record<string, unknown> = {};
  if ("@odata.type" in entity) result["@odata.type"] = entity["@odata.type"];
  if ("id" in entity) result.id = entity.id;
  for (const path of select) {
    if (path.cast !== undefined && !derives(subject, path.cast)) continue;
    if (path.name in entity) result[path.name] = entity[path.name];
  }
  return result;
}

function derives(subject: FilterSubject, cast: ODataType): boolean {
  for (let t: ODataType | undefined = subject.type; t; t = t.base) if (t === cast) return true;
  return false;
}
