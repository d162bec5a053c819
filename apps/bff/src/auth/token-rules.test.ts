import { describe, expect, it } from "vitest";
import { clientIdOf, isIssuedTo, isVersion1Token } from "./token-rules.js";

const spa = "1a2b3c4d-0000-4000-8000-00000000000a";

describe("token rules: which client a token was issued to", () => {
  it.each([
    ["a v2 token from the SPA (azp)", { ver: "2.0", azp: spa }, true],
    ["a v2 token, the SPA's id in another case", { ver: "2.0", azp: spa.toUpperCase() }, true],
    ["a v1 token from the SPA (appid)", { ver: "1.0", appid: spa }, true],
    ["a v2 token from another app", { ver: "2.0", azp: "another" }, false],
    ["a v1 token from another app", { ver: "1.0", appid: "another", azp: spa }, false],
    ["a v2 token naming the SPA only in appid", { ver: "2.0", appid: spa }, false],
    ["a token naming no client", { ver: "2.0" }, false],
    ["an empty azp", { ver: "2.0", azp: "" }, false],
  ])("%s → %s", (_name, claims, expected) => {
    expect(isIssuedTo(claims, spa)).toBe(expected);
  });

  it("reads azp from v2 tokens and appid from v1 tokens", () => {
    expect(clientIdOf({ ver: "2.0", azp: "A", appid: "B" })).toBe("a");
    expect(clientIdOf({ ver: "1.0", azp: "A", appid: "B" })).toBe("b");
  });

  it("knows a v1.0 token by its ver claim", () => {
    expect(isVersion1Token({ ver: "1.0" })).toBe(true);
    expect(isVersion1Token({ ver: "2.0" })).toBe(false);
    expect(isVersion1Token({})).toBe(false);
  });
});
