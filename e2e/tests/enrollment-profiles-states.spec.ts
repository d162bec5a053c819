import type { Page, TestInfo } from "@playwright/test";
import { ConsoleApi } from "../fixtures/console-api.js";
import { expect, test } from "../fixtures/console-test.js";
import { ConsoleShell } from "../pages/console-shell.js";
import { EnrollmentProfilesPage } from "../pages/enrollment-profiles-page.js";
import { SignInPage } from "../pages/sign-in-page.js";

const words = {
  en: {
    revoke: "Revoke token…",
    replace: "Replace token…",
    confirmRevoke: "Revoke token",
    confirmReplace: "Replace token",
    reveal: "Show token",
    confirmLabel: "Type the profile's name to confirm",
    validity: /New token valid for/,
    outOfRange: "from 1 to 90",
    revoking: "Revoking the token…",
    revoked: "Token revoked",
    checking: "Checking whether the token was replaced",
    notRevoked: "The token was not revoked",
    requestId: "Microsoft Graph request ID",
    close: "Close",
    beingReplaced: "Being replaced…",
    checkNow: "Check now",
  },
  ru: {
    revoke: "Отозвать токен…",
    replace: "Заменить токен…",
    confirmRevoke: "Отозвать токен",
    confirmReplace: "Заменить токен",
    reveal: "Показать токен",
    confirmLabel: /Введите название профиля/,
    validity: /Срок действия нового токена/,
    outOfRange: "от 1 до 90",
    revoking: "Отзыв токена…",
    revoked: "Токен отозван",
    checking: "Проверяем, заменён ли токен",
    notRevoked: "Токен не отозван",
    requestId: "ID запроса Microsoft Graph",
    close: "Закрыть",
    beingReplaced: "Токен заменяется…",
    checkNow: "Проверить сейчас",
  },
} as const;

const shoot = async (page: Page, testInfo: TestInfo, name: string) => {
  const body = await page.screenshot({ path: testInfo.outputPath(`${name}.png`) });
  await testInfo.attach(name, { body, contentType: "image/png" });
};

/**
 * What the agent sees on the way: the page, each dialog, the request in flight, done, not
 * confirmed (calmly) and refused (with Graph's request id), in English and Russian. Each state
 * is attached as a screenshot.
 */
