import { ActionListSchema, ActionRecordSchema } from "@ihc/contracts";
import { Router, type Request } from "express";
import { z } from "zod";
import { toActionRecord, type ActionJournal } from "../actions/action-journal.js";
import { userOf } from "../auth/authenticate.js";
import { requirePermission } from "../auth/require-permission.js";
import { permissionsFor } from "../auth/roles.js";
import { NotFoundError } from "../errors.js";
import { parseRequest } from "../http/parse-request.js";
import { sendJson } from "../http/send-json.js";

const ListQuerySchema = z
  .object({
    cursor: z.uuid().optional(),
    targetId: z.string().max(100).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

const ParamsSchema = z.object({ id: z.uuid() }).strict();

/** Whose records the caller sees: their own, or everyone's with Activity.ReadAll. */
const actorFilter = (req: Request): string | undefined => {
  const user = userOf(req);
  return permissionsFor(user.roles).includes("activity:read-all") ? undefined : user.oid;
};

/** The journal, read: `GET /api/actions` (newest first, paged) and `GET /api/actions/:id`. */
export const actionsRouter = (journal: ActionJournal): Router =>
  Router()
    .get("/actions", requirePermission("console:read"), async (req, res) => {
      const query = parseRequest(ListQuerySchema, req, "query");
      const actorOid = actorFilter(req);
      const items = await journal.list({
        limit: query.limit,
        ...(actorOid === undefined ? {} : { actorOid }),
        ...(query.targetId === undefined ? {} : { targetId: query.targetId }),
        ...(query.cursor === undefined ? {} : { before: query.cursor }),
      });
      const last = items.at(-1);
      sendJson(res, ActionListSchema, {
        items: items.map(toActionRecord),
        ...(items.length === query.limit && last ? { cursor: last.id } : {}),
      });
    })
    .get("/actions/:id", requirePermission("console:read"), async (req, res) => {
      const { id } = parseRequest(ParamsSchema, req, "params");
      const record = await journal.get(id);
      const actorOid = actorFilter(req);
      if (!record || (actorOid !== undefined && record.actor.oid !== actorOid)) {
        throw new NotFoundError("No such action, or it is not yours to see.");
      }
      sendJson(res, ActionRecordSchema, toActionRecord(record));
    });
