import { afterEach, describe, expect, it, vi } from "vitest";
import { createSharedClock } from "./use-now";

afterEach(() => {
  vi.useRealTimers();
});

describe("createSharedClock", () => {
  it("gives a fast and a slow reader the same now, ticking at the fastest period", () => {
    vi.useFakeTimers({ now: 0 });
    const clock = createSharedClock();
    const seen = { fast: [] as number[], slow: [] as number[] };
    const stopSlow = clock.subscribe(15_000, () => seen.slow.push(clock.read()));
    const stopFast = clock.subscribe(1_000, () => seen.fast.push(clock.read()));
    vi.advanceTimersByTime(3_000);
    expect(seen.fast).toEqual([1_000, 2_000, 3_000]);
    // Notified on the same ticks: re-rendered with the same now as the fast card.
    expect(seen.slow).toEqual(seen.fast);
    stopFast();
    vi.advanceTimersByTime(15_000);
    expect(seen.slow.at(-1)).toBe(18_000);
    expect(seen.slow).toHaveLength(4);
    stopSlow();
    vi.advanceTimersByTime(60_000);
    expect(seen.slow).toHaveLength(4);
  });

  it("moves a stale now on for everyone when a reader mounts late", () => {
    vi.useFakeTimers({ now: 0 });
    const clock = createSharedClock();
    const early = vi.fn();
    clock.subscribe(30_000, early);
    vi.advanceTimersByTime(20_000);
    clock.subscribe(30_000, () => undefined);
    expect(clock.read()).toBe(20_000);
    expect(early).toHaveBeenCalledTimes(1);
  });
});
