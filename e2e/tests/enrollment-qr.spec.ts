import type { Page, TestInfo } from "@playwright/test";
import { ConsoleApi } from "../fixtures/console-api.js";
import { expect, test } from "../fixtures/console-test.js";
import { ConsoleShell } from "../pages/console-shell.js";
import { EnrollmentProfilesPage } from "../pages/enrollment-profiles-page.js";
import { SignInPage } from "../pages/sign-in-page.js";

// Issue #18, 4: the QR code of a replaced token, drawn from Graph's qrCodeContent, with the
// token's expiry and a print button; showing it is an audited reveal like "Show token".

const keep = async (page: Page, testInfo: TestInfo, name: string) => {
  const body = await page.screenshot({ path: `../docs/screenshots/${name}.png` });
  await testInfo.attach(name, { body, contentType: "image/png" });
};

test("a senior agent replaces a token and is shown its QR code, printable, on the record", async ({
  page,
  request,
  simulator,
}, testInfo) => {
  const api = new ConsoleApi(request, simulator);
  const profiles = await api.enrollmentProfiles();
  const profile = profiles.find(
    (p) =>
      p.tokenStatus === "active" &&
      !profiles.some((o) => o !== p && o.displayName.includes(p.displayName)),
  );
  if (!profile) throw new Error("The seeded tenant has no active token to replace");
  const reveals = async () =>
    (await api.actionsAbout(profile.id, "senior")).filter(
      (a) => a.kind === "enrollment-profile.reveal-token",
    ).length;
  const revealsBefore = await reveals();

  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signInAs("Megan Bowen");
  const shell = new ConsoleShell(page);
  await expect(shell.userMenu("Megan Bowen")).toBeVisible();
  const ep = new EnrollmentProfilesPage(page);
  await ep.open();
  await ep.replaceButton(profile.displayName).click();
  await ep.confirmInput().fill(profile.displayName);
  await ep.submitButton("Replace token").click();
  await expect(ep.resultStatus()).toContainText("Token replaced", { timeout: 30_000 });

  await ep.dialog().getByRole("button", { name: "Show the new token and QR code" }).click();
  const qr = ep.qrCode(profile.displayName);
  await expect(qr).toBeVisible();
  // A real image: the library drew a PNG the browser decoded.
  expect(await qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(100);
  const sheet = ep.dialog().getByRole("region", { name: `Token of ${profile.displayName}` });
  await expect(sheet.locator("code")).toHaveText(/^[A-Z2-9]{20}$/);
  await expect(sheet).toContainText(/Token expires\s*in \d+ (days|weeks|months)/);
  const print = ep.dialog().getByRole("button", { name: "Print QR code" });
  await print.scrollIntoViewIfNeeded();
  await expect(print).toBeVisible();
  await keep(page, testInfo, "enrollment-token-qr");
  // The new token was shown through the audited reveal.
  await expect.poll(reveals).toBe(revealsBefore + 1);

  await ep.closeButton().click();
  await shell.switchLanguage("Русский");
  await ep.row(profile.displayName).getByRole("button", { name: "Показать токен" }).click();
  await expect(ep.dialog().getByRole("img")).toBeVisible();
  await ep.dialog().getByRole("button", { name: "Напечатать QR-код" }).scrollIntoViewIfNeeded();
  await keep(page, testInfo, "enrollment-token-qr-ru");
  await expect.poll(reveals).toBe(revealsBefore + 2);
});
