import type { ConsoleEvent } from "@ihc/contracts";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import type {
  EventAudience,
  EventBus,
  EventListener,
  PublishedEvent,
} from "../actions/event-bus.js";
import type { RedisConnection } from "./redis-connection.js";

export interface RedisEventBusOptions {
  /** Events the stream keeps (approximately: `XADD MAXLEN ~`) for streams that reconnect. */
  capacity?: number;
  /** How long one `XREAD BLOCK` waits before it asks again (and notices a close). */
  blockMs?: number;
}

/**
 * Ids are one counter for the whole cluster: the script takes the next number and appends the
 * event under the stream id `0-<number>` in one step, so ids rise in the order events enter the
 * stream whichever instance publishes them, and stay plain integers for `Last-Event-ID`.
 */
const PUBLISH = `
local id = redis.call('INCR', KEYS[2])
redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '0-' .. id, 'e', ARGV[2])
return id
`;

type StreamEntry = [id: string, fields: string[]];

/**
 * The event bus of a BFF among several (ADR 0020): every event goes to one Redis Stream, and
 * every instance reads that stream (`XREAD BLOCK`) and hands each event to its own open
 * streams, which apply the per-user visibility rules as in-process. An instance's own events
 * come back to it the same way, so all instances see one order.
 */
export class RedisEventBus implements EventBus {
  private readonly listeners = new Set<EventListener>();
  private readonly reader: Redis;
  private readonly streamKey: string;
  private readonly counterKey: string;
  private readonly capacity: number;
  private readonly blockMs: number;
  private closed = false;
  private readonly loop: Promise<void>;

  constructor(
    private readonly redis: RedisConnection,
    private readonly logger: Pick<Logger, "warn" | "error">,
    options: RedisEventBusOptions = {},
  ) {
    this.streamKey = redis.key("events");
    this.counterKey = redis.key("events:id");
    this.capacity = options.capacity ?? 10_000;
    this.blockMs = options.blockMs ?? 2_000;
    this.reader = redis.reader("events");
    this.loop = this.read();
  }

  publish(event: ConsoleEvent, audience: EventAudience): void {
    const payload = JSON.stringify({ event, audience });
    // Sent in order on one connection; the journal write it reports has already happened, so a
    // lost event costs a stream a live update, which it re-reads on its next reconnect.
    this.redis.commands
      .eval(PUBLISH, 2, this.streamKey, this.counterKey, String(this.capacity), payload)
      .catch((error: unknown) => {
        this.logger.warn({ err: error, event: event.type }, "An event could not reach Redis");
      });
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async since(lastEventId: number): Promise<PublishedEvent[]> {
    const entries = (await this.redis.commands.xrevrange(
      this.streamKey,
      "+",
      `0-${lastEventId + 1}`,
      "COUNT",
      this.capacity,
    )) as StreamEntry[];
    return entries.reverse().flatMap((entry) => decode(entry) ?? []);
  }

  get subscriberCount(): number {
    return this.listeners.size;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.reader.disconnect();
    await this.loop;
  }

  /** Read through a method: `close()` sets it while the loop awaits. */
  private isClosed(): boolean {
    return this.closed;
  }

  /** Reads the stream from its end at start, and hands each new event to the listeners. */
  private async read(): Promise<void> {
    let lastId: string | undefined;
    while (!this.isClosed()) {
      try {
        if (this.reader.status === "wait") await this.reader.connect();
        if (lastId === undefined) {
          const newest = (await this.reader.xrevrange(
            this.streamKey,
            "+",
            "-",
            "COUNT",
            1,
          )) as StreamEntry[];
          lastId = newest[0]?.[0] ?? "0-0";
        }
        const answer = await this.reader.xread(
          "COUNT",
          500,
          "BLOCK",
          this.blockMs,
          "STREAMS",
          this.streamKey,
          lastId,
        );
        for (const entry of answer?.[0]?.[1] ?? []) {
          lastId = entry[0];
          const published = decode(entry);
          if (published === undefined) continue;
          for (const listener of this.listeners) listener(published);
        }
      } catch (error) {
        if (this.isClosed()) return;
        this.logger.warn({ err: error }, "Reading shared events from Redis failed; retrying");
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  }
}

const decode = ([id, fields]: StreamEntry): PublishedEvent | undefined => {
  const payload = fields[fields.indexOf("e") + 1];
  const seq = Number(id.split("-")[1]);
  if (payload === undefined || !Number.isInteger(seq)) return undefined;
  try {
    const { event, audience } = JSON.parse(payload) as {
      event: ConsoleEvent;
      audience: EventAudience;
    };
    return { id: seq, event, audience };
  } catch {
    return undefined;
  }
};
