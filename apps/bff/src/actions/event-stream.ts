import type { Request, Response } from "express";
import type { ConsoleEvent } from "@ihc/contracts";
import type { EventBus, PublishedEvent } from "./event-bus.js";

export interface EventStreamViewer {
  oid: string;
  /** May see every actor's actions (the auditor, the senior agent). */
  seesAll: boolean;
  /**
   * When the token that opened the stream expires (ms since the epoch): the stream ends then,
   * and the client reconnects with a fresh token, resuming from its last id (issue #17, 2).
   */
  expiresAt?: number;
}

export interface EventStreamOptions {
  heartbeatMs?: number;
  /**
   * A client that lets this much go unread is cut off (cleanly: the stream ends, and the client
   * resumes from the last id it received). Bounds what one client can make the BFF hold.
   */
  maxBacklogBytes?: number;
  /** At most this many events are replayed after `Last-Event-ID`; an older gap is re-read. */
  maxReplayEvents?: number;
  /** At most this many open streams per user; a new one closes that user's oldest. */
  maxStreamsPerUser?: number;
}

/** Whether this viewer may see the event (DESIGN §5: an agent sees their own actions). */
export const mayView = (viewer: EventStreamViewer, published: PublishedEvent): boolean =>
  published.audience.actorOid === undefined ||
  viewer.seesAll ||
  published.audience.actorOid === viewer.oid;

const frame = (published: PublishedEvent): string =>
  `id: ${published.id}\nevent: ${published.event.type}\ndata: ${JSON.stringify(published.event)}\n\n`;

/**
 * Serves `GET /api/events` as Server-Sent Events: replays what a reconnecting client missed
 * (`Last-Event-ID`, bounded, written as the client reads it), then streams live events with
 * ids, with a heartbeat so proxies keep the connection. The moment the stream ends — the client
 * went, the socket failed, or the client fell `maxBacklogBytes` behind — nothing more is written
 * and it unsubscribes (Backstage scaffolder `eventstream`). Nothing a client does can make a
 * write land on an ended response.
 */
