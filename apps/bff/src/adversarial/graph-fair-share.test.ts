import { ProblemSchema, UserVppLicenseListSchema, type ActionRecord } from "@ihc/contracts";
import { demoAccounts, seededIds, seededUserIds } from "@ihc/tenant-sim";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postAction, waitForAction } from "../test-support/action-helpers.js";
import { startStack, type Stack } from "../test-support/start-stack.js";
import { routeGraphCosts } from "../routes/route-graph-costs.js";

/** Issue #17, 1: one agent could throttle Graph for everyone (ADR 0024). */

const oidOf = (key: string): string => {
  const account = demoAccounts.find((a) => a.key === key);
  if (account === undefined) throw new Error(`no demo account ${key}`);
  return account.id;
};
const adeleId = oidOf("agent");
const vppCost = routeGraphCosts.userVppLicenses;
const licensesPath = (userId: string) => `/api/users/${userId}/vpp-licenses`;
const callsBy = (stack: Stack, oid: string) =>
  stack.graphCalls().filter((call) => call.claims?.oid === oid);

describe("a Graph budget per user, charged by route cost", () => {
  let stack: Stack;
  let agent: string;
  let senior: string;

  beforeAll(async () => {
    // Room for two openings of the expensive view (2 × 22) and a few cheap reads, no more.
    stack = await startStack({
      env: { GRAPH_BUDGET_PER_USER: String(2 * vppCost + 6), VIEW_CACHE_SECONDS: "0" },
    });
    agent = await stack.tokenFor("agent");
    senior = await stack.tokenFor("senior");
  });
  afterAll(() => stack.close());

  it("refuses a request that costs more than is left, with 429, Retry-After and the reason", async () => {
    for (let i = 0; i < 2; i++) {
      const response = await stack.fetch(licensesPath(adeleId), { token: agent });
      expect(response.status).toBe(200);
      await response.arrayBuffer();
    }
    stack.sim.clearReceived();
    const refused = await stack.fetch(licensesPath(adeleId), { token: agent });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("content-type")).toContain("application/problem+json");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    const problem = ProblemSchema.parse(await refused.json());
    expect(problem.code).toBe("rate_limited");
    expect(problem.detail).toContain(`costs ${vppCost} Microsoft Graph calls`);
    // Refused before the route ran: nothing went to Graph for it.
    expect(callsBy(stack, adeleId)).toEqual([]);

    // What is left still buys a cheap read; another user's budget is their own.
    expect((await stack.fetch(`/api/users/${adeleId}`, { token: agent })).status).toBe(200);
    expect((await stack.fetch(licensesPath(adeleId), { token: senior })).status).toBe(200);
  });
});

