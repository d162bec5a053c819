import { z } from "zod";
import type { AuthenticatedUser } from "../auth/authenticated-user.js";
import { GraphBodyError, parseGraphBody } from "./graph-body.js";
import type { GraphGateway, GraphRequestOptions, GraphVersion } from "./graph-gateway.js";

const pageSchemaOf = <T extends z.ZodType>(item: T) =>
  z.object({
    value: z.array(item),
    "@odata.nextLink": z.string().optional(),
  });

/**
 * One page schema per item schema, built once: zod compiles an object schema's parser on its
 * first use, so a schema built per request paid that on every Graph page (issue #19's profile).
 */
const pageSchemas = new WeakMap<z.ZodType, z.ZodType>();
const pageSchema = <T extends z.ZodType>(item: T): ReturnType<typeof pageSchemaOf<T>> => {
  let schema = pageSchemas.get(item);
  if (schema === undefined) {
    schema = pageSchemaOf(item);
    pageSchemas.set(item, schema);
  }
  return schema as ReturnType<typeof pageSchemaOf<T>>;
};

export interface GraphPage<T> {
  items: T[];
  /** The path (with query) of the next page, relative to the version root, if any. */
  next: string | undefined;
}

/**
 * A nextLink is absolute (`https://graph.microsoft.com/beta/...?$skiptoken=...`). It is
 * followed only on our own Graph host and version, and handed to the gateway as a path.
 * https://learn.microsoft.com/graph/paging
 */
export const nextPath = (
  nextLink: string | undefined,
  baseUrl: string,
  version: GraphVersion,
): string | undefined => {
  if (nextLink === undefined) return undefined;
  const root = `${baseUrl.replace(/\/$/, "")}/${version}/`;
  if (!nextLink.startsWith(root)) {
    throw new GraphBodyError("Microsoft Graph sent a nextLink outside its own host.");
  }
  return `/${nextLink.slice(root.length)}`;
};

/** One page of a Graph collection. */
export const getPage = async <T extends z.ZodType>(
  graph: GraphGateway,
  user: AuthenticatedUser,
  path: string,
  item: T,
  options: GraphRequestOptions & { version: GraphVersion },
): Promise<GraphPage<z.output<T>>> => {
  const response = await graph.get(user, path, options);
  return pageOf(response.body, item, graph.baseUrl, options.version);
};

/** A collection page Graph answered (e.g. with extra annotations the caller reads too). */
export const pageOf = <T extends z.ZodType>(
  body: unknown,
  item: T,
  baseUrl: string,
  version: GraphVersion,
): GraphPage<z.output<T>> => {
  const page = parseGraphBody(pageSchema(item), body);
  return { items: page.value, next: nextPath(page["@odata.nextLink"], baseUrl, version) };
};

/** Every page of a small collection (bounded: `maxPages`), e.g. VPP tokens or an app list. */
export const getAll = async <T extends z.ZodType>(
  graph: GraphGateway,
  user: AuthenticatedUser,
  path: string,
  item: T,
  options: GraphRequestOptions & { version: GraphVersion },
  maxPages = 50,
): Promise<z.output<T>[]> => {
  const items: z.output<T>[] = [];
  let page = await getPage(graph, user, path, item, options);
  items.push(...page.items);
  for (let n = 1; page.next !== undefined && n < maxPages; n++) {
    page = await getPage(graph, user, page.next, item, { version: options.version });
    items.push(...page.items);
  }
  return items;
};
