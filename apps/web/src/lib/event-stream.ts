import { api, ConsoleEventSchema } from "@ihc/contracts";
import type { QueryClient } from "@tanstack/react-query";
import { useEffect, useSyncExternalStore } from "react";
import { openApiStream } from "./api-client";
import { ApiError } from "./api-error";
import { applyConsoleEvent, refreshReadBefore } from "./console-event-cache";
import { SseParser } from "./sse-parser";

/**
 * `idle`: not started (signed out, or no `console:read`). `connecting`: the first attempt.
 * `connected`: events arrive as they happen. `reconnecting`: the stream dropped; what the page
 * shows may be behind until it is back. `stopped`: the server refused the stream for good.
 */
export type EventStreamStatus = "idle" | "connecting" | "connected" | "reconnecting" | "stopped";

/** Back-off between attempts: 1 s, 2 s, 4 s… up to 30 s, each with up to 50 % less, at random. */
export function reconnectDelay(attempt: number, baseMs: number, random = Math.random): number {
  const ceiling = Math.min(baseMs * 2 ** Math.max(0, attempt - 1), 30_000);
  return Math.round(ceiling * (0.5 + random() / 2));
}

/** The server sends a heartbeat every 15 s: this much silence means a dead connection. */
const SILENCE_LIMIT_MS = 45_000;
const DEFAULT_RETRY_MS = 1_000;

let status: EventStreamStatus = "idle";
const statusListeners = new Set<() => void>();

function setStatus(next: EventStreamStatus): void {
  if (status === next) return;
  status = next;
  for (const notify of statusListeners) notify();
}

/** The stream's state, for the header's discreet "Live" indicator. */
export function useEventStreamStatus(): EventStreamStatus {
  return useSyncExternalStore(
    (listener) => {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    () => status,
  );
}

interface Connection {
  client: QueryClient;
  users: number;
  controller: AbortController;
  stopTimer: number | undefined;
}

let connection: Connection | undefined;

/**
 * Starts this tab's one connection to `/api/events` (or joins it) and returns a function that
 * leaves it; the connection closes when its last user leaves.
 */
export function startEventStream(client: QueryClient): () => void {
  if (connection && connection.client !== client) {
    connection.controller.abort();
    connection = undefined;
  }
  if (!connection) {
    const controller = new AbortController();
    connection = { client, users: 0, controller, stopTimer: undefined };
    void run(client, controller.signal);
  }
  const current = connection;
  current.users += 1;
  window.clearTimeout(current.stopTimer);
  current.stopTimer = undefined;
  let left = false;
  return () => {
    if (left) return;
    left = true;
    current.users -= 1;
    if (current.users > 0) return;
    // A remount in the same tick (StrictMode, a route change) keeps the connection.
    current.stopTimer = window.setTimeout(() => {
      if (current.users > 0) return;
      current.controller.abort();
      if (connection === current) connection = undefined;
      setStatus("idle");
    }, 0);
  };
}

/** Keeps the event stream open while `enabled` (signed in with `console:read`). */
export function useEventStream(client: QueryClient, enabled: boolean): void {
  useEffect(() => (enabled ? startEventStream(client) : undefined), [client, enabled]);
}

async function run(client: QueryClient, signal: AbortSignal): Promise<void> {
  // Read through a function: the signal is aborted from outside while this loop awaits.
  const stopped = () => signal.aborted;
  let lastEventId: string | undefined;
  let retryMs = DEFAULT_RETRY_MS;
  let attempt = 0;
  let connectedBefore = false;
  while (!signal.aborted) {
    setStatus(connectedBefore || attempt > 0 ? "reconnecting" : "connecting");
    try {
      const attemptController = new AbortController();
      const abortAttempt = () => {
        attemptController.abort();
      };
      signal.addEventListener("abort", abortAttempt, { once: true });
      const attemptStartedAt = Date.now();
      try {
        const response = await openApiStream(api.events, {
          signal: attemptController.signal,
          headers: lastEventId === undefined ? undefined : { "Last-Event-ID": lastEventId },
        });
        setStatus("connected");
        // After a gap, whatever was read before may have missed events. On the first connection
        // only what was read before it began (usually nothing: the stream starts with the
        // shell), so a page load does not read everything twice.
        refreshReadBefore(client, connectedBefore ? Date.now() : attemptStartedAt);
        connectedBefore = true;
        await read(response, attemptController, {
          onEvent: (data, id) => {
            attempt = 0;
            if (id !== undefined) lastEventId = id;
            const parsed = ConsoleEventSchema.safeParse(safeJson(data));
            if (parsed.success) applyConsoleEvent(client, parsed.data);
            else console.warn("[events] ignored an event this version does not understand");
          },
          onRetry: (ms) => {
            retryMs = Math.max(ms, DEFAULT_RETRY_MS);
          },
        });
      } finally {
        signal.removeEventListener("abort", abortAttempt);
      }
    } catch (error) {
      if (stopped()) return;
      if (isPermanent(error)) {
        setStatus("stopped");
        return;
      }
      if (error instanceof ApiError && error.retryAfterSeconds !== undefined) {
        retryMs = Math.max(retryMs, Math.min(error.retryAfterSeconds, 60) * 1000);
      }
    }
    if (stopped()) return;
    attempt += 1;
    setStatus("reconnecting");
    await pause(reconnectDelay(attempt, retryMs), signal);
  }
}

/** Refusals another attempt cannot fix: no right to read the console, or sign-in under way. */
function isPermanent(error: unknown): boolean {
  return error instanceof ApiError && (error.code === "sign_in_required" || error.status === 403);
}

async function read(
  response: Response,
  controller: AbortController,
  handlers: {
    onEvent: (data: string, id: string | undefined) => void;
    onRetry: (ms: number) => void;
  },
): Promise<void> {
  if (!response.body) return;
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const parser = new SseParser({
    onMessage: (message) => {
      handlers.onEvent(message.data, message.id);
    },
    onRetry: handlers.onRetry,
  });
  let silence = window.setTimeout(() => {
    controller.abort();
  }, SILENCE_LIMIT_MS);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      window.clearTimeout(silence);
      if (done) return;
      silence = window.setTimeout(() => {
        controller.abort();
      }, SILENCE_LIMIT_MS);
      parser.push(value);
    }
  } finally {
    window.clearTimeout(silence);
    reader.releaseLock();
  }
}

/** Waits `ms`, or less when the browser comes back online or the stream is stopped. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      window.clearTimeout(timer);
      window.removeEventListener("online", done);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = window.setTimeout(done, ms);
    window.addEventListener("online", done);
    signal.addEventListener("abort", done);
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
