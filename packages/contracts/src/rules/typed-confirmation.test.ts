import { describe, expect, it } from "vitest";
import { confirmationMatches, confirmationMayMatch } from "./typed-confirmation.js";

describe("confirmationMatches", () => {
  it("accepts a hyphen where the name holds any dash or hyphen", () => {
    for (const dash of ["—", "–", "‐", "‑", "‒", "−", "-"]) {
      expect(confirmationMatches("Kiosk - Warehouse", `Kiosk ${dash} Warehouse`)).toBe(true);
      expect(confirmationMatches(`Kiosk ${dash} Warehouse`, "Kiosk - Warehouse")).toBe(true);
    }
  });

  it("accepts any quote for any quote", () => {
    for (const quote of ["’", "‘", "'", '"', "“", "”"]) {
      expect(confirmationMatches("O'Brien's iPad", `O${quote}Brien${quote}s iPad`)).toBe(true);
    }
  });

  it("collapses whitespace, ignores case and reads NFKC", () => {
    expect(confirmationMatches("  contoso   vpp\ttoken ", "Contoso VPP Token")).toBe(true);
    expect(confirmationMatches("Contoso\u00a0VPP", "contoso vpp")).toBe(true);
    expect(confirmationMatches("ＡＢＣ", "abc")).toBe(true);
    expect(confirmationMatches("ALEX@CONTOSO.COM", "alex@contoso.com")).toBe(true);
  });

  it("ignores what no one can type: a name holding a bidi override is confirmed as it reads", () => {
    expect(confirmationMatches("Sales iPads", "Sales\u202E iPads")).toBe(true);
    expect(confirmationMatches("Sales iPads", "Sales\u0000 iPads")).toBe(true);
  });

  it("refuses another name, a part of it and an empty name", () => {
    expect(confirmationMatches("Kiosk Warehouse", "Kiosk — Warehouse")).toBe(false);
    expect(confirmationMatches("Kiosk -", "Kiosk — Warehouse")).toBe(false);
    expect(confirmationMatches("", "")).toBe(false);
    expect(confirmationMatches("  ", " ")).toBe(false);
  });
});

describe("confirmationMayMatch", () => {
  it("is true while the typing is a beginning of the name", () => {
    expect(confirmationMayMatch("kiosk -", "Kiosk — Warehouse")).toBe(true);
    expect(confirmationMayMatch("kiosk x", "Kiosk — Warehouse")).toBe(false);
  });
});
