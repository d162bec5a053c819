import { Router } from "express";
import type { EventStreams } from "../actions/event-stream.js";
import { userOf } from "../auth/authenticate.js";
import { requirePermission } from "../auth/require-permission.js";
import { permissionsFor } from "../auth/roles.js";

/** `GET /api/events`: the console's live events as SSE, filtered for the caller. */
export const eventsRouter = (streams: EventStreams): Router =>
  Router().get("/events", requirePermission("console:read"), (req, res) => {
    const user = userOf(req);
    const exp = user.claims.exp;
    streams.serve(req, res, {
      oid: user.oid,
      seesAll: permissionsFor(user.roles).includes("activity:read-all"),
      ...(exp === undefined ? {} : { expiresAt: exp * 1000 }),
    });
  });
