import { createInstance, type TFunction } from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import en from "../locales/en.json";
import ru from "../locales/ru.json";
import { checkingWords, isBeingChecked, waitingWords } from "./action-wait-words";

let tEn: TFunction;
let tRu: TFunction;

beforeAll(async () => {
  const make = async (lng: "en" | "ru") => {
    const instance = createInstance();
    await instance.init({ lng, resources: { en: { translation: en }, ru: { translation: ru } } });
    return instance.t;
  };
  tEn = await make("en");
  tRu = await make("ru");
});

const now = new Date("2026-11-23T10:00:00.000Z");
const at = (seconds: number) => new Date(now.getTime() + seconds * 1000).toISOString();

describe("waitingWords: why a record waits, and for how long", () => {
  it("counts down to Intune's retry under throttling, in English and Russian", () => {
    const throttled = { waiting: { reason: "throttled" as const, until: at(11.2) } };
    expect(waitingWords(tEn, "en", throttled, now)).toBe(
      "Intune is throttling writes; retrying in 12 s",
    );
    expect(waitingWords(tRu, "ru", throttled, now)).toBe(
      "Intune ограничивает запись; повтор через 12 с",
    );
  });

  it("names the console's own write budget, and says 'now' once the wait is over", () => {
    const budget = { waiting: { reason: "writeBudget" as const, until: at(3) } };
    expect(waitingWords(tEn, "en", budget, now)).toBe(
      "Waiting for the write budget; sending in 3 s",
    );
    expect(waitingWords(tRu, "ru", budget, now)).toBe("Ждём квоту на запись; отправка через 3 с");
    const over = { waiting: { reason: "writeBudget" as const, until: at(-2) } };
    expect(waitingWords(tEn, "en", over, now)).toBe("Waiting for the write budget; sending now");
    expect(waitingWords(tEn, "en", {}, now)).toBeUndefined();
  });
});

describe("checkingWords: an outcome being settled", () => {
  it("says when the BFF last checked", () => {
    const record = { lastCheckedAt: at(-10) };
    expect(checkingWords(tEn, "en", record, now)).toBe("Checking… · last checked 10 seconds ago");
    expect(checkingWords(tRu, "ru", record, now)).toBe(
      "Проверяем… · последняя проверка 10 секунд назад",
    );
    expect(checkingWords(tEn, "en", { lastCheckedAt: at(2) }, now)).toBe(
      "Checking… · last checked now",
    );
    expect(checkingWords(tEn, "en", {}, now)).toBe("Checking…");
  });

  it("applies while the outcome is unknown and not yet settled", () => {
    expect(isBeingChecked({ state: "unknown" })).toBe(true);
    expect(isBeingChecked({ state: "unknown", completedAt: at(0) })).toBe(false);
    expect(isBeingChecked({ state: "sent" })).toBe(false);
  });
});

describe("checkingWords: a device Intune waits for (issue #15)", () => {
  const pending = {
    state: "succeeded" as const,
    items: [
      {
        key: "device:d1",
        kind: "device" as const,
        id: "d1",
        label: "iPhone",
        state: "sent" as const,
        managementState: "retirePending",
      },
    ],
  };

  it("says the device has to check in, with when the BFF last looked (en, ru)", () => {
    const record = { ...pending, lastCheckedAt: new Date(now.getTime() - 120_000).toISOString() };
    expect(isBeingChecked(record)).toBe(true);
    expect(checkingWords(tEn, "en", record, now)).toBe(
      "Waiting for the device to check in · last checked 2 minutes ago",
    );
    expect(checkingWords(tRu, "ru", record, now)).toBe(
      "Ждём, когда устройство выйдет на связь с Intune · последняя проверка 2 минуты назад",
    );
  });
});
