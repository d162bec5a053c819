import type { Request } from "express";
import type { UserDirectory } from "../../store/user-directory.js";
import { intersect, union, type OrderProperty } from "../../store/user-directory.js";
import { GraphError } from "../graph-error.js";
import { decodeSkipToken, encodeSkipToken, readOptions } from "../odata/odata-query.js";
import { parseSelect } from "../odata-select.js";
import { userEntityType, userProperties } from "../user-entity.js";
import { parseUserFilter, userMatches, type UserFilter } from "./user-filter.js";
import { parseUserSearch, searchUsers } from "./user-search.js";

/** Entra ID's page: 100 users without `$top`, at most 999. */
const defaultPageSize = 100;
const maxPageSize = 999;

const advancedQueriesDoc = "https://aka.ms/graph-docs/advanced-queries";

export interface UserListPage {
  select: string[] | undefined;
  /** Positions of the page's users, in order. */
  page: number[];
  /** `@odata.count`, when asked for with the ConsistencyLevel header. */
  count: number | undefined;
  /** The query string of the next page, when there is one. */
  nextQuery: string | undefined;
}

/**
 * GET /users with Entra ID's query rules: `$search` needs `ConsistencyLevel: eventual`;
 * `$count=true` without it is ignored, as Graph silently does; operators Graph reserves for
 * advanced queries, `$orderby` together with `$filter` or `$search`, and ordering by
 * createdDateTime need the header and `$count=true`; `$skip` is refused.
 * https://learn.microsoft.com/graph/aad-advanced-queries
 */
export function queryUsers(req: Request, directory: UserDirectory): UserListPage {
  const options = readOptions(req);
  for (const key of options.keys()) {
    if (key === "skip") {
      throw new GraphError(400, "Request_BadRequest", "'$skip' is not supported by the service.");
    }
    if (!["select", "filter", "search", "top", "count", "orderby", "skiptoken"].includes(key)) {
      throw new GraphError(
        400,
        "BadRequest",
        `The tenant simulator does not support the query option '$${key}' on users.`,
      );
    }
  }
  const eventual = String(req.headers.consistencylevel ?? "").toLowerCase() === "eventual";
  const countOption = options.get("count")?.toLowerCase();
  if (countOption !== undefined && countOption !== "true" && countOption !== "false") {
    throw new GraphError(
      400,
      "BadRequest",
      `'${options.get("count") ?? ""}' is not a valid count option.`,
    );
  }
  const advanced = eventual && countOption === "true";

  const searchText = options.get("search");
  if (searchText !== undefined && !eventual) {
    throw new GraphError(
      400,
      "Request_UnsupportedQuery",
      "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
    );
  }
  const filterText = options.get("filter");
  const parsed = filterText === undefined ? undefined : parseUserFilter(filterText);
  if (parsed?.advancedOperator !== undefined && !advanced) {
    throw new GraphError(
      400,
      "Request_UnsupportedQuery",
      `Operator '${parsed.advancedOperator}' is not supported because the required parameters might be missing. Try adding $count=true query parameter and ConsistencyLevel:eventual header. Refer to ${advancedQueriesDoc} for more information`,
    );
  }
  const order = parseOrderBy(options.get("orderby"));
  if (
    order !== undefined &&
    !advanced &&
    (filterText !== undefined || searchText !== undefined || order.property === "createdDateTime")
  ) {
    throw sortingNotSupported();
  }
  const top = parseTop(options.get("top"));
  const skipToken = options.get("skiptoken");
  const offset = skipToken === undefined ? 0 : decodeSkipToken(skipToken);
  const select = parseSelect(options.get("select"), userEntityType, userProperties);

  let matches =
    searchText === undefined
      ? undefined
      : searchUsers(parseUserSearch(searchText.trim()), directory);
  if (parsed !== undefined) matches = applyFilter(parsed.filter, directory, matches);
  const ordered = orderPositions(matches, directory, order);
  const total = matches?.length ?? directory.size;
  const pageSize = top ?? defaultPageSize;
  const end = Math.min(offset + pageSize, total);
  const page: number[] = [];
  for (let i = offset; i < end; i += 1) page.push(ordered === undefined ? i : (ordered[i] ?? 0));

  const carried = [...options]
    .filter(([key]) => key !== "skiptoken")
    .map(([key, value]) => `$${key}=${encodeURIComponent(value)}`);
  return {
    select,
    page,
    count: eventual && countOption === "true" ? total : undefined,
    nextQuery:
      end < total
        ? [...carried, `$skiptoken=${encodeURIComponent(encodeSkipToken(end))}`].join("&")
        : undefined,
  };
}

