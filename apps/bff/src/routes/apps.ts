import {
  AppAssignmentListSchema,
  AssignedLicenseListQuerySchema,
  AssignedLicenseListSchema,
  IosVppAppListQuerySchema,
  IosVppAppListSchema,
  IosVppAppParamsSchema,
  IosVppAppSchema,
  MAX_LICENSE_PAGE_SIZE,
} from "@ihc/contracts";
import { Router } from "express";
import { z } from "zod";
import { userOf } from "../auth/authenticate.js";
import { requirePermission } from "../auth/require-permission.js";
import { InputError } from "../errors.js";
import { listAppAssignments } from "../graph/app-assignments.js";
import { getIosVppApp } from "../graph/get-ios-vpp-app.js";
import { GraphError } from "../graph/graph-error.js";
import type { GraphGateway } from "../graph/graph-gateway.js";
import {
  licenseCursorOf,
  licensePageFromCursor,
  listAssignedLicensesPage,
  listIosVppApps,
} from "../graph/ios-vpp-apps.js";
import { licenseSearchFor } from "../graph/license-search.js";
import { parseRequest } from "../http/parse-request.js";
import { sendJson } from "../http/send-json.js";
import { exportAppLicenses } from "./app-licenses-export.js";

const DEFAULT_LICENSE_PAGE_SIZE = 100;

/** Query strings arrive as text: the page size is coerced here, the contract types a number. */
const LicenseListQuerySchema = AssignedLicenseListQuerySchema.extend({
  limit: z.coerce.number().int().min(1).max(MAX_LICENSE_PAGE_SIZE).optional(),
});

/**
 * iOS VPP apps: the list, one app, its assignments (group names and member counts) and its
 * assigned licenses (paged). Their revokes — per user,
 * per device, all, and many at once — are kinds (actions/kinds/app-*.ts), mounted by the action
 * routes.
 */
export const appsRouter = (graph: GraphGateway): Router => {
  return Router()
    .get("/apps", requirePermission("console:read"), async (req, res) => {
      const query = parseRequest(IosVppAppListQuerySchema, req, "query");
      const apps = await listIosVppApps(graph, userOf(req), { vppTokenId: query.vppTokenId });
      const needle = query.search?.toLowerCase() ?? "";
      sendJson(res, IosVppAppListSchema, {
        items:
          needle === ""
            ? apps
            : apps.filter((app) =>
                [app.displayName, app.publisher, app.bundleId].some((value) =>
                  value?.toLowerCase().includes(needle),
                ),
              ),
      });
    })
    .get("/apps/:id", requirePermission("console:read"), async (req, res) => {
      const { id } = parseRequest(IosVppAppParamsSchema, req, "params");
      sendJson(res, IosVppAppSchema, await getIosVppApp(graph, userOf(req), id));
    })
    .get("/apps/:id/assignments", requirePermission("console:read"), async (req, res) => {
      const { id } = parseRequest(IosVppAppParamsSchema, req, "params");
      sendJson(res, AppAssignmentListSchema, await listAppAssignments(graph, userOf(req), id));
    })
    .get("/apps/:id/licenses", requirePermission("console:read"), async (req, res) => {
      const { id } = parseRequest(IosVppAppParamsSchema, req, "params");
      const query = parseRequest(LicenseListQuerySchema, req, "query");
      const user = userOf(req);
      let next: { query: Record<string, string> } | undefined;
      if (query.cursor !== undefined) {
        next = licensePageFromCursor(query.cursor, id);
        if (next === undefined) {
          throw new InputError("The cursor does not continue this app's licenses.", [
            { path: "query.cursor", message: "is not a cursor of this app's licenses" },
          ]);
        }
      }
      let page;
      try {
        // The serial lookup sits inside the try: a 404 of the app still says what it is.
        page = await listAssignedLicensesPage(
          graph,
          user,
          id,
          next === undefined
            ? {
                first: {
                  top: query.limit ?? DEFAULT_LICENSE_PAGE_SIZE,
                  search: await licenseSearchFor(graph, user, query.search),
                },
              }
            : { next },
        );
      } catch (error) {
        // Behind the iosVppApp cast, an app of another type is a 404: say what it really is.
        if (error instanceof GraphError && error.status === 404)
          await getIosVppApp(graph, user, id);
        throw error;
      }
      const cursor = licenseCursorOf(page.next);
      sendJson(res, AssignedLicenseListSchema, {
        items: page.items,
        ...(cursor === undefined ? {} : { cursor }),
      });
    })
    .get("/apps/:id/licenses/export.csv", requirePermission("console:read"), async (req, res) => {
      await exportAppLicenses(graph, req, res);
    });
};
