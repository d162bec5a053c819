import { z } from "zod";
import { describe, expect, it } from "vitest";
import { freeText, hasForbiddenCharacters, withoutForbiddenCharacters } from "./free-text.js";

describe("free text (issue #17, 7)", () => {
  const forbidden = [
    "\u0000",
    "\u0007",
    "\t",
    "\n",
    "\r",
    "\u001B[31m",
    "\u007F",
    "\u0085",
    "\u009B",
  ];
  const bidi = [
    "\u202A",
    "\u202B",
    "\u202C",
    "\u202D",
    "\u202E",
    "\u2066",
    "\u2067",
    "\u2068",
    "\u2069",
  ];

  it("finds every C0 and C1 control, DEL and bidi embedding, override and isolate", () => {
    for (const c of [...forbidden, ...bidi])
      expect(hasForbiddenCharacters(`INC-${c}42`), c).toBe(true);
  });

  it("accepts what people write: letters of any script, punctuation, emoji, dashes", () => {
    for (const text of [
      "INC-4242",
      "Заявка №17 — Иванов",
      "مرحبا",
      "チケット 42",
      "ok 👍",
      "a\u00A0b",
    ]) {
      expect(hasForbiddenCharacters(text), text).toBe(false);
    }
  });

  it("a schema refuses them with a message that says why", () => {
    const schema = freeText(z.string().trim().max(20));
    expect(schema.parse("  INC-1  ")).toBe("INC-1");
    const result = schema.safeParse("INC\u202E1");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/control characters or bidirectional/);
  });

  it("removes them for comparing with what a person typed", () => {
    expect(withoutForbiddenCharacters("a\u202Eb\u0000c\u2066d")).toBe("abcd");
  });
});
