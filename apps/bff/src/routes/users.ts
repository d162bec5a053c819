import {
  ManagedDeviceListSchema,
  MAX_USER_PAGE_SIZE,
  UserDetailSchema,
  UserParamsSchema,
  UserSearchQuerySchema,
  UserSearchResultSchema,
  UserVppLicenseListSchema,
} from "@ihc/contracts";
import { Router } from "express";
import { z } from "zod";
import { userOf } from "../auth/authenticate.js";
import { requirePermission } from "../auth/require-permission.js";
import type { GraphGateway } from "../graph/graph-gateway.js";
import { listUserDevices } from "../graph/managed-devices.js";
import { listUserVppLicenses } from "../graph/user-vpp-licenses.js";
import {
  getUser,
  searchUsersPage,
  userCursorOf,
  userPageFromCursor,
  userSearchExpression,
} from "../graph/users.js";
import { InputError } from "../errors.js";
import { parseRequest } from "../http/parse-request.js";
import { sendJson } from "../http/send-json.js";
import { PerUserViewCache } from "./per-user-view-cache.js";

const DEFAULT_USER_PAGE_SIZE = 50;

/** Query strings arrive as text: the page size is coerced here, the contract types a number. */
const SearchQuerySchema = UserSearchQuerySchema.extend({
  limit: z.coerce.number().int().min(1).max(MAX_USER_PAGE_SIZE).optional(),
});

/**
 * Users (DESIGN §1 S3): search, one user, their devices and VPP licenses. Retiring all their
 * devices is a kind (actions/kinds/user-retire-all-devices.ts), mounted by the action routes.
 */
export const usersRouter = (
  graph: GraphGateway,
  viewCache: PerUserViewCache = new PerUserViewCache(0),
): Router =>
  Router()
    .get("/users", requirePermission("console:read"), async (req, res) => {
      const query = parseRequest(SearchQuerySchema, req, "query");
      let next: { query: Record<string, string> } | undefined;
      if (query.cursor !== undefined) {
        next = userPageFromCursor(query.cursor);
        // A cursor continues the search it came from, not another one typed since.
        if (next === undefined || next.query.$search !== userSearchExpression(query.search)) {
          throw new InputError("The cursor does not continue a user search.", [
            { path: "query.cursor", message: "is not a cursor of a user search" },
          ]);
        }
      }
      const page = await searchUsersPage(
        graph,
        userOf(req),
        next === undefined
          ? { first: { search: query.search, top: query.limit ?? DEFAULT_USER_PAGE_SIZE } }
          : { next },
      );
      const cursor = userCursorOf(page.next);
      sendJson(res, UserSearchResultSchema, {
        items: page.items,
        ...(page.count === undefined ? {} : { count: page.count }),
        ...(cursor === undefined ? {} : { cursor }),
      });
    })
    .get("/users/:id", requirePermission("console:read"), async (req, res) => {
      const { id } = parseRequest(UserParamsSchema, req, "params");
      sendJson(res, UserDetailSchema, await getUser(graph, userOf(req), id));
    })
    .get("/users/:id/devices", requirePermission("console:read"), async (req, res) => {
      const { id } = parseRequest(UserParamsSchema, req, "params");
      sendJson(res, ManagedDeviceListSchema, {
        items: await listUserDevices(graph, userOf(req), id),
      });
    })
    .get("/users/:id/vpp-licenses", requirePermission("console:read"), async (req, res) => {
      const { id } = parseRequest(UserParamsSchema, req, "params");
      const user = userOf(req);
      const view = await viewCache.getOrLoad(
        user.oid,
        `vpp-licenses:${id.toLowerCase()}`,
        async () => {
          // An unknown user is a 404 before any license is read, not an empty list.
          await getUser(graph, user, id);
          return listUserVppLicenses(graph, user, id);
        },
      );
      sendJson(res, UserVppLicenseListSchema, view);
    });
