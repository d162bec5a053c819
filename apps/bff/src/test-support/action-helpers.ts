import { randomUUID } from "node:crypto";
import {
  ActionRecordSchema,
  ConsoleEventSchema,
  VppTokenListSchema,
  type ActionRecord,
  type ConsoleEvent,
  type VppToken,
} from "@ihc/contracts";
import { isStillOpen } from "../actions/action-pipeline.js";
import type { Stack } from "./start-stack.js";

/** POSTs an action as the SPA does: JSON body and a fresh (or given) Idempotency-Key. */
export const postAction = (
  stack: Stack,
  path: string,
  token: string,
  body: unknown,
  key: string = randomUUID(),
): Promise<Response> =>
  stack.fetch(path, {
    method: "POST",
    token,
    headers: { "content-type": "application/json", "idempotency-key": key },
    body: JSON.stringify(body),
  });

export const readAction = async (stack: Stack, id: string, token: string) => {
  const response = await stack.fetch(`/api/actions/${id}`, { token });
  if (response.status !== 200) throw new Error(`GET action ${id}: ${response.status}`);
  return ActionRecordSchema.parse(await response.json());
};

/** Polls the journal until the record satisfies `done` (or fails the test after `timeoutMs`). */
export const waitForAction = async (
  stack: Stack,
  id: string,
  token: string,
  done: (record: ActionRecord) => boolean,
  timeoutMs = 15_000,
): Promise<ActionRecord> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const record = await readAction(stack, id, token);
    if (done(record)) return record;
    if (Date.now() > deadline) {
      throw new Error(`Action ${id} did not get there: ${JSON.stringify(record)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

export const listTokens = async (stack: Stack, token: string): Promise<VppToken[]> => {
  const response = await stack.fetch("/api/vpp-tokens", { token });
  return VppTokenListSchema.parse(await response.json()).items;
};

/** A token in the given state, with at least one app (the simulator seeds several). */
export const tokenInState = async (
  stack: Stack,
  token: string,
  state: VppToken["state"],
): Promise<VppToken> => {
  const found = (await listTokens(stack, token)).find((t) => t.state === state);
  if (!found) throw new Error(`The simulator has no VPP token in state ${state}`);
  return found;
};

export interface EventReader {
  events: { id: string | undefined; event: ConsoleEvent }[];
  waitFor(match: (event: ConsoleEvent) => boolean, timeoutMs?: number): Promise<ConsoleEvent>;
  close(): void;
}

/** Reads `GET /api/events` with fetch (as the SPA does: EventSource cannot send a bearer). */
export const openEvents = async (
  stack: Stack,
  token: string,
  lastEventId?: string,
): Promise<EventReader> => {
  const abort = new AbortController();
  const response = await fetch(`${stack.bffUrl}/api/events`, {
    headers: {
      authorization: `Bearer ${token}`,
      ...(lastEventId === undefined ? {} : { "last-event-id": lastEventId }),
    },
    signal: abort.signal,
  });
  if (response.status !== 200 || !response.body) {
    throw new Error(`GET /api/events: ${response.status}`);
  }
  const events: EventReader["events"] = [];
  const waiters = new Set<() => void>();
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = "";
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const id = /^id: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (data === undefined) continue;
          events.push({ id, event: ConsoleEventSchema.parse(JSON.parse(data)) });
          for (const wake of waiters) wake();
        }
      }
    } catch {
      // aborted
    }
  })();
  return {
    events,
    waitFor: (match, timeoutMs = 15_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = events.find((e) => match(e.event));
          if (found) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(found.event);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error("No matching event in time"));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    close: () => {
      abort.abort();
    },
  };
};

/**
 * Waits until no action holds its target any more (at most one open action per target and
 * kind, issue #12): tests that act on the same target one after another wait for the last.
 */
export const waitForNoOpenAction = async (stack: Stack, timeoutMs = 15_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = (await stack.deps.actions.journal.listOpen()).filter(isStillOpen);
    if (open.length === 0) return;
    if (Date.now() > deadline) {
      throw new Error(`Actions still open: ${open.map((r) => `${r.kind} ${r.state}`).join(", ")}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};
