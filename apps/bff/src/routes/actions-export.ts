import { once } from "node:events";
import {
  ACTION_EXPORT_COLUMNS,
  ActionFilterSchema,
  ActionRecordSchema,
  CSV_BOM,
  CSV_CONTENT_TYPE,
  csvLine,
} from "@ihc/contracts";
import type { Request, Response } from "express";
import { actionExportRows } from "../actions/action-export-rows.js";
import { toActionRecord, type ActionJournal } from "../actions/action-journal.js";
import { parseRequest } from "../http/parse-request.js";
import { journalQueryOf } from "./action-filter-query.js";

/** Records read per query: the memory an export holds at once, whatever its size. */
export const EXPORT_PAGE_SIZE = 200;

/**
 * `GET /api/actions/export.csv|jsonl` (issue #18, 2): the records Activity's filter selects,
 * streamed page by page through the store's cursor and written as they are read, waiting for
 * the client to drain (never the whole set in memory). A failure after the first byte cuts
 * the connection, so a broken export never looks like a complete one.
 */
export const exportActions = async (
  journal: ActionJournal,
  req: Request,
  res: Response,
  format: "csv" | "jsonl",
): Promise<void> => {
  const filter = parseRequest(ActionFilterSchema, req, "query");
  const query = journalQueryOf(req, filter);
  const stamp = new Date().toISOString().slice(0, 10);
  res.status(200);
  res.setHeader("Content-Type", format === "csv" ? CSV_CONTENT_TYPE : "application/x-ndjson");
  res.setHeader("Content-Disposition", `attachment; filename="activity-${stamp}.${format}"`);
  res.setHeader("Cache-Control", "no-store");
  const write = async (chunk: string): Promise<void> => {
    if (!res.write(chunk)) await once(res, "drain");
  };
  try {
    if (format === "csv") await write(CSV_BOM + csvLine(ACTION_EXPORT_COLUMNS));
    let before: string | undefined;
    for (;;) {
      if (res.destroyed) return;
      const page = await journal.list({
        ...query,
        limit: EXPORT_PAGE_SIZE,
        ...(before === undefined ? {} : { before }),
      });
      for (const stored of page) {
        const record = ActionRecordSchema.parse(toActionRecord(stored));
        await write(
          format === "csv"
            ? actionExportRows(record).map(csvLine).join("")
            : `${JSON.stringify(record)}\n`,
        );
      }
      if (page.length < EXPORT_PAGE_SIZE) break;
      before = page.at(-1)?.id;
    }
    res.end();
  } catch (error) {
    // The request line (http/request-logging.ts) logs `res.err`; the client sees a cut download.
    res.err = error instanceof Error ? error : new Error(String(error));
    res.destroy();
  }
};
