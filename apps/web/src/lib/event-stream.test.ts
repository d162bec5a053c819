import { describe, expect, it } from "vitest";
import { reconnectDelay } from "./event-stream";

describe("reconnectDelay", () => {
  it("doubles from the server's retry up to 30 s", () => {
    const top = () => 1;
    expect(reconnectDelay(1, 1000, top)).toBe(1000);
    expect(reconnectDelay(2, 1000, top)).toBe(2000);
    expect(reconnectDelay(4, 2000, top)).toBe(16_000);
    expect(reconnectDelay(10, 2000, top)).toBe(30_000);
  });

  it("spreads tabs out: never less than half the step", () => {
    expect(reconnectDelay(3, 1000, () => 0)).toBe(2000);
  });
});
