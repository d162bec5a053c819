import { describe, expect, it } from "vitest";
import { z } from "zod";
import { knownOr, tolerantEnum, unrecognizedValuesOf } from "./tolerant-enum.js";

describe("tolerantEnum", () => {
  const State = tolerantEnum(["valid", "expired", "unknown"]);

  it("reads a known member as itself and keeps any other value as sent", () => {
    expect(State.parse("valid")).toBe("valid");
    expect(State.parse("revokedByApple")).toEqual({ unrecognized: "revokedByApple" });
  });

  it("still refuses what is not a string at all", () => {
    expect(State.safeParse(3).success).toBe(false);
  });

  it("gives the fallback for an unrecognized value and lists it by property", () => {
    const state = State.parse("revokedByApple");
    expect(knownOr(state, "unknown")).toBe("unknown");
    expect(knownOr(State.parse("expired"), "unknown")).toBe("expired");
    expect(knownOr(undefined, undefined)).toBeUndefined();
    expect(unrecognizedValuesOf({ state, other: "valid" })).toEqual({ state: "revokedByApple" });
    expect(unrecognizedValuesOf({ state: "valid" })).toBeUndefined();
  });

  it("leaves our own inputs strict", () => {
    expect(z.enum(["valid"]).safeParse("revokedByApple").success).toBe(false);
  });
});
