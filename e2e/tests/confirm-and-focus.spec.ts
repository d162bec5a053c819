import { AxeBuilder } from "@axe-core/playwright";
import { iosVppAppSeeds } from "@ihc/tenant-sim";
import type { Page, TestInfo } from "@playwright/test";
import { ConsoleApi } from "../fixtures/console-api.js";
import { expect, test } from "../fixtures/console-test.js";
import { AppsPage } from "../pages/apps-page.js";
import { ConsoleShell } from "../pages/console-shell.js";
import { SignInPage } from "../pages/sign-in-page.js";

// Issue #12, points 7 and 8: a typed confirmation accepts what a person can type, focus returns
// to the control that opened the dialog, and axe finds nothing serious in any state on the way.

const languages = {
  en: {
    name: "English",
    revokeToken: "Revoke token…",
    confirmLabel: "Type the profile's name to confirm",
    submit: "Revoke token",
    cancel: "Cancel",
    revokeOne: /^Revoke the license of /,
    revokeAll: "Revoke all licenses…",
    licensesHeading: "Licenses",
  },
  ru: {
    name: "Русский",
    revokeToken: "Отозвать токен…",
    confirmLabel: "Введите название профиля для подтверждения",
    submit: "Отозвать токен",
    cancel: "Отмена",
    revokeOne: /^Отозвать лицензию: /,
    revokeAll: "Отозвать все лицензии…",
    licensesHeading: "Лицензии",
  },
} as const;

const seriousViolations = async (page: Page) => {
  // Tabster's focus sentinels (Fluent's focus management) are aria-hidden and focusable by
  // design: they hand focus on at once. Everything else is checked.
  const results = await new AxeBuilder({ page }).exclude("[data-tabster-dummy]").analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
};

/** A screenshot attached to the report, and the key ones kept under docs/screenshots/. */
const shot = async (page: Page, testInfo: TestInfo, name: string, keep = false) => {
  const body = await page.screenshot({
    fullPage: true,
    ...(keep ? { path: `../docs/screenshots/${name}.png` } : {}),
  });
  await testInfo.attach(name, { body, contentType: "image/png" });
};

const expectAxeClean = async (page: Page, testInfo: TestInfo, name: string, keep = false) => {
  await shot(page, testInfo, name, keep);
  expect(await seriousViolations(page), name).toEqual([]);
};

/** Where focus is: nowhere (the body), on a control, in a table, or elsewhere on the page. */
const focusedPlace = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement;
    if (active === null || active === document.body) return "nowhere";
    if (active.closest("button, [role='button']") !== null) return "on a control";
    return active.closest("table, [role='table']") === null ? "elsewhere" : "in a table";
  });

test.beforeEach(async ({ simulator }) => {
  await simulator.resetTenant();
});