for (const language of ["en", "ru"] as const) {
  test(`enrollment token dialogs show each state of the action (${language})`, async ({
    page,
    request,
    simulator,
  }, testInfo) => {
    test.setTimeout(240_000);
    const w = words[language];
    const profiles = await new ConsoleApi(request, simulator).enrollmentProfiles();
    const unique = profiles.filter(
      (p) => !profiles.some((o) => o !== p && o.displayName.includes(p.displayName)),
    );
    const [revoked, failed, replaced] = unique.filter((p) => p.tokenStatus === "active");
    if (!revoked || !failed || !replaced) throw new Error("Too few active tokens seeded");

    const signIn = new SignInPage(page);
    await signIn.open();
    await signIn.signInAs("Megan Bowen");
    const shell = new ConsoleShell(page);
    // Signing in takes a while on a busy machine: a longer wait, not a weaker check.
    await expect(shell.userMenu("Megan Bowen")).toBeVisible({ timeout: 30_000 });
    if (language === "ru") await shell.switchLanguage("Русский");
    const ep = new EnrollmentProfilesPage(page);
    await shell.navLink(language === "ru" ? "Профили регистрации" : "Enrollment profiles").click();
    await expect(ep.row(revoked.displayName)).toBeVisible();
    await shoot(page, testInfo, `enrollment-page-${language}`);

    // Revoke: the dialog, then the request in flight (Graph is slow), then done.
    await ep.row(revoked.displayName).getByRole("button", { name: w.revoke }).click();
    await ep.dialog().getByLabel(w.confirmLabel).fill(revoked.displayName);
    await shoot(page, testInfo, `enrollment-revoke-dialog-${language}`);
    await simulator.setFaults([
      { method: "POST", path: "/revokeToken$", kind: "latency", latencyMs: 4000, times: 1 },
    ]);
    await ep.dialog().getByRole("button", { name: w.confirmRevoke, exact: true }).click();
    // The copy button beside the name to type has a status region of its own.
    await expect(ep.dialog().getByRole("status").filter({ hasText: w.revoking })).toBeVisible();
    await shoot(page, testInfo, `enrollment-revoke-sending-${language}`);
    await expect(ep.resultStatus()).toContainText(w.revoked, { timeout: 30_000 });
    await shoot(page, testInfo, `enrollment-revoke-done-${language}`);
    await ep.dialog().getByRole("button", { name: w.close }).click();
    await expect(ep.dialog()).toBeHidden();

    // Refused by Graph: said so, with the request id support needs. (A 400: Graph's 403 on an
    // Intune write is the missing Intune role, shown as that problem — realistic-access.spec.ts.)
    await simulator.setFaults([
      { method: "POST", path: "/revokeToken$", kind: "status", status: 400, times: 1 },
    ]);
    await ep.row(failed.displayName).getByRole("button", { name: w.revoke }).click();
    await ep.dialog().getByLabel(w.confirmLabel).fill(failed.displayName);
    await ep.dialog().getByRole("button", { name: w.confirmRevoke, exact: true }).click();
    await expect(ep.resultStatus()).toContainText(w.notRevoked, { timeout: 30_000 });
    await expect(ep.dialog()).toContainText(w.requestId);
    await shoot(page, testInfo, `enrollment-revoke-failed-${language}`);
    await ep.dialog().getByRole("button", { name: w.close }).click();

    // Replace: the validity's inline error, then an unconfirmed create, said calmly.
    await ep.row(replaced.displayName).getByRole("button", { name: w.replace }).click();
    await ep.dialog().getByLabel(w.validity).fill("91");
    await ep.dialog().getByLabel(w.confirmLabel).fill(replaced.displayName);
    await expect(ep.dialog()).toContainText(w.outOfRange);
    await shoot(page, testInfo, `enrollment-replace-dialog-${language}`);
    await ep.dialog().getByLabel(w.validity).fill("30");
    await simulator.setFaults([
      { method: "POST", path: "/createToken$", kind: "status", status: 503, times: 1 },
    ]);
    await ep.dialog().getByRole("button", { name: w.confirmReplace, exact: true }).click();
    await expect(ep.resultStatus()).toContainText(w.checking, { timeout: 30_000 });
    await expect(ep.dialog().getByRole("button", { name: w.checkNow })).toBeVisible();
    await shoot(page, testInfo, `enrollment-replace-unknown-${language}`);
    await ep.dialog().getByRole("button", { name: w.close }).click();

    // The open action shows on its row (issue #12, 5): what it does, "Check now", and no second
    // revoke or replace while it is open — after a reload too, from the journal.
    const replacedRow = ep.row(replaced.displayName);
    const showsOpenAction = async () => {
      await expect(replacedRow).toContainText(w.beingReplaced);
      await expect(replacedRow.getByRole("button", { name: w.revoke })).toBeDisabled();
      await expect(replacedRow.getByRole("button", { name: w.replace })).toHaveCount(0);
      await expect(replacedRow.getByRole("button", { name: w.checkNow })).toBeVisible();
    };
    await showsOpenAction();
    await page.reload();
    await showsOpenAction();
    await replacedRow.getByRole("button", { name: w.checkNow }).click();
    await expect(replacedRow.getByRole("button", { name: w.checkNow })).toBeEnabled();
    await showsOpenAction();
    await shoot(page, testInfo, `enrollment-row-open-action-${language}`);

    // Show token.
    const shown = unique.find((p) => p.tokenStatus === "active" && p !== revoked && p !== replaced);
    if (!shown) throw new Error("No token left to show");
    await ep.row(shown.displayName).getByRole("button", { name: w.reveal }).click();
    await expect(ep.revealedToken()).toHaveText(/^[A-Z2-9]{20}$/);
    await shoot(page, testInfo, `enrollment-reveal-${language}`);
  });
}
