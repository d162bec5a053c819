import type { Server } from "node:http";
import type { ActionServices } from "./actions/action-services.js";

export interface ShutdownOptions {
  /** How long requests in progress (and Graph calls in flight) may take to finish. */
  graceMs: number;
}

/**
 * Stops the BFF in the one order that loses nothing: stop accepting; end event streams at once
 * (clients reconnect elsewhere, or after the restart, with `Last-Event-ID`); let requests and
 * in-flight Graph calls finish and journal their outcome — one cut off by the grace stays `sent`
 * and is settled as `unknown` after the restart; stop watchers and queues, and wait until none
 * of them can write; close the journal last.
 */
export async function shutDown(
  server: Server,
  actions: ActionServices,
  { graceMs }: ShutdownOptions,
): Promise<void> {
  const closed = new Promise<void>((resolve) => {
    server.close(() => {
      resolve();
    });
  });
  actions.streams.endAll();
  server.closeIdleConnections();
  await within(graceMs, closed);
  server.closeAllConnections();
  await closed;
  // A run whose client went away still awaits Graph: its outcome is journaled before closing.
  await actions.pipeline.idle(graceMs);
  await actions.stop();
  await actions.journal.close();
}

const within = async (ms: number, work: Promise<void>): Promise<void> => {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([work, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
};
