import type { Prng } from "../store/prng.js";

/** Picks one of `items` with probability proportional to its `weight`. */
export function weightedPick<T extends { weight: number }>(prng: Prng, items: readonly T[]): T {
  let total = 0;
  for (const item of items) total += item.weight;
  let roll = prng.next() * total;
  for (const item of items) {
    roll -= item.weight;
    if (roll < 0) return item;
  }
  const last = items[items.length - 1];
  if (last === undefined) throw new Error("weightedPick() needs a non-empty list");
  return last;
}
