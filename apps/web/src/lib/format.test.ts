import { describe, expect, it } from "vitest";
import {
  formatDate,
  formatDateTime,
  formatDuration,
  formatNumber,
  formatRegion,
  formatRelativeTime,
} from "./format";

const when = new Date("2026-03-05T14:07:00Z");

describe("format", () => {
  it("formats numbers per language", () => {
    expect(formatNumber(12345.5, "en")).toBe("12,345.5");
    // Russian groups with a (narrow) no-break space and uses a decimal comma.
    expect(formatNumber(12345.5, "ru").replace(/\s/g, " ")).toBe("12 345,5");
  });

  it("formats dates per language", () => {
    const utc = { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" } as const;
    // ICU versions differ in which space they put before "PM": compare words, not spaces.
    const words = (text: string) => text.replace(/\s/g, " ");
    expect(words(formatDateTime(when, "en", utc))).toBe("Mar 5, 2026, 2:07 PM");
    expect(words(formatDateTime(when, "ru", utc))).toBe("5 мар. 2026 г., 14:07");
    expect(formatDate("2026-03-05T12:00:00Z", "en")).toContain("2026");
  });

  it("says how long ago or until, in words, with Russian plural forms", () => {
    const now = new Date("2026-03-05T14:10:00Z");
    expect(formatRelativeTime(when, "en", now)).toBe("3 minutes ago");
    expect(formatRelativeTime(when, "ru", now)).toBe("3 минуты назад");
    expect(formatRelativeTime(new Date("2026-03-05T09:10:00Z"), "ru", now)).toBe("5 часов назад");
    expect(formatRelativeTime(new Date("2026-03-06T14:10:00Z"), "en", now)).toBe("tomorrow");
    expect(formatRelativeTime(now, "en", now)).toBe("now");
  });
});

describe("formatDuration and formatRegion", () => {
  const words = (text: string) => text.replace(/\s/g, " ");
  it("say how long something ran, in the two largest units", () => {
    expect(words(formatDuration(42_400, "en"))).toBe("42 sec");
    expect(words(formatDuration(185_000, "en"))).toBe("3 min 5 sec");
    expect(words(formatDuration(7_500_000, "ru"))).toBe("2 ч 5 мин");
  });

  it("name a country code, or keep what it cannot name", () => {
    expect(formatRegion("gb", "en")).toBe("United Kingdom");
    expect(formatRegion("de", "ru")).toBe("Германия");
    expect(formatRegion("not a code", "en")).toBe("not a code");
  });
});
