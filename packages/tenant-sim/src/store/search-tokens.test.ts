import { describe, expect, it } from "vitest";
import { indexTokens, searchWords } from "./search-tokens.js";

// The examples are Graph's own:
// https://learn.microsoft.com/graph/search-query-parameter#using-search-on-directory-object-collections
describe("displayName search tokens", () => {
  it("splits at spaces, lower-to-upper case changes, digits and symbols", () => {
    expect(indexTokens("hello world")).toEqual(["hello", "world"]);
    expect(indexTokens("HelloWorld")).toEqual(["hello", "world", "helloworld"]);
    expect(indexTokens("HELLOworld")).toEqual(["helloworld"]);
    expect(indexTokens("HelloWORld")).toEqual(["hello", "world", "helloworld"]);
    expect(indexTokens("hello123world")).toEqual(["hello", "123", "world", "hello123world"]);
  });

  it("joins words separated only by symbols, so helloworld finds hello-world", () => {
    expect(indexTokens("hello.world")).toContain("helloworld");
    expect(indexTokens("Siobhán O'Brien")).toEqual(["siobhán", "o", "brien", "obrien"]);
    expect(indexTokens("Müller-Lüdenscheidt")).toEqual([
      "müller",
      "lüdenscheidt",
      "müllerlüdenscheidt",
    ]);
  });

  it("keeps scripts without case whole and handles combining marks", () => {
    expect(indexTokens("李四(David Li)")).toEqual(["李四", "david", "李四david", "li"]);
    expect(indexTokens("Сергей Иванов")).toEqual(["сергей", "иванов"]);
    // "José" written with a combining acute accent is still one word.
    expect(indexTokens("Jose\u0301 Ñuñez")).toEqual(["jose\u0301", "ñuñez"]);
  });

  it("reads search text as words, ignoring symbols", () => {
    expect(searchWords("(李四")).toEqual(["李四"]);
    expect(searchWords("David)")).toEqual(["david"]);
    expect(searchWords("R&D #3")).toEqual(["r", "d", "3"]);
    expect(searchWords("  ")).toEqual([]);
  });
});
