import { randomBytes } from "node:crypto";
import { ProblemSchema } from "@ihc/contracts";
import { demoAccounts } from "@ihc/tenant-sim";
import pino from "pino";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { routeGraphCosts } from "../routes/route-graph-costs.js";
import { describeWithRedis, dropRedisPrefix, testRedisUrl } from "../test-support/needs-redis.js";
import { startStack, type Stack } from "../test-support/start-stack.js";
import { RedisConnection } from "./redis-connection.js";
import { RedisGraphBudgetStore } from "./redis-graph-budget-store.js";

/** Issue #17, 1 with several instances (ADR 0024): one user, one Graph budget, however many. */
const logger = pino({ level: "silent" });
const agentOid = demoAccounts.find((account) => account.key === "agent")?.id ?? "";
const vppCost = routeGraphCosts.userVppLicenses;

describeWithRedis("the per-user Graph budget shared through Redis", () => {
  const opened: RedisConnection[] = [];
  let prefix = "";

  afterEach(async () => {
    for (const connection of opened.splice(0)) await connection.close();
    await dropRedisPrefix(prefix);
  });

  it("two instances' stores take from one bucket per user, on Redis's clock", async () => {
    prefix = `ihc-test-${randomBytes(4).toString("hex")}:`;
    const limits = { budget: 10, windowMs: 60_000 };
    const store = async () => {
      const redis = await RedisConnection.connect({ url: testRedisUrl, keyPrefix: prefix }, logger);
      opened.push(redis);
      return new RedisGraphBudgetStore(redis, limits, logger);
    };
    const [a, b] = [await store(), await store()];
    expect(await a.take("user-1", 6)).toEqual({ granted: true, remaining: 4 });
    // Without the shared bucket, B would grant its own 10.
    const refused = await b.take("user-1", 6);
    expect(refused).toMatchObject({ granted: false, remaining: 4 });
    // 2 tokens missing at 10 per minute: 12 s, give or take the milliseconds since A's take.
    expect(refused.granted ? 0 : refused.retryAfterMs).toBeGreaterThan(11_000);
    expect(refused.granted ? 0 : refused.retryAfterMs).toBeLessThanOrEqual(12_000);
    expect(await b.take("user-1", 4)).toEqual({ granted: true, remaining: 0 });
    expect(await a.take("user-2", 10)).toEqual({ granted: true, remaining: 0 });
    // One key per user in Redis, with no user id spelled out, gone once full again.
    const redis = opened[0]?.commands;
    const keys = (await redis?.keys(`${prefix}*`)) ?? [];
    expect(keys).toHaveLength(2);
    expect(keys.join(" ")).not.toContain("user-1");
    expect(await redis?.pttl(keys[0] ?? "")).toBeLessThanOrEqual(60_000);
  });
});

describeWithRedis("two BFF instances sharing Redis: one Graph budget per user", () => {
  const prefix = `ihc-test-${randomBytes(4).toString("hex")}:`;
  let a: Stack;
  let b: Stack;

  beforeAll(async () => {
    const env = {
      REDIS_URL: testRedisUrl,
      REDIS_KEY_PREFIX: prefix,
      TOKEN_CACHE_KEY: randomBytes(32).toString("base64"),
      // One opening of the expensive view and a few cheap reads, across both instances.
      GRAPH_BUDGET_PER_USER: String(vppCost + 5),
      VIEW_CACHE_SECONDS: "0",
    };
    [a, b] = await Promise.all([startStack({ env }), startStack({ env })]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([a.close(), b.close()]);
    await dropRedisPrefix(prefix);
  });

  it("a user's cost on A is charged on B too: the second opening is refused with 429", async () => {
    const path = `/api/users/${agentOid}/vpp-licenses`;
    const onA = await a.fetch(path, { token: await a.tokenFor("agent") });
    expect(onA.status).toBe(200);
    await onA.arrayBuffer();
    const onB = await b.fetch(path, { token: await b.tokenFor("agent") });
    expect(onB.status).toBe(429);
    const problem = ProblemSchema.parse(await onB.json());
    expect(problem.detail).toContain(`costs ${vppCost} Microsoft Graph calls and 5 of your`);
    // Nothing reached B's Graph for it; another user's budget on B is their own.
    expect(b.graphCalls().filter((call) => call.claims?.oid === agentOid)).toEqual([]);
    const other = await b.fetch(path, { token: await b.tokenFor("senior") });
    expect(other.status).toBe(200);
  });
});