export function streamEvents(
  req: Request,
  res: Response,
  bus: EventBus,
  viewer: EventStreamViewer,
  options: EventStreamOptions = {},
  onEnd?: () => void,
): () => void {
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const maxBacklogBytes = options.maxBacklogBytes ?? 1_000_000;
  const maxReplayEvents = options.maxReplayEvents ?? 500;

  let ended = false;
  /** Read through a function: `end` runs from event handlers while the replay below awaits. */
  const isEnded = () => ended;
  let unsubscribe = () => {};
  // `send` is defined below; the first beat comes long after.
  const heartbeat = setInterval(() => {
    const event: ConsoleEvent = { type: "heartbeat", at: new Date().toISOString() };
    send(`event: heartbeat\ndata: ${JSON.stringify(event)}\n\n`);
  }, heartbeatMs);
  heartbeat.unref();
  // A stream never outlives the token that opened it: a token refused elsewhere after its
  // expiry must not keep receiving events here.
  const expiry =
    viewer.expiresAt === undefined
      ? undefined
      : setTimeout(
          () => {
            end();
          },
          Math.max(0, viewer.expiresAt - Date.now()),
        );
  expiry?.unref();

  /**
   * Ends the stream once. A client that is too far behind is cut off (its backlog would never
   * drain); any other end lets what was written reach it.
   */
  const end = (cut = false) => {
    if (ended) return;
    ended = true;
    clearInterval(heartbeat);
    clearTimeout(expiry);
    unsubscribe();
    onEnd?.();
    if (cut) res.destroy();
    else if (!res.writableEnded && !res.destroyed) res.end();
  };
  /** Writes unless the stream has ended; ends it when the client is too far behind. */
  const send = (text: string): boolean => {
    if (ended) return false;
    if (res.writableEnded || res.destroyed) {
      end();
      return false;
    }
    const more = res.write(text);
    if (res.writableLength > maxBacklogBytes) end(true);
    return more && !ended;
  };

  const gone = () => {
    end(true);
  };
  res.on("error", gone);
  res.on("close", gone);
  req.on("close", gone);

  res.status(200);
  res.setHeader("Content-Type", "text/event-stream; charset=utf-8");
  res.setHeader("Cache-Control", "no-cache, no-transform");
  res.setHeader("Connection", "keep-alive");
  res.setHeader("X-Accel-Buffering", "no");
  res.flushHeaders();
  send("retry: 2000\n\n");

  // Live events that arrive while the replay is still being read or written wait behind it, in
  // order; an event both replayed and live (the shared bus reads replays from Redis while live
  // ones arrive) is sent once, by id.
  let replaying = true;
  let lastSentId = 0;
  const waiting: PublishedEvent[] = [];
  const sendEvent = (published: PublishedEvent): boolean => {
    if (published.id <= lastSentId) return true;
    lastSentId = published.id;
    return send(frame(published));
  };
  const live = (published: PublishedEvent) => {
    if (!mayView(viewer, published)) return;
    if (!replaying) {
      sendEvent(published);
      return;
    }
    waiting.push(published);
    if (waiting.length > maxReplayEvents) end(true);
  };
  unsubscribe = bus.subscribe(live);

  const lastEventId = Number(req.get("last-event-id") ?? Number.NaN);
  void (async () => {
    const missed =
      Number.isInteger(lastEventId) && lastEventId >= 0
        ? (await bus.since(lastEventId)).filter((published) => mayView(viewer, published))
        : [];
    // Further behind than we replay: the client re-reads what it shows anyway after a gap (the
    // SPA refreshes every list it read before the stream reopened), so only the newest are sent.
    const replay = missed.slice(-maxReplayEvents);
    for (const published of [...replay, ...waiting.splice(0)]) {
      if (isEnded()) return;
      if (!sendEvent(published) && !isEnded()) await drained(res);
    }
    // Drain whatever arrived during the last awaits, then go live.
    while (waiting.length > 0 && !isEnded()) sendEvent(waiting.shift() as PublishedEvent);
    replaying = false;
  })().catch(() => {
    // The shared bus could not be read: end the stream; the client reconnects and resumes.
    end();
  });
  return () => {
    end();
  };
}

/**
 * Every open event stream of this process, by user (oldest first), so that shutdown can end
 * them at once and one user cannot hold more than `maxStreamsPerUser` (issue #17, 2: one user
 * held 200). A console tab holds one; a few cover an agent's tabs.
 */
export class EventStreams {
  private readonly open = new Map<string, (() => void)[]>();

  constructor(
    private readonly bus: EventBus,
    private readonly options: EventStreamOptions = {},
  ) {}

  serve(req: Request, res: Response, viewer: EventStreamViewer): void {
    const mine = this.open.get(viewer.oid) ?? [];
    this.open.set(viewer.oid, mine);
    const end = streamEvents(req, res, this.bus, viewer, this.options, () => {
      const at = mine.indexOf(end);
      if (at >= 0) mine.splice(at, 1);
      if (mine.length === 0 && this.open.get(viewer.oid) === mine) this.open.delete(viewer.oid);
    });
    mine.push(end);
    const limit = this.options.maxStreamsPerUser ?? 5;
    while (mine.length > limit) mine[0]?.();
  }

  /** Ends every stream (shutdown): clients reconnect, to another instance or after the restart. */
  endAll(): void {
    for (const ends of [...this.open.values()]) for (const end of [...ends]) end();
    this.open.clear();
  }

  get count(): number {
    let count = 0;
    for (const ends of this.open.values()) count += ends.length;
    return count;
  }
}

/** Resolves when the response can take more, or has closed. */
const drained = (res: Response): Promise<void> =>
  new Promise((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.on("drain", done);
    res.on("close", done);
  });
