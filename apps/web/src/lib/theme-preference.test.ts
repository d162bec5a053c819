import { describe, expect, it } from "vitest";
import { effectiveTheme, readThemePreference } from "./theme-preference";

describe("theme preference", () => {
  it("follows the system unless light or dark is stored", () => {
    expect(readThemePreference({ getItem: () => null })).toBe("system");
    expect(readThemePreference({ getItem: () => "dark" })).toBe("dark");
    expect(readThemePreference({ getItem: () => "purple" })).toBe("system");
    expect(
      readThemePreference({
        getItem: () => {
          throw new Error("denied");
        },
      }),
    ).toBe("system");
    expect(effectiveTheme("system", true)).toBe("dark");
    expect(effectiveTheme("system", false)).toBe("light");
    expect(effectiveTheme("light", true)).toBe("light");
  });
});
