import type { Request, Response } from "express";
import type { ConsoleEvent } from "@ihc/contracts";
import type { EventBus, PublishedEvent } from "./event-bus.js";

export interface EventStreamViewer {
  oid: string;
  /** May see every actor's actions (the auditor, the senior agent). */
  seesAll: boolean;
}

export interface EventStreamOptions {
  heartbeatMs?: number;
  /** A stream whose client reads slower than this backlog is closed; it reconnects and resumes. */
  maxBacklogBytes?: number;
}

/** Whether this viewer may see the event (DESIGN §5: an agent sees their own actions). */
export const mayView = (viewer: EventStreamViewer, published: PublishedEvent): boolean =>
  published.audience.actorOid === undefined ||
  viewer.seesAll ||
  published.audience.actorOid === viewer.oid;

/**
 * Serves `GET /api/events` as Server-Sent Events: replays what a reconnecting client missed
 * (`Last-Event-ID`), then streams live events with ids, with a heartbeat so proxies keep the
 * connection, and unsubscribes when the client goes (Backstage scaffolder `eventstream`).
 */
export function streamEvents(
  req: Request,
  res: Response,
  bus: EventBus,
  viewer: EventStreamViewer,
  options: EventStreamOptions = {},
): void {
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const maxBacklogBytes = options.maxBacklogBytes ?? 1_000_000;
  res.status(200);
  res.setHeader("Content-Type", "text/event-stream; charset=utf-8");
  res.setHeader("Cache-Control", "no-cache, no-transform");
  res.setHeader("Connection", "keep-alive");
  res.setHeader("X-Accel-Buffering", "no");
  res.flushHeaders();
  res.write("retry: 2000\n\n");

  const write = (published: PublishedEvent) => {
    if (!mayView(viewer, published)) return;
    res.write(`id: ${published.id}\nevent: ${published.event.type}\n`);
    res.write(`data: ${JSON.stringify(published.event)}\n\n`);
    if (res.writableLength > maxBacklogBytes) res.end();
  };

  const lastEventId = Number(req.get("last-event-id") ?? Number.NaN);
  if (Number.isInteger(lastEventId) && lastEventId >= 0) {
    for (const published of bus.since(lastEventId)) write(published);
  }
  const unsubscribe = bus.subscribe(write);
  const heartbeat = setInterval(() => {
    const event: ConsoleEvent = { type: "heartbeat", at: new Date().toISOString() };
    res.write(`event: heartbeat\ndata: ${JSON.stringify(event)}\n\n`);
  }, heartbeatMs);
  heartbeat.unref();

  const close = () => {
    clearInterval(heartbeat);
    unsubscribe();
  };
  req.on("close", close);
  res.on("close", close);
}
