import type { Page, TestInfo } from "@playwright/test";
import { expect, test } from "../fixtures/console-test.js";
import { ConsoleShell } from "../pages/console-shell.js";
import { SignInPage } from "../pages/sign-in-page.js";

// Issue #18, 5: VPP and enrollment tokens expired or expiring within EXPIRY_WARNING_DAYS show in
// a banner on every page, each a link to where it is renewed.

const keep = async (page: Page, testInfo: TestInfo, name: string) => {
  const body = await page.screenshot({ path: `../docs/screenshots/${name}.png` });
  await testInfo.attach(name, { body, contentType: "image/png" });
};

test("the shell warns of the VPP token expiring in 12 days and the expired one, linking to them", async ({
  page,
}, testInfo) => {
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signInAs("Adele Vance");
  const shell = new ConsoleShell(page);
  await expect(shell.userMenu("Adele Vance")).toBeVisible();
  // On a page that reads neither list: the banner reads them itself.
  await shell.navLink("Activity").click();
  const banner = page.getByRole("region", { name: "Expiring tokens" });
  await expect(banner).toContainText(/have expired/);
  const soon = banner.getByRole("listitem").filter({ hasText: "Contoso UK Retail VPP" });
  // The seed's dates are fixed and the words are relative to today ("last month", then "2 months
  // ago"): assert the direction, not the rounding of a date that moves every day.
  await expect(soon).toContainText(/expires in \d+ (days|weeks?)|expires next week/);
  const gone = banner.getByRole("listitem").filter({ hasText: "Fabrikam Legacy VPP" });
  await expect(gone).toContainText(/expired (last month|\d+ months ago|\d+ weeks ago)/);
  // A token far from its expiry is not named.
  await expect(banner).not.toContainText("Contoso Business VPP");
  await keep(page, testInfo, "expiry-banner");

  await shell.switchLanguage("Русский");
  await expect(page.getByRole("region", { name: "Истекающие токены" })).toContainText(
    /истекает (через \d+ (дн|недел)|на следующей неделе)/,
  );
  await keep(page, testInfo, "expiry-banner-ru");
  await shell.switchLanguage("English");

  await banner.getByRole("link", { name: "Contoso UK Retail VPP" }).click();
  await expect(page).toHaveURL(/\/vpp-tokens\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Contoso UK Retail VPP");
});
