import { describe, expect, it } from "vitest";
import { GraphBudgetExceededError } from "../../errors.js";
import { FairReadScheduler } from "./fair-read-scheduler.js";

/** Acquires in the order given and lists who got through, in the order they did. */
const served = async (
  scheduler: FairReadScheduler,
  requests: readonly { key: string; cost: number }[],
): Promise<string[]> => {
  const order: string[] = [];
  await Promise.all(
    requests.map(({ key, cost }) => scheduler.acquire(key, cost).then(() => order.push(key))),
  );
  return order;
};

describe("FairReadScheduler", () => {
  it("sends a light user's read before a heavy user's backlog", async () => {
    const scheduler = new FairReadScheduler({ readsPerSecond: 200, burst: 1, maxWaitMs: 5_000 });
    const heavy = Array.from({ length: 10 }, () => ({ key: "heavy", cost: 1 }));
    const order = await served(scheduler, [...heavy, { key: "light", cost: 1 }]);
    // The first heavy read took the burst; the light one is next, not eleventh.
    expect(order.indexOf("light")).toBeLessThanOrEqual(2);
  });

  it("alternates two busy users (max-min fair), whatever order they queued in", async () => {
    const scheduler = new FairReadScheduler({ readsPerSecond: 200, burst: 1, maxWaitMs: 5_000 });
    const a = Array.from({ length: 8 }, () => ({ key: "a", cost: 1 }));
    const b = Array.from({ length: 8 }, () => ({ key: "b", cost: 1 }));
    const order = await served(scheduler, [...a, ...b]);
    const firstHalf = order.slice(0, 8);
    expect(firstHalf.filter((key) => key === "b").length).toBeGreaterThanOrEqual(3);
  });

  it("weighs by cost: one batch of 20 reads counts as 20 single reads", async () => {
    const scheduler = new FairReadScheduler({ readsPerSecond: 400, burst: 20, maxWaitMs: 5_000 });
    await scheduler.acquire("warm", 20); // the burst is spent
    const order = await served(scheduler, [
      { key: "batch", cost: 20 },
      { key: "batch", cost: 20 },
      ...Array.from({ length: 5 }, () => ({ key: "single", cost: 1 })),
    ]);
    expect(order.slice(0, 5)).toEqual(Array<string>(5).fill("single"));
  });

  it("refuses a user whose queued reads would wait longer than allowed, with Retry-After", async () => {
    const scheduler = new FairReadScheduler({ readsPerSecond: 10, burst: 1, maxWaitMs: 1_000 });
    // The burst, then 5 queued (half the longest wait at 10/s); the next is refused at once.
    const accepted = Array.from({ length: 6 }, () => scheduler.acquire("heavy", 1));
    const refused = await scheduler.acquire("heavy", 1).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(GraphBudgetExceededError);
    expect((refused as GraphBudgetExceededError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect((refused as Error).message).toContain("shared fairly");
    // Another user is not refused for it.
    await Promise.all([...accepted, scheduler.acquire("light", 1)]);
  });
});
