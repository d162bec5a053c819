/**
 * A tiny seeded PRNG (mulberry32): the same seed gives the same tenant on every run, which is
 * what lets tests and screenshots name a generated user by id.
 */
export interface Prng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, max). */
  int(max: number): number;
  pick<T>(items: readonly T[]): T;
  /** A version-4-shaped GUID drawn from the sequence (not from crypto: it must repeat). */
  guid(): string;
}

export function createPrng(seed: number): Prng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number): number => Math.floor(next() * max);
  const hex = (length: number): string => {
    let text = "";
    for (let i = 0; i < length; i += 1) text += int(16).toString(16);
    return text;
  };
  return {
    next,
    int,
    pick<T>(items: readonly T[]): T {
      const item = items[int(items.length)];
      if (item === undefined) throw new Error("pick() needs a non-empty list");
      return item;
    },
    guid(): string {
      const variant = (8 + int(4)).toString(16);
      // join() builds one flat string; a template literal would keep a rope of its parts.
      return [hex(8), hex(4), `4${hex(3)}`, `${variant}${hex(3)}`, hex(12)].join("-");
    },
  };
}
