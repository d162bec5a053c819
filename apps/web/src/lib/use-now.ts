import { useSyncExternalStore } from "react";

interface Clock {
  now: number;
  listeners: Set<() => void>;
  timer: number | undefined;
  subscribe: (listener: () => void) => () => void;
  read: () => number;
}

const clocks = new Map<number, Clock>();

/** One shared clock per period: a table of relative times runs one timer, not one per cell. */
function clockFor(periodMs: number): Clock {
  const existing = clocks.get(periodMs);
  if (existing) return existing;
  const clock: Clock = {
    now: Date.now(),
    listeners: new Set(),
    timer: undefined,
    subscribe: (listener) => {
      clock.listeners.add(listener);
      // A component mounting late must not render an old "now" (up to a period ago): when the
      // clock is stale, move it on; React re-reads the snapshot after subscribing.
      if (Date.now() - clock.now > 1000) {
        clock.now = Date.now();
        for (const notify of clock.listeners) if (notify !== listener) notify();
      }
      if (clock.timer === undefined) {
        clock.timer = window.setInterval(() => {
          clock.now = Date.now();
          for (const notify of clock.listeners) notify();
        }, periodMs);
      }
      return () => {
        clock.listeners.delete(listener);
        if (clock.listeners.size === 0 && clock.timer !== undefined) {
          window.clearInterval(clock.timer);
          clock.timer = undefined;
        }
      };
    },
    read: () => clock.now,
  };
  clocks.set(periodMs, clock);
  return clock;
}

/** The current time, re-rendering every `periodMs`. */
export function useNow(periodMs = 30_000): Date {
  const { subscribe, read } = clockFor(periodMs);
  return new Date(useSyncExternalStore(subscribe, read));
}
