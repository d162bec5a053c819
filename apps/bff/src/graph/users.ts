import type { UserDetail, UserSummary } from "@ihc/contracts";
import { z } from "zod";
import type { AuthenticatedUser } from "../auth/authenticated-user.js";
import { NotFoundError } from "../errors.js";
import { graphOptional, parseGraphBody } from "./graph-body.js";
import { pageOf, type GraphPage } from "./graph-collection.js";
import { GraphError } from "./graph-error.js";
import type { GraphGateway } from "./graph-gateway.js";
import { pageCursorOf, pageFromCursor } from "./page-cursor.js";

/**
 * Directory users (v1.0). A search goes to Entra ID's `$search`, which needs the
 * `ConsistencyLevel: eventual` header (on every page) and gives `@odata.count` with `$count=true`.
 * https://learn.microsoft.com/graph/api/user-list
 * https://learn.microsoft.com/graph/search-query-parameter#using-search-on-directory-object-collections
 */
const COLLECTION = "/users";
const EVENTUAL = { ConsistencyLevel: "eventual" } as const;

const SUMMARY_PROPERTIES = [
  "id",
  "displayName",
  "userPrincipalName",
  "mail",
  "department",
  "jobTitle",
];
const DETAIL_PROPERTIES = [
  ...SUMMARY_PROPERTIES,
  "accountEnabled",
  "officeLocation",
  "usageLocation",
];

const GraphUserSchema = z.object({
  id: z.string(),
  displayName: graphOptional(z.string()),
  userPrincipalName: graphOptional(z.string()),
  mail: graphOptional(z.string()),
  department: graphOptional(z.string()),
  jobTitle: graphOptional(z.string()),
  accountEnabled: graphOptional(z.boolean()),
  officeLocation: graphOptional(z.string()),
  usageLocation: graphOptional(z.string()),
});
type GraphUser = z.output<typeof GraphUserSchema>;

const toUserSummary = (u: GraphUser): UserSummary => ({
  id: u.id,
  displayName: u.displayName ?? u.userPrincipalName ?? u.id,
  userPrincipalName: u.userPrincipalName ?? "",
  ...(u.mail === undefined ? {} : { mail: u.mail }),
  ...(u.department === undefined ? {} : { department: u.department }),
  ...(u.jobTitle === undefined ? {} : { jobTitle: u.jobTitle }),
});

const toUserDetail = (u: GraphUser): UserDetail => ({
  ...toUserSummary(u),
  ...(u.accountEnabled === undefined ? {} : { accountEnabled: u.accountEnabled }),
  ...(u.officeLocation === undefined ? {} : { officeLocation: u.officeLocation }),
  ...(u.usageLocation === undefined ? {} : { usageLocation: u.usageLocation }),
});

/**
 * One `$search` clause: `"property:text"`. Inside the quotes only `"` and `\` are special (escaped
 * with a backslash); everything else — `'`, `&`, `$`, `#`, `+`, non-ASCII — is literal here and
 * URL-encoded by the gateway.
 */
const searchClause = (property: string, text: string): string =>
  `"${property}:${text.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;

/**
 * What an agent expects a typed fragment to find: any word of the display name starting with
 * each typed word (Entra ID tokenizes displayName), or a UPN or mail starting with it.
 */
export const userSearchExpression = (text: string): string =>
  ["displayName", "userPrincipalName", "mail"].map((p) => searchClause(p, text)).join(" OR ");

export interface UserSearchPage extends GraphPage<UserSummary> {
  count: number | undefined;
}

const UserPageCountSchema = z.object({ "@odata.count": z.number().int().optional() });

/**
 * One page of a user search: the first (`search`, `top`), or the one a previous page's nextLink
 * points at (`next`, already checked by `userPageFromCursor`). Sorted by display name, which
 * Entra ID allows with `$search` as an advanced query (`$count=true` and the header).
 */
export const searchUsersPage = async (
  graph: GraphGateway,
  user: AuthenticatedUser,
  page: { first: { search: string; top: number } } | { next: { query: Record<string, string> } },
): Promise<UserSearchPage> => {
  const query =
    "next" in page
      ? page.next.query
      : {
          $search: userSearchExpression(page.first.search),
          $select: SUMMARY_PROPERTIES.join(","),
          $orderby: "displayName",
          $count: "true",
          $top: String(page.first.top),
        };
  const response = await graph.get(user, COLLECTION, { version: "v1.0", query, headers: EVENTUAL });
  const result = pageOf(response.body, GraphUserSchema, graph.baseUrl, "v1.0");
  return {
    items: result.items.map(toUserSummary),
    next: result.next,
    count: parseGraphBody(UserPageCountSchema, response.body)["@odata.count"],
  };
};

const CURSOR_QUERY_OPTIONS = new Set([
  "$search",
  "$select",
  "$orderby",
  "$count",
  "$top",
  "$skiptoken",
]);

export const userCursorOf = pageCursorOf;

export const userPageFromCursor = (cursor: string): { query: Record<string, string> } | undefined =>
  pageFromCursor(cursor, COLLECTION, CURSOR_QUERY_OPTIONS);

/** `id` must already be validated (a GUID): it becomes part of a URL. */
export const userPath = (id: string): string => `${COLLECTION}/${encodeURIComponent(id)}`;

/** One user; Graph's 404 becomes ours, worded for the agent. */
export const getUser = async (
  graph: GraphGateway,
  user: AuthenticatedUser,
  id: string,
): Promise<UserDetail> => {
  try {
    const response = await graph.get(user, userPath(id), {
      version: "v1.0",
      query: { $select: DETAIL_PROPERTIES.join(",") },
    });
    return toUserDetail(parseGraphBody(GraphUserSchema, response.body));
  } catch (error) {
    throw notFoundAsOurs(error, id);
  }
};

/** The directory's 404 for an unknown user, as our NotFoundError; anything else unchanged. */
export const notFoundAsOurs = (error: unknown, id: string): unknown =>
  error instanceof GraphError && error.status === 404
    ? new NotFoundError(`No user with id ${id} exists in the directory.`)
    : error;
