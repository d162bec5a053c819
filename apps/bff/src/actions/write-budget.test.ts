import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { WriteBudget } from "./write-budget.js";

describe("WriteBudget", () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Resolves the promise's time (fake ms) once it settles, advancing the clock in steps. */
  const when = async (promise: Promise<unknown>, limitMs = 10_000): Promise<number> => {
    const state = { settled: false };
    void promise.then(() => (state.settled = true));
    while (!state.settled && Date.now() < limitMs) await vi.advanceTimersByTimeAsync(10);
    return Date.now();
  };

  it("lets a full window through at once, then returns each write a window after its answer", async () => {
    const budget = new WriteBudget({ writes: 3, windowMs: 1000, marginMs: 50 });
    const first = await budget.take(3);
    expect(budget.available()).toBe(0);
    await vi.advanceTimersByTimeAsync(200);
    first.settle(); // answered at 200: counted by Graph somewhere in [0, 200]
    const next = budget.take(2);
    expect(await when(next)).toBe(1250);
  });

  it("never has more writes in any window than the limit, whatever the request sizes", async () => {
    const budget = new WriteBudget({ writes: 5, windowMs: 1000, marginMs: 0 });
    const sentAt: number[] = [];
    for (const size of [2, 4, 1, 5, 3, 5, 2]) {
      const taking = budget.take(size);
      await when(taking, 60_000);
      const reservation = await taking;
      for (let i = 0; i < reservation.count; i++) sentAt.push(Date.now());
      reservation.settle();
    }
    for (const start of sentAt) {
      const inWindow = sentAt.filter((t) => t >= start && t < start + 1000).length;
      expect(inWindow).toBeLessThanOrEqual(5);
    }
  });

  it("waits out a block (Retry-After) and gives back writes Graph did not count", async () => {
    const budget = new WriteBudget({ writes: 4, windowMs: 1000, marginMs: 0 });
    const reservation = await budget.take(4);
    reservation.settle(3); // three answered 429: not counted
    expect(budget.available()).toBe(3);
    budget.blockFor(500);
    expect(budget.available()).toBe(0);
    expect(await when(budget.take(3))).toBe(500);
  });

  it("serves takers in order and stops waiting when aborted", async () => {
    const budget = new WriteBudget({ writes: 2, windowMs: 1000, marginMs: 0 });
    (await budget.take(2)).settle();
    const order: string[] = [];
    const a = budget.take(2).then((r) => {
      order.push("a");
      r.settle();
    });
    const b = budget.take(1).then((r) => {
      order.push("b");
      r.settle();
    });
    await when(Promise.all([a, b]), 5000);
    expect(order).toEqual(["a", "b"]);
    const abort = new AbortController();
    const waiting = budget.take(1, abort.signal);
    abort.abort(new Error("stopped"));
    await expect(waiting).rejects.toThrow("stopped");
  });
});
