import { Router, type RequestHandler } from "express";
import type { SimulatorContext } from "../simulator-context.js";
import type { UserRecord } from "../store/user-record.js";
import { userRoutes } from "./directory-routes.js";
import { queryUsers } from "./directory/user-query.js";
import { GraphError, sendGraphBody } from "./graph-error.js";
import { graphContext, graphToken, type VerifiedGraphToken } from "./graph-request-context.js";
import { nextLinkFor } from "./next-link.js";
import { readOptions } from "./odata/odata-query.js";
import { parseSelect } from "./odata-select.js";
import { fullUserReadScopes, requirePermission } from "./permissions.js";
import { userEntity, userEntityType, userProperties, userValue } from "./user-entity.js";

/**
 * Users: list with Entra ID's `$search`, `$filter`, `$orderby`, `$count` and paging rules
 * (directory/user-query.ts), and one user by id or userPrincipalName.
 * https://learn.microsoft.com/graph/api/user-list and https://learn.microsoft.com/graph/api/user-get
 */
export function createUsersRouter(ctx: SimulatorContext): Router {
  const router = Router();

  router.get(userRoutes.list, requirePermission("GET", userRoutes.list), (req, res) => {
    const { version } = graphContext(req);
    const { directory } = ctx.store;
    const result = queryUsers(req, directory);
    const basic = basicProfileOnly(graphToken(req));
    const selected = result.select === undefined ? "" : `(${result.select.join(",")})`;
    const body: Record<string, unknown> = {
      "@odata.context": `https://graph.microsoft.com/${version}/$metadata#users${selected}`,
    };
    if (result.count !== undefined) body["@odata.count"] = result.count;
    if (result.nextQuery !== undefined)
      body["@odata.nextLink"] = nextLinkFor(req, result.nextQuery);
    body.value = result.page.map((position) =>
      limitToBasic(userValue(directory.at(position), version, result.select), basic),
    );
    sendGraphBody(res.status(200), body);
  });

  router.get(userRoutes.item, requirePermission("GET", userRoutes.item), (req, res) => {
    const { version } = graphContext(req);
    const options = readOptions(req);
    for (const key of options.keys()) {
      if (key !== "select") {
        throw new GraphError(
          400,
          "BadRequest",
          `The tenant simulator does not support the query option '$${key}' on a user.`,
        );
      }
    }
    const selected = parseSelect(options.get("select"), userEntityType, userProperties);
    const user = findUserOrThrow(ctx, String(req.params.id));
    sendGraphBody(
      res.status(200),
      limitToBasic(userEntity(user, version, selected), basicProfileOnly(graphToken(req))),
    );
  });

  return router;
}

/** A user by id or userPrincipalName, or the directory's 404. */
export function findUserOrThrow(ctx: SimulatorContext, key: string): UserRecord {
  const user = ctx.store.findUser(key);
  if (user === undefined) {
    throw new GraphError(
      404,
      "Request_ResourceNotFound",
      `Resource '${key}' does not exist or one of its queried reference-property objects are not present.`,
    );
  }
  return user;
}

/** The basic profile User.ReadBasic.All lets an app read of other users. */
const basicProperties = new Set([
  "@odata.context",
  "id",
  "displayName",
  "givenName",
  "surname",
  "mail",
  "userPrincipalName",
]);

function basicProfileOnly(token: VerifiedGraphToken): boolean {
  if (!token.delegated) return false;
  const full = new Set(fullUserReadScopes.map((s) => s.toLowerCase()));
  return !token.scopes.some((s) => full.has(s.toLowerCase()));
}

/** Properties outside the basic profile come back null (see README). */
function limitToBasic(user: Record<string, unknown>, basic: boolean): Record<string, unknown> {
  if (!basic) return user;
  return Object.fromEntries(
    Object.entries(user).map(([name, value]) => [name, basicProperties.has(name) ? value : null]),
  );
}

/**
 * Graph also addresses a user as `/users('{id or userPrincipalName}')`, the form its docs ask
 * for when a UPN starts with `$`; a quote inside is doubled. Rewritten to `/users/{key}` before
 * routing (and before Intune's throttling looks at the path).
 * https://learn.microsoft.com/graph/api/user-get#http-request
 */
export const userKeyInParentheses: RequestHandler = (req, _res, next) => {
  const queryAt = req.url.indexOf("?");
  const path = queryAt === -1 ? req.url : req.url.slice(0, queryAt);
  const query = queryAt === -1 ? "" : req.url.slice(queryAt);
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    next();
    return;
  }
  const match = /^\/users\('((?:[^']|'')*)'\)(\/.*)?$/i.exec(decoded);
  if (match !== null) {
    const key = (match[1] ?? "").replaceAll("''", "'");
    const rest = (match[2] ?? "").split("/").map(encodeURIComponent).join("/");
    req.url = `/users/${encodeURIComponent(key)}${rest}${query}`;
  }
  next();
};
