import { randomBytes } from "node:crypto";
import type { Options as RateLimitOptions } from "express-rate-limit";
import pino from "pino";
import { afterEach, expect, it } from "vitest";
import type { PublishedEvent } from "../actions/event-bus.js";
import { describeWithRedis, dropRedisPrefix, testRedisUrl } from "../test-support/needs-redis.js";
import { RedisConnection } from "./redis-connection.js";
import { RedisEventBus } from "./redis-event-bus.js";
import { RedisLeases } from "./redis-leases.js";
import { redisRateLimitStore } from "./redis-rate-limit-store.js";
import { RedisWriteBudget } from "./redis-write-budget.js";

const logger = pino({ level: "silent" });
const opened: { close(): Promise<void> }[] = [];
let prefix = "";

/** One "instance": its own connections, on the test's namespace. */
const instance = async () => {
  const redis = await RedisConnection.connect({ url: testRedisUrl, keyPrefix: prefix }, logger);
  opened.push(redis);
  return redis;
};

const until = async (check: () => boolean, ms = 5_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

afterEach(async () => {
  for (const one of opened.splice(0).reverse()) await one.close();
  await dropRedisPrefix(prefix);
});

describeWithRedis("state shared through Redis by several instances", () => {
  it("delivers an event published on A to B's subscribers, with ids issued cluster-wide", async () => {
    prefix = `ihc-test-${randomBytes(4).toString("hex")}:`;
    const a = new RedisEventBus(await instance(), logger, { blockMs: 200 });
    const b = new RedisEventBus(await instance(), logger, { blockMs: 200 });
    opened.unshift(a, b);
    const onA: PublishedEvent[] = [];
    const onB: PublishedEvent[] = [];
    a.subscribe((e) => onA.push(e));
    b.subscribe((e) => onB.push(e));
    await new Promise((resolve) => setTimeout(resolve, 300)); // both readers at the stream's end
    const at = (n: number) => ({ type: "heartbeat" as const, at: new Date(n).toISOString() });
    a.publish(at(1), { actorOid: "agent-1" });
    b.publish(at(2), {});
    a.publish(at(3), {});
    await until(() => onA.length === 3 && onB.length === 3);
    // One order, one set of ids, on both instances.
    expect(onB.map((e) => e.id)).toEqual(onA.map((e) => e.id));
    expect(onB.map((e) => e.event)).toEqual(onA.map((e) => e.event));
    expect(onB.map((e) => e.event)).toEqual(expect.arrayContaining([at(1), at(2), at(3)]));
    expect(
      onB.find((e) => e.event.type === "heartbeat" && e.event.at === at(1).at)?.audience,
    ).toEqual({
      actorOid: "agent-1",
    });
    const ids = onA.map((e) => e.id);
    expect([...ids].sort((x, y) => x - y)).toEqual(ids);
    // Resuming on B after an id A's stream gave: exactly what came after it.
    expect((await b.since(ids[0] ?? 0)).map((e) => e.id)).toEqual(ids.slice(1));
    expect(await a.since(ids[2] ?? 0)).toEqual([]);
  });

  it("holds the write budget across instances: never more than `writes` per window", async () => {
    prefix = `ihc-test-${randomBytes(4).toString("hex")}:`;
    const options = { writes: 5, windowMs: 400, marginMs: 0, pollMs: 20 };
    const a = new RedisWriteBudget(await instance(), logger, options);
    const b = new RedisWriteBudget(await instance(), logger, options);
    const first = await a.take(3);
    expect(await b.nextTurn(3)).toMatchObject({ reason: "writeBudget" });
    expect(await b.nextTurn(2)).toBeUndefined();
    const second = await b.take(2);
    // The budget is spent on both instances: B's next write waits for A's tokens.
    let third: Awaited<ReturnType<typeof b.take>> | undefined;
    const waiting = b.take(1).then((r) => (third = r));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(third).toBeUndefined();
    // A's batch: Graph refused one (429), which comes back at once; two count for a window.
    first.settle(1);
    await waiting;
    expect(third?.count).toBe(1);
    const settledAt = Date.now();
    second.settle();
    third?.settle();
    const all = await a.take(5);
    expect(Date.now() - settledAt).toBeGreaterThanOrEqual(350);
    all.settle();
    // A 429 seen by one instance stops every instance.
    b.blockFor(10_000);
    await until(() => false, 100).catch(() => undefined);
    expect(await a.nextTurn(1)).toMatchObject({ reason: "throttled" });
  });

  it("gives a lease to one instance at a time, and to another once its holder dies", async () => {
    prefix = `ihc-test-${randomBytes(4).toString("hex")}:`;
    const redisA = await instance();
    const a = new RedisLeases(redisA, logger, { leaseMs: 300 });
    const b = new RedisLeases(await instance(), logger, { leaseMs: 300 });
    const held = await a.acquire("bulk-revoke:1");
    expect(held).toBeDefined();
    expect(await b.acquire("bulk-revoke:1")).toBeUndefined();
    // Renewed while held: still A's well after one lease time.
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(await b.acquire("bulk-revoke:1")).toBeUndefined();
    await held?.release();
    const again = await b.acquire("bulk-revoke:1");
    expect(again).toBeDefined();
    await again?.release();
    // A dies holding it (its connection is gone, nothing renews or releases): B takes it after
    // the lease time.
    await a.acquire("bulk-revoke:2");
    redisA.commands.disconnect();
    const diedAt = Date.now();
    let taken;
    while ((taken = await b.acquire("bulk-revoke:2")) === undefined) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(Date.now() - diedAt).toBeGreaterThan(150);
    expect(Date.now() - diedAt).toBeLessThan(1_000);
    await taken.release();
  });

  it("confirms a lease only while no other instance has held it (the fence around a `sent` write)", async () => {
    prefix = `ihc-test-${randomBytes(4).toString("hex")}:`;
    const redisA = await instance();
    const a = new RedisLeases(redisA, logger, { leaseMs: 300 });
    const b = new RedisLeases(await instance(), logger, { leaseMs: 300 });
    const held = await a.acquire("action-run:1");
    expect(await held?.confirm()).toBe(true);
    // A stalls past the lease time (its renewals stop), B takes the lease over meanwhile.
    await redisA.commands.del(`${prefix}lease:action-run:1`);
    const taken = await b.acquire("action-run:1");
    expect(taken).toBeDefined();
    // A's next confirmation fails — its work stops — and B's lease is untouched.
    expect(await held?.confirm()).toBe(false);
    expect(held?.lost.aborted).toBe(true);
    expect(await taken?.confirm()).toBe(true);
    await held?.release();
    expect(await taken?.confirm()).toBe(true);
    await taken?.release();
  });

  it("counts one user's requests on every instance against one per-user limit", async () => {
    prefix = `ihc-test-${randomBytes(4).toString("hex")}:`;
    const a = redisRateLimitStore(await instance());
    const b = redisRateLimitStore(await instance());
    for (const store of [a, b]) await store.init?.({ windowMs: 60_000 } as RateLimitOptions);
    const hits = [];
    for (const store of [a, b, a, b]) hits.push((await store.increment("agent-oid")).totalHits);
    // One count for the cluster: the fourth request is the user's fourth, wherever it lands.
    expect(hits).toEqual([1, 2, 3, 4]);
    expect((await b.increment("other-oid")).totalHits).toBe(1);
  });
});