describe("the tenant's Graph reads, shared fairly between users", () => {
  const readsPerSecond = 20;
  const burst = 20; // max(20, readsPerSecond), as create-app-deps sets it
  let stack: Stack;
  let heavy: string;
  let light: string;

  beforeAll(async () => {
    stack = await startStack({
      env: {
        GRAPH_TENANT_READS_PER_SECOND: String(readsPerSecond),
        // Room in the queue for the whole heavy backlog: this test is about order, not refusal.
        GRAPH_READ_MAX_WAIT_SECONDS: "30",
        GRAPH_BUDGET_PER_USER: "100000",
        VIEW_CACHE_SECONDS: "0",
      },
    });
    heavy = await stack.tokenFor("agent");
    light = await stack.tokenFor("senior");
  });
  afterAll(() => stack.close());

  it("keeps a heavy user under the tenant budget while a light user's reads go first", async () => {
    // Both users' on-behalf-of tokens are cached first: only their Graph reads are compared.
    for (const token of [heavy, light]) {
      await (await stack.fetch(`/api/users/${adeleId}`, { token })).arrayBuffer();
    }
    stack.sim.clearReceived();
    const heavyCount = 6;
    let heavyDone = 0;
    const hammering = Array.from({ length: heavyCount }, async () => {
      const response = await stack.fetch(licensesPath(adeleId), { token: heavy });
      await response.arrayBuffer();
      heavyDone++;
      return response.status;
    });
    // Once the burst is spent the heavy user's batches wait in the queue.
    while (stack.graphCalls().length < burst) await new Promise((r) => setTimeout(r, 10));

    const lightOid = oidOf("senior");
    const heavyAhead: number[] = [];
    for (let i = 0; i < 3; i++) {
      const before = stack.graphCalls().length;
      const response = await stack.fetch(`/api/users/${seededUserIds.lukaszWisniewski}`, {
        token: light,
      });
      expect(response.status).toBe(200);
      const calls = stack.graphCalls();
      const at = calls.findIndex((call, index) => index >= before && call.claims?.oid === lightOid);
      expect(at).toBeGreaterThanOrEqual(before);
      // Heavy reads Graph received between the light request and the light read.
      heavyAhead.push(at - before);
    }
    const heavyDoneWhenLightDone = heavyDone;
    expect(await Promise.all(hammering)).toEqual(Array<number>(heavyCount).fill(200));

    // A FIFO would put each light read behind the whole backlog (5 or 6 batches of 20 reads);
    // fair queuing sends it next, after at most the batches already on their way while the
    // light request crossed the BFF (one a second at this rate; two allowed for a busy machine).
    for (const ahead of heavyAhead) expect(ahead).toBeLessThanOrEqual(2 * 20);
    expect(heavyDoneWhenLightDone).toBeLessThan(heavyCount);

    // Graph never saw more than the budget allows in any second, and throttled nothing.
    const calls = stack.graphCalls().filter((call) => !call.path.endsWith("/$batch"));
    expect(calls.filter((call) => call.claims?.oid === adeleId)).toHaveLength(heavyCount * vppCost);
    const times = calls.map((call) => Date.parse(call.at)).sort((a, b) => a - b);
    let busiestSecond = 0;
    for (let first = 0, last = 0; last < times.length; last++) {
      while ((times[last] ?? 0) - (times[first] ?? 0) >= 1000) first++;
      busiestSecond = Math.max(busiestSecond, last - first + 1);
    }
    expect(busiestSecond).toBeLessThanOrEqual(burst + readsPerSecond);
    expect(calls.filter((call) => call.status === 429)).toEqual([]);
  });
});

describe("expensive views cached per user", () => {
  let stack: Stack;
  let agent: string;
  let senior: string;
  const slack = seededIds.iosVppApps.slack;
  const viewCalls = (oid: string) =>
    callsBy(stack, oid).filter((call) => /\/users\/|mobileApps|\$batch/.test(call.path));
  const openLicenses = async (token: string) => {
    const response = await stack.fetch(licensesPath(adeleId), { token });
    expect(response.status).toBe(200);
    return UserVppLicenseListSchema.parse(await response.json());
  };

  beforeAll(async () => {
    stack = await startStack({ env: { VIEW_CACHE_SECONDS: "300" } });
    agent = await stack.tokenFor("agent");
    senior = await stack.tokenFor("senior");
  });
  afterAll(() => stack.close());

  it("serves a second opening without Graph, per user, and forgets it on the user's own revoke", async () => {
    const first = await openLicenses(agent);
    expect(first.items.map((l) => l.appId)).toContain(slack);

    stack.sim.clearReceived();
    expect(await openLicenses(agent)).toEqual(first);
    expect(viewCalls(adeleId)).toEqual([]);
    // Another user's opening is their own read.
    await openLicenses(senior);
    expect(viewCalls(oidOf("senior")).length).toBeGreaterThan(0);

    const response = await postAction(stack, `/api/apps/${slack}/revoke-user-license`, agent, {
      userId: adeleId,
      notifyManagedDevices: false,
    });
    expect(response.status).toBe(202);
    const { id } = (await response.json()) as ActionRecord;
    await waitForAction(
      stack,
      id,
      agent,
      (r) => r.state === "succeeded" && r.progress?.actionState === "done",
    );

    stack.sim.clearReceived();
    const after = await openLicenses(agent);
    expect(viewCalls(adeleId).length).toBeGreaterThan(0);
    expect(after.items.filter((l) => l.appId === slack && l.kind === "user")).toEqual([]);
  });
});