for (const [lang, w] of Object.entries(languages)) {
  test.describe(`typed confirmation and focus (${lang})`, () => {
    test.describe.configure({ timeout: 150_000 });

    const signIn = async (page: Page) => {
      await new SignInPage(page).open();
      await new SignInPage(page).signInAs("Adele Vance");
      const shell = new ConsoleShell(page);
      await expect(shell.userMenu("Adele Vance")).toBeVisible({ timeout: 30_000 });
      if (lang === "ru") {
        await shell.switchLanguage("Русский");
        await expect(page.locator("html")).toHaveAttribute("lang", "ru");
      }
    };

    test(`typing "-" where the name has "—" enables Revoke; focus returns to the row's button (${lang})`, async ({
      page,
      request,
      simulator,
    }, testInfo) => {
      const profiles = await new ConsoleApi(request, simulator).enrollmentProfiles();
      const target = profiles.find(
        (p) =>
          p.tokenStatus === "active" &&
          p.displayName.includes("—") &&
          !profiles.some((o) => o !== p && o.displayName.includes(p.displayName)),
      );
      if (!target) throw new Error("The seeded tenant has no active profile named with a dash");
      await signIn(page);
      await page
        .getByRole("navigation")
        .getByRole("link", { name: /^(Enrollment profiles|Профили регистрации)$/ })
        .click();
      const row = page.getByRole("row").filter({ hasText: target.displayName });
      const opener = row.getByRole("button", { name: w.revokeToken });
      await expect(opener).toBeEnabled();
      await expectAxeClean(page, testInfo, `enrollment-profiles-${lang}`);

      // Escape: the dialog closes and focus is back on the button that opened it.
      await opener.click();
      const dialog = page.getByRole("dialog");
      await expect(dialog).toBeVisible();
      await expectAxeClean(page, testInfo, `enrollment-revoke-dialog-${lang}`, true);
      await page.keyboard.press("Escape");
      await expect(dialog).toBeHidden();
      await expect(opener).toBeFocused();

      // Cancel: the same.
      await opener.click();
      await dialog.getByRole("button", { name: w.cancel }).click();
      await expect(dialog).toBeHidden();
      await expect(opener).toBeFocused();

      // What a person types: a hyphen for the dash, another case.
      await opener.click();
      const typed = target.displayName.replaceAll("—", "-").toLowerCase();
      const input = dialog.getByLabel(w.confirmLabel);
      const submit = dialog.getByRole("button", { name: w.submit, exact: true });
      await input.fill(typed.slice(0, -1));
      await expect(submit).toBeDisabled();
      await input.fill(typed);
      await expect(submit).toBeEnabled();
      // The name to type is text of its own, with a copy button.
      await expect(dialog.getByText(target.displayName, { exact: true })).toBeVisible();
      await expect(
        dialog.getByRole("button", { name: /^(Copy the name|Копировать: название)$/ }),
      ).toBeVisible();
      await expectAxeClean(page, testInfo, `enrollment-revoke-typed-${lang}`, true);
      await submit.click();
      await expect(dialog.getByRole("button", { name: /^(Close|Закрыть)$/ })).toBeFocused({
        timeout: 30_000,
      });
      await expectAxeClean(page, testInfo, `enrollment-revoke-result-${lang}`, true);
      await page.keyboard.press("Escape");
      await expect(dialog).toBeHidden();
      // The row's Revoke is disabled now (no token): focus stays in the table, on no control.
      await expect.poll(() => focusedPlace(page)).toBe("in a table");
      await expect(row).not.toContainText(/^Active$/);
    });

    test(`a single license: focus returns to its Revoke, never to Revoke all (${lang})`, async ({
      page,
    }, testInfo) => {
      const slack = iosVppAppSeeds.slack;
      await signIn(page);
      const apps = new AppsPage(page);
      await apps.open();
      await page.getByRole("link", { name: slack.displayName, exact: true }).first().click();
      await expect(page.getByRole("heading", { level: 2, name: w.licensesHeading })).toBeVisible();
      const first = page
        .getByTestId("license-scroller")
        .getByRole("row")
        .filter({ has: page.getByRole("button", { name: w.revokeOne }) })
        .first();
      const opener = first.getByRole("button", { name: w.revokeOne });
      await expect(opener).toBeVisible();
      await expectAxeClean(page, testInfo, `app-licenses-${lang}`, true);

      await opener.click();
      const dialog = page.getByRole("dialog");
      await expect(dialog).toBeVisible();
      await expectAxeClean(page, testInfo, `app-revoke-one-dialog-${lang}`);
      await dialog.getByRole("button", { name: w.cancel }).click();
      await expect(dialog).toBeHidden();
      await expect(opener).toBeFocused();
      await expect(page.getByRole("button", { name: w.revokeAll })).not.toBeFocused();

      await opener.click();
      await page.keyboard.press("Escape");
      await expect(dialog).toBeHidden();
      await expect(opener).toBeFocused();

      await opener.click();
      await dialog
        .getByRole("button", { name: /^(Revoke 1 license|Отозвать 1 лицензию)$/ })
        .click();
      await expect(dialog).toBeHidden();
      // The row leaves once Intune shows the license gone: focus stays in the page, on no
      // control (before, it went to "Revoke all licenses…", and Enter opened that dialog).
      await expect.poll(() => focusedPlace(page)).toMatch(/^(in a table|elsewhere)$/);
      await expect(page.getByRole("button", { name: w.revokeAll })).not.toBeFocused();
      await expectAxeClean(page, testInfo, `app-revoke-one-sent-${lang}`);
    });
  });
}
