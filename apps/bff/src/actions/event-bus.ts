import type { ConsoleEvent } from "@ihc/contracts";

/** Who may see an event: the actor of an action, or everyone with the right to see all. */
export interface EventAudience {
  /** The oid of the user the event concerns; undefined = anyone who may read the console. */
  actorOid?: string;
}

export interface PublishedEvent {
  id: number;
  event: ConsoleEvent;
  audience: EventAudience;
}

export type EventListener = (published: PublishedEvent) => void;

/**
 * Fan-out of console events to the open event streams. In-process by default; behind this
 * interface a Redis-backed bus (cluster/redis-event-bus.ts, ADR 0020) lets several BFF
 * instances share events, with ids issued cluster-wide so `Last-Event-ID` works on any of them.
 */
export interface EventBus {
  /** Sends the event to every subscriber (of every instance); ids rise in publishing order. */
  publish(event: ConsoleEvent, audience: EventAudience): void;
  subscribe(listener: EventListener): () => void;
  /** Events after `lastEventId` still held, oldest first, for a stream that reconnects. */
  since(lastEventId: number): PublishedEvent[] | Promise<PublishedEvent[]>;
  /** Stops reading shared events (shutdown); in-process, nothing to stop. */
  close?(): Promise<void>;
}

/** Keeps the last `capacity` events so a reconnecting stream misses nothing recent. */
export class InProcessEventBus implements EventBus {
  private nextId = 1;
  private readonly recent: PublishedEvent[] = [];
  private readonly listeners = new Set<EventListener>();

  constructor(private readonly capacity = 1000) {}

  publish(event: ConsoleEvent, audience: EventAudience): PublishedEvent {
    const published = { id: this.nextId++, event, audience };
    this.recent.push(published);
    if (this.recent.length > this.capacity) this.recent.shift();
    for (const listener of this.listeners) listener(published);
    return published;
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  since(lastEventId: number): PublishedEvent[] {
    return this.recent.filter((e) => e.id > lastEventId);
  }

  get subscriberCount(): number {
    return this.listeners.size;
  }
}
