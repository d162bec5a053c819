import { describe, expect, it } from "vitest";
import { nextActiveIndex } from "./listbox-keys";

describe("nextActiveIndex", () => {
  it("moves by one with the arrows and stops at both ends", () => {
    expect(nextActiveIndex("ArrowDown", 0, 3, 8)).toBe(1);
    expect(nextActiveIndex("ArrowDown", 2, 3, 8)).toBe(2);
    expect(nextActiveIndex("ArrowUp", 0, 3, 8)).toBe(0);
    expect(nextActiveIndex("ArrowUp", 2, 3, 8)).toBe(1);
  });

  it("moves by a page, clamped, and jumps to the ends with Home and End", () => {
    expect(nextActiveIndex("PageDown", 5, 100, 8)).toBe(13);
    expect(nextActiveIndex("PageDown", 95, 100, 8)).toBe(99);
    expect(nextActiveIndex("PageUp", 3, 100, 8)).toBe(0);
    expect(nextActiveIndex("Home", 50, 100, 8)).toBe(0);
    expect(nextActiveIndex("End", 0, 100, 8)).toBe(99);
  });

  it("leaves other keys, and an empty list, alone", () => {
    expect(nextActiveIndex("a", 0, 3, 8)).toBeUndefined();
    expect(nextActiveIndex("Tab", 0, 3, 8)).toBeUndefined();
    expect(nextActiveIndex("ArrowDown", 0, 0, 8)).toBeUndefined();
  });
});
