import { createInstance, type TFunction } from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import en from "../locales/en.json";
import ru from "../locales/ru.json";
import { describeProgress } from "./use-progress-detail";

const done = { actionState: "done" as const, attemptedCount: 5, failedCount: 0 };
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

describe("describeProgress: each kind has its own outcome words", () => {
  it("says devices retired for a retire, in English and Russian", () => {
    expect(describeProgress(tEn, "en", "user.retire-all-devices", "done", done)).toBe(
      "5 devices retired",
    );
    expect(describeProgress(tRu, "ru", "user.retire-all-devices", "done", done)).toBe(
      "Выведено из управления 5 устройств",
    );
    expect(
      describeProgress(tEn, "en", "user.retire-all-devices", "done", { ...done, failedCount: 2 }),
    ).toBe("2 of 5 devices not retired");
  });

  it("says licenses revoked for a revoke", () => {
    expect(describeProgress(tEn, "en", "vpp-token.revoke-licenses", "done", done)).toBe(
      "5 licenses revoked",
    );
    expect(describeProgress(tRu, "ru", "app.revoke-licenses-bulk", "done", done)).toBe(
      "Отозвано 5 лицензий",
    );
  });

  it("says items for an offboarding (devices and licenses), licenses for revoking them all", () => {
    expect(describeProgress(tEn, "en", "user.offboard", "done", done)).toBe("5 items done");
    expect(describeProgress(tRu, "ru", "user.offboard", "done", done)).toBe(
      "Выполнено 5 элементов",
    );
    expect(describeProgress(tEn, "en", "user.offboard", "done", { ...done, failedCount: 1 })).toBe(
      "1 of 5 items failed",
    );
    expect(describeProgress(tEn, "en", "user.revoke-all-licenses", "done", done)).toBe(
      "5 licenses revoked",
    );
  });

  it("says devices for a retire of selected devices (ADR 0031)", () => {
    const kind = "user.retire-selected-devices";
    expect(describeProgress(tEn, "en", kind, "done", done)).toBe("5 devices retired");
    expect(describeProgress(tRu, "ru", kind, "done", done)).toBe(
      "Выведено из управления 5 устройств",
    );
    expect(describeProgress(tEn, "en", kind, "done", { ...done, failedCount: 1 })).toBe(
      "1 of 5 devices not retired",
    );
  });

  it("never counts more attempted than out of while running", () => {
    expect(
      describeProgress(tEn, "en", "vpp-token.revoke-licenses", "inProgress", {
        actionState: "active",
        attemptedCount: 134,
        failedCount: 0,
        totalBefore: 131,
      }),
    ).toBe("134 of 134 so far");
  });
});

describe("describeProgress: a failure reason newer than this build", () => {
  it("is named as Graph sent it, not as 'no reason given'", () => {
    const failed = {
      actionState: "failed" as const,
      attemptedCount: 3,
      failedCount: 3,
      unrecognized: { actionFailureReason: "appleServiceThrottled" },
    };
    expect(describeProgress(tEn, "en", "vpp-token.revoke-licenses", "failed", failed)).toBe(
      "Because Unknown (appleServiceThrottled)",
    );
    expect(describeProgress(tRu, "ru", "vpp-token.revoke-licenses", "failed", failed)).toBe(
      "Причина: Неизвестно (appleServiceThrottled)",
    );
  });
});
