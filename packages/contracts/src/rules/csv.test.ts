import { describe, expect, it } from "vitest";
import { csvCell, csvDocument, csvLine } from "./csv.js";

describe("csvCell", () => {
  it("prefixes what a spreadsheet would run as a formula", () => {
    for (const start of ["=", "+", "-", "@", "\t"]) expect(csvCell(`${start}1`)).toBe(`'${start}1`);
    expect(csvCell("=1+2")).toBe("'=1+2");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tx")).toBe("'\tx");
  });

  it("quotes commas, quotes and line breaks, and leaves plain text alone", () => {
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("\rx")).toBe('"\'\rx"');
    expect(csvCell("adele@contoso.example")).toBe("adele@contoso.example");
    expect(csvCell(undefined)).toBe("");
    // Numbers are ours, not typed by anyone: a negative count stays a number.
    expect(csvCell(-3)).toBe("-3");
  });

  it("writes CRLF lines and a BOM before the header", () => {
    expect(csvLine(["a", 1, true])).toBe("a,1,true\r\n");
    expect(csvDocument(["h"], [["=x"]])).toBe("\uFEFFh\r\n'=x\r\n");
  });
});
