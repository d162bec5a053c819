import { randomUUID } from "node:crypto";
import { connect, type Socket } from "node:net";
import type { ActionRecord, ConsoleEvent } from "@ihc/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openEvents } from "../test-support/action-helpers.js";
import { startStack, type Stack } from "../test-support/start-stack.js";

/** A bulk record of `count` items, about 200 bytes each: what a large bulk's event once was. */
const bigRecord = (count: number): ActionRecord => {
  const now = new Date().toISOString();
  return {
    id: randomUUID(),
    kind: "app.revoke-licenses-bulk",
    idempotencyKey: randomUUID(),
    actor: { oid: randomUUID(), userPrincipalName: "someone@x", displayName: "Someone" },
    target: { type: "app", id: randomUUID(), displayName: "An app" },
    parameters: { notifyManagedDevices: false, licenseCount: count },
    state: "sent",
    items: Array.from({ length: count }, (_, i) => ({
      key: `device:${randomUUID()}`,
      kind: "device" as const,
      id: randomUUID(),
      label: `iPad ${i}`,
      state: "queued" as const,
      graph: { clientRequestId: randomUUID() },
    })),
    createdAt: now,
    updatedAt: now,
  };
};

/** Publishes `count` events of about `size` items each, as everyone's (an auditor sees them). */
const flood = (stack: Stack, count: number, size = 1000): void => {
  for (let i = 0; i < count; i++) {
    const event: ConsoleEvent = { type: "action", action: bigRecord(size) };
    stack.deps.actions.bus.publish(event, {});
  }
};

/** Opens /api/events on a raw socket and never reads from it: the slowest possible client. */
const openUnread = (stack: Stack, token: string, lastEventId?: string): Promise<Socket> =>
  new Promise((resolve, reject) => {
    const { hostname, port } = new URL(stack.bffUrl);
    const socket = connect({ host: hostname, port: Number(port) }, () => {
      socket.write(
        `GET /api/events HTTP/1.1\r\nHost: ${hostname}:${port}\r\n` +
          `Authorization: Bearer ${token}\r\n` +
          (lastEventId === undefined ? "" : `Last-Event-ID: ${lastEventId}\r\n`) +
          "\r\n",
      );
      socket.once("data", () => {
        // The headers came: from now on, read nothing.
        socket.pause();
        resolve(socket);
      });
    });
    socket.on("error", reject);
  });

