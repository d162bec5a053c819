import { describe, expect, it } from "vitest";
import { parseUserFilter } from "../directory/user-filter.js";
import { GraphError } from "../graph-error.js";
import { tokenizeFilter, type FilterLexerRules } from "./filter-tokens.js";

const intune: FilterLexerRules = {
  dateTime: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})/,
  word: /^[A-Za-z_][A-Za-z0-9_.]*(\/[A-Za-z_][A-Za-z0-9_.]*)*/,
  numbers: true,
  guids: true,
};
const fail = (at: number) => new Error(`at ${at}`);

describe("the shared $filter lexer", () => {
  it("reads OData string literals with doubled quotes, punctuation, casts, numbers and GUIDs", () => {
    const tokens = tokenizeFilter(
      "startswith(userPrincipalName,'siobhan.o''brien') and microsoft.graph.iosVppApp/usedLicenseCount gt -2 or id eq 6e2d1b8f-4c3a-4f7b-8d2e-6f0000040001",
      intune,
      fail,
    );
    expect(tokens.map((t) => [t.kind, t.value])).toEqual([
      ["word", "startswith"],
      ["punct", "("],
      ["word", "userPrincipalName"],
      ["punct", ","],
      ["string", "siobhan.o'brien"],
      ["punct", ")"],
      ["word", "and"],
      ["word", "microsoft.graph.iosVppApp/usedLicenseCount"],
      ["word", "gt"],
      ["number", -2],
      ["word", "or"],
      ["word", "id"],
      ["word", "eq"],
      ["string", "6e2d1b8f-4c3a-4f7b-8d2e-6f0000040001"],
    ]);
  });

  it("refuses an unterminated literal at its opening quote", () => {
    expect(() => tokenizeFilter("displayName eq 'O''Brien", intune, fail)).toThrow("at 15");
  });

  it("keeps Entra ID's stricter user filter: no unquoted GUID or number, a date without time", () => {
    for (const text of ["id eq 5d1c0a7e-3b2f-4e6a-9c1d-5e0000000001", "accountEnabled eq 1"]) {
      expect(() => parseUserFilter(text)).toThrow(GraphError);
    }
    expect(parseUserFilter("createdDateTime ge 2024-01-01").filter).toMatchObject({
      kind: "compare",
      op: "ge",
      property: "createdDateTime",
    });
    expect(parseUserFilter("startswith(displayName,'O''Brien')").filter).toEqual({
      kind: "startsWith",
      property: "displayName",
      value: "O'Brien",
    });
  });
});
