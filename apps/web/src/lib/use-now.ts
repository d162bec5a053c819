import { useSyncExternalStore } from "react";

export interface SharedClock {
  /** Listens at the given period; returns the unsubscribe function. */
  subscribe: (periodMs: number, listener: () => void) => () => void;
  read: () => number;
}

/**
 * One clock for the whole page (issue #12, 6: relative times on one page agree). Every reader
 * reads the same "now", and the clock ticks at the shortest period anyone asked for, notifying
 * everyone: a card ticking every second and a row ticking every 15 s never show two different
 * "nows". Rendering a few more relative times per second costs less than two cards disagreeing.
 */
export function createSharedClock(clock: () => number = Date.now): SharedClock {
  let now = clock();
  const listeners = new Map<() => void, number>();
  let timer: ReturnType<typeof setInterval> | undefined;
  let timerPeriod: number | undefined;

  const tick = () => {
    now = clock();
    for (const notify of listeners.keys()) notify();
  };
  const reschedule = () => {
    const shortest = listeners.size === 0 ? undefined : Math.min(...listeners.values());
    if (shortest === timerPeriod) return;
    if (timer !== undefined) clearInterval(timer);
    timer = shortest === undefined ? undefined : setInterval(tick, shortest);
    timerPeriod = shortest;
  };

  return {
    subscribe: (periodMs, listener) => {
      listeners.set(listener, periodMs);
      // A component mounting late must not render an old "now": when the clock is stale, move
      // it on for everyone; React re-reads the snapshot after subscribing.
      if (clock() - now > 1000) tick();
      reschedule();
      return () => {
        listeners.delete(listener);
        reschedule();
      };
    },
    read: () => now,
  };
}

const pageClock = createSharedClock();

/** The page's current time, re-rendering at least every `periodMs`. */
export function useNow(periodMs = 30_000): Date {
  return new Date(
    useSyncExternalStore((listener) => pageClock.subscribe(periodMs, listener), pageClock.read),
  );
}