interface OrderBy {
  property: OrderProperty;
  descending: boolean;
}

function sortingNotSupported(): GraphError {
  return new GraphError(
    400,
    "Request_UnsupportedQuery",
    "Sorting not supported for current query.",
  );
}

function parseOrderBy(value: string | undefined): OrderBy | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const [name = "", direction, extra] = value.trim().split(/\s+/);
  const dir = direction?.toLowerCase();
  if (
    extra !== undefined ||
    name.includes(",") ||
    (dir !== undefined && dir !== "asc" && dir !== "desc")
  ) {
    throw sortingNotSupported();
  }
  const property = (["displayName", "userPrincipalName", "createdDateTime"] as const).find(
    (p) => p.toLowerCase() === name.toLowerCase(),
  );
  if (property === undefined) throw sortingNotSupported();
  return { property, descending: dir === "desc" };
}

function parseTop(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const top = /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(top) || top < 1 || top > maxPageSize) {
    throw new GraphError(
      400,
      "Request_BadRequest",
      `Invalid page size specified: '${value}'. Must be between 1 and ${maxPageSize} inclusive.`,
    );
  }
  return top;
}

/** The users matching `filter` among `within` (all users when undefined), ascending. */
function applyFilter(
  filter: UserFilter,
  directory: UserDirectory,
  within: number[] | undefined,
): number[] {
  const indexed = candidates(filter, directory);
  const pool =
    indexed === undefined ? within : within === undefined ? indexed : intersect(within, indexed);
  const result: number[] = [];
  if (pool === undefined) {
    for (let i = 0; i < directory.size; i += 1)
      if (userMatches(filter, directory.at(i))) result.push(i);
  } else {
    for (const i of pool) if (userMatches(filter, directory.at(i))) result.push(i);
  }
  return result;
}

/**
 * A superset of the filter's matches read from the directory's indexes (id, UPN and mail
 * lookups, prefix ranges), or undefined when only a scan can tell. Every candidate is still
 * tested against the whole filter.
 */
function candidates(filter: UserFilter, directory: UserDirectory): number[] | undefined {
  switch (filter.kind) {
    case "and": {
      const left = candidates(filter.left, directory);
      const right = candidates(filter.right, directory);
      if (left === undefined) return right;
      if (right === undefined) return left;
      return intersect(left, right);
    }
    case "or": {
      const left = candidates(filter.left, directory);
      const right = candidates(filter.right, directory);
      return left === undefined || right === undefined ? undefined : union(left, right);
    }
    case "compare":
      return filter.op === "eq" ? lookup(filter.property, filter.value, directory) : undefined;
    case "in": {
      let result: number[] = [];
      for (const value of filter.values) {
        const found = lookup(filter.property, value, directory);
        if (found === undefined) return undefined;
        result = union(result, found);
      }
      return result;
    }
    case "startsWith":
      return filter.property === "displayName" ||
        filter.property === "userPrincipalName" ||
        filter.property === "mail" ||
        filter.property === "givenName" ||
        filter.property === "surname"
        ? directory.startingWith(filter.property, filter.value)
        : undefined;
    default:
      return undefined;
  }
}

function lookup(property: string, value: unknown, directory: UserDirectory): number[] | undefined {
  if (typeof value !== "string") return undefined;
  if (property === "id" || property === "userPrincipalName" || property === "mail") {
    return directory.equalTo(property, value);
  }
  return undefined;
}

/** Positions in `$orderby` order; undefined means every user in the directory's order. */
function orderPositions(
  matches: number[] | undefined,
  directory: UserDirectory,
  order: OrderBy | undefined,
): number[] | undefined {
  if (order === undefined) return matches;
  const rank = directory.rank(order.property);
  let ordered: number[];
  if (matches === undefined) {
    // Every user: invert the rank rather than sort 50,000 positions per page.
    ordered = new Array<number>(directory.size);
    rank.forEach((place, position) => {
      ordered[place] = position;
    });
  } else {
    ordered = [...matches].sort((a, b) => (rank[a] ?? 0) - (rank[b] ?? 0));
  }
  return order.descending ? ordered.reverse() : ordered;
}
