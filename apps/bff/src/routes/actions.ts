import { ActionFilterSchema, ActionListSchema, ActionRecordSchema } from "@ihc/contracts";
import { Router } from "express";
import { z } from "zod";
import { toActionRecord, type ActionJournal } from "../actions/action-journal.js";
import { requirePermission } from "../auth/require-permission.js";
import { NotFoundError } from "../errors.js";
import { parseRequest } from "../http/parse-request.js";
import { sendJson } from "../http/send-json.js";
import { journalQueryOf, visibleActor } from "./action-filter-query.js";
import { exportActions } from "./actions-export.js";

const ListQuerySchema = ActionFilterSchema.extend({
  cursor: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
}).strict();

const ParamsSchema = z.object({ id: z.uuid() }).strict();

/**
 * The journal, read: `GET /api/actions` (filtered in the store, by creation time, paged),
 * its exports, and `GET /api/actions/:id`.
 */
export const actionsRouter = (journal: ActionJournal): Router =>
  Router()
    .get("/actions", requirePermission("console:read"), async (req, res) => {
      const { cursor, limit, ...filter } = parseRequest(ListQuerySchema, req, "query");
      const items = await journal.list({
        ...journalQueryOf(req, filter),
        limit,
        ...(cursor === undefined ? {} : { before: cursor }),
      });
      const last = items.at(-1);
      sendJson(res, ActionListSchema, {
        items: items.map(toActionRecord),
        ...(items.length === limit && last ? { cursor: last.id } : {}),
      });
    })
    .get("/actions/export.csv", requirePermission("console:read"), (req, res) =>
      exportActions(journal, req, res, "csv"),
    )
    .get("/actions/export.jsonl", requirePermission("console:read"), (req, res) =>
      exportActions(journal, req, res, "jsonl"),
    )
    .get("/actions/:id", requirePermission("console:read"), async (req, res) => {
      const { id } = parseRequest(ParamsSchema, req, "params");
      const record = await journal.get(id);
      const actorOid = visibleActor(req);
      if (!record || (actorOid !== undefined && record.actor.oid !== actorOid)) {
        throw new NotFoundError("No such action, or it is not yours to see.");
      }
      sendJson(res, ActionRecordSchema, toActionRecord(record));
    });
