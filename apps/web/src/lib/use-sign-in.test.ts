import { describe, expect, it } from "vitest";
import { readLoginHint } from "./use-sign-in";

describe("readLoginHint", () => {
  it("passes a login_hint on the SPA's URL to the authority", () => {
    expect(readLoginHint("?login_hint=lee.gu%40contoso-sim.onmicrosoft.com")).toBe(
      "lee.gu@contoso-sim.onmicrosoft.com",
    );
  });

  it("ignores a missing, empty or oversized hint", () => {
    expect(readLoginHint("")).toBeUndefined();
    expect(readLoginHint("?login_hint=%20")).toBeUndefined();
    expect(readLoginHint(`?login_hint=${"a".repeat(300)}`)).toBeUndefined();
  });
});
