import { EnrollmentTokenStatusSchema } from "@ihc/contracts";
import { describe, expect, it } from "vitest";
import en from "../../../locales/en.json";
import ru from "../../../locales/ru.json";
import { tokenStatusLook } from "./token-status-look";

describe("token status badges", () => {
  const statuses = EnrollmentTokenStatusSchema.options;

  it("give each status its own colour, never colour alone", () => {
    const looks = statuses.map(tokenStatusLook);
    expect(new Set(looks.map((l) => l.color)).size).toBe(statuses.length);
    expect(tokenStatusLook("active").color).toBe("success");
    expect(tokenStatusLook("expiring").color).toBe("warning");
    expect(tokenStatusLook("expired").color).toBe("danger");
    expect(tokenStatusLook("none").color).toBe("subtle");
  });

  it("say each status in words, in English and Russian", () => {
    const words = (catalogue: typeof en, key: string) =>
      key
        .split(".")
        .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalogue);
    expect(statuses.map((s) => words(en, tokenStatusLook(s).label))).toEqual([
      "Active",
      "Expires soon",
      "Expired",
      "No token",
    ]);
    for (const status of statuses) {
      expect(words(ru, tokenStatusLook(status).label)).toMatch(/\p{Script=Cyrillic}/u);
    }
  });
});
