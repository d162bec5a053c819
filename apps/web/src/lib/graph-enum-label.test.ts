import { createInstance, type TFunction } from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import en from "../locales/en.json";
import ru from "../locales/ru.json";
import { graphEnumLabel, hasUnrecognized, unknownValueLabel } from "./graph-enum-label";

let tEn: TFunction;
let tRu: TFunction;

beforeAll(async () => {
  const make = async (lng: "en" | "ru") => {
    const instance = createInstance();
    await instance.init({
      lng,
      resources: { en: { translation: en }, ru: { translation: ru } },
      interpolation: { escapeValue: false },
    });
    return instance.t;
  };
  tEn = await make("en");
  tRu = await make("ru");
});

// As the BFF sends a token whose state Graph reported as a value newer than our schema.
const token = { state: "unknown", unrecognized: { state: "revokedByApple" } } as const;

describe("graphEnumLabel: a Graph enum value this build does not know", () => {
  it("is named as Graph sent it, in English and Russian, instead of its fallback", () => {
    expect(graphEnumLabel(tEn, token, "state", tEn("vppTokens.states.unknown"))).toBe(
      "Unknown (revokedByApple)",
    );
    expect(graphEnumLabel(tRu, token, "state", tRu("vppTokens.states.unknown"))).toBe(
      "Неизвестно (revokedByApple)",
    );
  });

  it("leaves a known value in our words", () => {
    const valid: { state: string; unrecognized?: Record<string, string> } = { state: "valid" };
    expect(graphEnumLabel(tEn, valid, "state", tEn("vppTokens.states.valid"))).toBe(
      tEn("vppTokens.states.valid"),
    );
    // Another property's unknown value does not leak into this one.
    const other = { unrecognized: { lastSyncStatus: "deferred" } };
    expect(graphEnumLabel(tEn, other, "state", "Valid")).toBe("Valid");
    expect(graphEnumLabel(tEn, undefined, "state", "Valid")).toBe("Valid");
  });

  it("reads Graph's property names, e.g. actionFailureReason on progress", () => {
    const progress = { failureReason: undefined, unrecognized: { actionFailureReason: "x" } };
    expect(hasUnrecognized(progress, "actionFailureReason")).toBe(true);
    expect(hasUnrecognized(progress, "actionState")).toBe(false);
    expect(graphEnumLabel(tEn, progress, "actionFailureReason", "no reason given")).toBe(
      "Unknown (x)",
    );
  });

  it("keeps the raw value as text (no HTML escaping: React renders it)", () => {
    expect(unknownValueLabel(tEn, "managed<PendingCheckIn>")).toBe(
      "Unknown (managed<PendingCheckIn>)",
    );
  });
});