const until = async (check: () => boolean, timeoutMs = 10_000): Promise<void> => {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe("GET /api/events under clients that do not keep up", () => {
  let stack: Stack;
  let auditor: string;
  beforeAll(async () => {
    stack = await startStack();
    auditor = await stack.tokenFor("auditor");
  });
  afterAll(() => stack.close());

  const stillAnswers = async () => {
    expect((await stack.fetch("/api/health")).status).toBe(200);
    expect((await stack.fetch("/api/me", { token: auditor })).status).toBe(200);
  };

  it("ends a stream whose client stops reading, and keeps serving everyone else", async () => {
    const socket = await openUnread(stack, auditor);
    try {
      await until(() => stack.deps.actions.streams.count === 1);
      // About 40 MB: far more than the socket buffers and the per-client backlog hold.
      for (let round = 0; round < 20; round++) {
        flood(stack, 10);
        await new Promise((resolve) => setImmediate(resolve));
      }
      await until(() => stack.deps.actions.streams.count === 0);
      await stillAnswers();
      const healthy = await openEvents(stack, auditor);
      flood(stack, 1, 1);
      await healthy.waitFor((e) => e.type === "action" && e.action.items?.length === 1);
      healthy.close();
    } finally {
      socket.destroy();
    }
  });

  it("lets a slow reader resume from its last id, missing nothing the bus still holds", async () => {
    const first = await openEvents(stack, auditor);
    const marker = (n: number): ConsoleEvent => ({ type: "action", action: bigRecord(n) });
    for (let n = 1; n <= 20; n++) stack.deps.actions.bus.publish(marker(n), {});
    await first.waitFor((e) => e.type === "action" && e.action.items?.length === 20);
    const seen = first.events.filter((e) => e.event.type === "action");
    const lastId = seen[9]?.id;
    first.close();
    // Reconnect as if only the first ten had arrived.
    const again = await openEvents(stack, auditor, lastId);
    try {
      await again.waitFor((e) => e.type === "action" && e.action.items?.length === 20);
      const sizes = again.events.flatMap((e) =>
        e.event.type === "action" ? [e.event.action.items?.length] : [],
      );
      expect(sizes).toEqual([11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    } finally {
      again.close();
    }
  });

  it(
    "survives a reconnect with Last-Event-ID: 0 after a large bulk, fast or unread",
    { timeout: 60_000 },
    async () => {
      flood(stack, 1000, 10);
      const unread = await openUnread(stack, auditor, "0");
      const fast = await openEvents(stack, auditor, "0");
      try {
        await until(() => fast.events.length >= 500, 30_000);
        // A bounded replay of the newest, in order, then live.
        const ids = fast.events.map((e) => Number(e.id));
        expect(ids).toEqual([...ids].sort((a, b) => a - b));
        expect(fast.events).toHaveLength(500);
        await stillAnswers();
        // Live events (about 22 MB) overflow what the unread client's socket holds: it is cut off.
        // The fast client reads each round before the next.
        for (let round = 1; round <= 50; round++) {
          flood(stack, 20, 100);
          await until(() => fast.events.length >= 500 + round * 20, 30_000);
        }
        await until(() => stack.deps.actions.streams.count === 1, 30_000);
        await stillAnswers();
      } finally {
        unread.destroy();
        fast.close();
      }
    },
  );

  it("ends every stream at shutdown, before the journal closes", async () => {
    const own = await startStack();
    const token = await own.tokenFor("agent");
    const reader = await openEvents(own, token);
    await until(() => own.deps.actions.streams.count === 1);
    const started = Date.now();
    await own.close();
    expect(own.deps.actions.streams.count).toBe(0);
    // Not held open until a grace ran out.
    expect(Date.now() - started).toBeLessThan(900);
    reader.close();
  });
});

describe("GET /api/events and the token that opened it (issue #17, 2)", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ env: { EVENT_STREAMS_PER_USER: "3" } });
  });
  afterAll(() => stack.close());

  /**
   * Resolves with the ms a raw stream stayed open, once the server ends it: the last chunk of
   * its chunked body arrives (the connection itself may stay open for the next request).
   */
  const closedAfter = (socket: Socket, openedAt: number): Promise<number> =>
    new Promise((resolve) => {
      const done = () => {
        resolve(Date.now() - openedAt);
      };
      if (socket.destroyed || socket.readableEnded) {
        done();
        return;
      }
      let tail = "";
      socket.on("data", (chunk: Buffer) => {
        tail = (tail + chunk.toString("latin1")).slice(-16);
        // The last chunk of a chunked body (RFC 9112 §7.1): "0", then an empty trailer.
        if (tail.endsWith("0\r\n\r\n")) done();
      });
      socket.once("close", done);
      socket.resume();
    });

  it("ends the stream when its token expires, though the token is still inside the clock skew", async () => {
    const token = await stack.tokenFor("agent", { lifetimeSeconds: 2 });
    const openedAt = Date.now();
    const socket = await openUnread(stack, token);
    const ms = await closedAfter(socket, openedAt);
    // Its exp is 2 s away; the validator would accept it for 60 s more (clock skew).
    expect(ms).toBeLessThan(30_000);
    // The client reconnects with a fresh token and is served again.
    const fresh = await openUnread(stack, await stack.tokenFor("agent"));
    expect(fresh.destroyed).toBe(false);
    fresh.destroy();
  });

  it("keeps at most EVENT_STREAMS_PER_USER streams per user, closing the oldest first", async () => {
    const token = await stack.tokenFor("senior");
    const other = await openUnread(stack, await stack.tokenFor("auditor"));
    const sockets: Socket[] = [];
    for (let i = 0; i < 5; i++) sockets.push(await openUnread(stack, token));
    const [first, second, ...rest] = sockets;
    if (first === undefined || second === undefined) throw new Error("not opened");
    await closedAfter(first, Date.now());
    await closedAfter(second, Date.now());
    await until(() => stack.deps.actions.streams.count === 4);
    for (const socket of rest) expect(socket.destroyed).toBe(false);
    expect(other.destroyed).toBe(false);
    for (const socket of [other, ...rest]) socket.destroy();
    await until(() => stack.deps.actions.streams.count === 0);
  });
});
