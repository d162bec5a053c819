import { Router } from "express";
import type { EventBus } from "../actions/event-bus.js";
import { streamEvents, type EventStreamOptions } from "../actions/event-stream.js";
import { userOf } from "../auth/authenticate.js";
import { requirePermission } from "../auth/require-permission.js";
import { permissionsFor } from "../auth/roles.js";

/** `GET /api/events`: the console's live events as SSE, filtered for the caller. */
export const eventsRouter = (bus: EventBus, options?: EventStreamOptions): Router =>
  Router().get("/events", requirePermission("console:read"), (req, res) => {
    const user = userOf(req);
    streamEvents(
      req,
      res,
      bus,
      { oid: user.oid, seesAll: permissionsFor(user.roles).includes("activity:read-all") },
      options,
    );
  });
