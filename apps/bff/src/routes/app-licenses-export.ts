import { once } from "node:events";
import {
  AssignedLicenseExportQuerySchema,
  CSV_BOM,
  CSV_CONTENT_TYPE,
  csvLine,
  IosVppAppParamsSchema,
  LICENSE_EXPORT_COLUMNS,
  licenseExportRow,
  MAX_LICENSE_PAGE_SIZE,
  sortLicenses,
  type AssignedLicense,
} from "@ihc/contracts";
import type { Request, Response } from "express";
import { userOf } from "../auth/authenticate.js";
import { getIosVppApp } from "../graph/get-ios-vpp-app.js";
import type { GraphGateway } from "../graph/graph-gateway.js";
import { licenseSearchFor } from "../graph/license-search.js";
import {
  licenseCursorOf,
  licensePageFromCursor,
  listAssignedLicensesPage,
} from "../graph/ios-vpp-apps.js";
import { parseRequest } from "../http/parse-request.js";

/**
 * `GET /api/apps/:id/licenses/export.csv` (issue #18, 2): every license the list's search
 * selects, read from Graph a page (999) at a time and written as each page arrives, waiting
 * for the client to drain; one page is all it holds, whatever the app's size (20,000 licenses
 * and more). The app is read first, so a wrong id is a clear 404 before the first byte; a
 * failure after it cuts the connection, so a broken export never looks complete.
 *
 * With `sort` the file follows the order the list shows when sorted (ADR 0032): every page is
 * read first and sorted with the list's own comparator, so that export holds the licenses in
 * memory (a few hundred bytes each) and starts writing only when Graph has answered them all.
 */
export const exportAppLicenses = async (
  graph: GraphGateway,
  req: Request,
  res: Response,
): Promise<void> => {
  const { id } = parseRequest(IosVppAppParamsSchema, req, "params");
  const { search, sort, dir } = parseRequest(AssignedLicenseExportQuerySchema, req, "query");
  const user = userOf(req);
  await getIosVppApp(graph, user, id);
  const first = {
    first: { top: MAX_LICENSE_PAGE_SIZE, search: await licenseSearchFor(graph, user, search) },
  };
  const stamp = new Date().toISOString().slice(0, 10);
  res.status(200);
  res.setHeader("Content-Type", CSV_CONTENT_TYPE);
  res.setHeader("Content-Disposition", `attachment; filename="app-licenses-${stamp}.csv"`);
  res.setHeader("Cache-Control", "no-store");
  const write = async (chunk: string): Promise<void> => {
    if (!res.write(chunk)) await once(res, "drain");
  };
  try {
    await write(CSV_BOM + csvLine(LICENSE_EXPORT_COLUMNS));
    const held: AssignedLicense[] = [];
    let page = await listAssignedLicensesPage(graph, user, id, first);
    for (;;) {
      if (sort !== undefined) held.push(...page.items);
      else if (page.items.length > 0)
        await write(page.items.map(licenseExportRow).map(csvLine).join(""));
      if (page.next === undefined || res.destroyed) break;
      const next = licensePageFromCursor(licenseCursorOf(page.next) ?? "", id);
      // Graph's own nextLink, checked like a cursor: never followed elsewhere in Graph.
      if (next === undefined) throw new Error(`Unexpected nextLink of licenses: ${page.next}`);
      page = await listAssignedLicensesPage(graph, user, id, { next });
    }
    if (sort !== undefined) {
      const sorted = sortLicenses(held, sort, dir ?? "ascending");
      for (let at = 0; at < sorted.length && !res.destroyed; at += MAX_LICENSE_PAGE_SIZE) {
        const slice = sorted.slice(at, at + MAX_LICENSE_PAGE_SIZE);
        await write(slice.map(licenseExportRow).map(csvLine).join(""));
      }
    }
    res.end();
  } catch (error) {
    // The request line (http/request-logging.ts) logs `res.err`; the client sees a cut download.
    res.err = error instanceof Error ? error : new Error(String(error));
    res.destroy();
  }
};
