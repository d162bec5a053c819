import { AxeBuilder } from "@axe-core/playwright";
import { demoAccounts, iosVppAppSeeds, vppTokenSeeds } from "@ihc/tenant-sim";
import type { Page, TestInfo } from "@playwright/test";
import { expect, test } from "../fixtures/console-test.js";
import { AppsPage } from "../pages/apps-page.js";
import { ConsoleShell } from "../pages/console-shell.js";
import { SignInPage } from "../pages/sign-in-page.js";
import { VppTokensPage } from "../pages/vpp-tokens-page.js";

// Issue #15, the console honest on a realistic tenant: a missing Intune role is said in words
// that name the permission to ask for, "My access" shows what Intune refused, and a Graph enum
// value newer than the console's schema reads "Unknown (value)" instead of breaking the page.

const nointune = demoAccounts.find((account) => account.key === "nointune");
const agent = demoAccounts.find((account) => account.key === "agent");
if (nointune === undefined || agent === undefined) throw new Error("demo accounts changed");

const signIn = async (page: Page, who: string) => {
  await new SignInPage(page).open();
  await new SignInPage(page).signInAs(who);
  await expect(new ConsoleShell(page).userMenu(who)).toBeVisible({ timeout: 30_000 });
};

/** Attached to the report, and kept under docs/screenshots/ (viewport: the part that matters). */
const keep = async (page: Page, testInfo: TestInfo, name: string) => {
  const body = await page.screenshot({ fullPage: true, path: `../docs/screenshots/${name}.png` });
  await testInfo.attach(name, { body, contentType: "image/png" });
};

const seriousViolations = async (page: Page) => {
  // Tabster's focus sentinels are aria-hidden and focusable by design (as in confirm-and-focus).
  const results = await new AxeBuilder({ page }).exclude("[data-tabster-dummy]").analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
};

const intuneRow = (page: Page, label: string) =>
  page
    .getByRole("table", { name: /^(Intune permissions|Разрешения Intune)/ })
    .getByRole("row")
    .filter({ hasText: label });

test.describe("realistic tenant: Intune RBAC and new enum values", () => {
  test.describe.configure({ timeout: 120_000 });

  test("an agent without an Intune role is told which permission to ask for, and My access shows it missing", async ({
    page,
    simulator,
  }, testInfo) => {
    await simulator.setScenario({ intuneRbac: true });
    await signIn(page, nointune.displayName);
    const shell = new ConsoleShell(page);

    await new AppsPage(page).open();
    const alert = page.getByRole("alert").filter({ hasText: "Mobile apps: Read" });
    await expect(alert).toContainText("Your Intune role does not allow this");
    await expect(alert).toContainText(
      "You have no Intune role that allows “Mobile apps: Read”. Ask your Intune administrator to add it to your role assignment.",
    );
    await expect(alert).not.toContainText("Something went wrong");
    expect(await seriousViolations(page)).toEqual([]);
    await keep(page, testInfo, "intune-role-missing-en");

    await shell.switchLanguage("Русский");
    await expect(alert).toContainText("Ваша роль Intune этого не разрешает");
    await expect(alert).toContainText(
      "Ни одна из ваших ролей Intune не даёт разрешения «Mobile apps: Read».",
    );
    await keep(page, testInfo, "intune-role-missing-ru");
    await shell.switchLanguage("English");

    // My access, from the user menu, by keyboard alone.
    await shell.userMenu(nointune.displayName).focus();
    await page.keyboard.press("Enter");
    const item = page.getByRole("menuitem", { name: "My access" });
    await expect(item).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1, name: "My access" })).toBeVisible();

    await expect(intuneRow(page, "Mobile apps: Read")).toContainText("Missing");
    // The console opened on VPP tokens, which Intune refused too (Managed apps: Read).
    await expect(intuneRow(page, "Managed apps: Read")).toContainText("Missing");
    // Never asked for: not known yet, not "missing".
    await expect(intuneRow(page, "Remote tasks: Wipe")).toContainText("Not known yet");
    await expect(page.getByText("Intune refused some requests")).toBeVisible();
    const roles = page.getByRole("table", { name: /^The console's app roles/ });
    await expect(roles.getByRole("row").filter({ hasText: "Licenses.Revoke" })).toContainText(
      "Assigned",
    );
    await expect(roles.getByRole("row").filter({ hasText: "Activity.ReadAll" })).toContainText(
      "Not assigned",
    );
    expect(await seriousViolations(page)).toEqual([]);
    await keep(page, testInfo, "my-access-en");

    await shell.switchLanguage("Русский");
    await expect(page.getByRole("heading", { level: 1, name: "Мой доступ" })).toBeVisible();
    await expect(intuneRow(page, "Mobile apps: Read")).toContainText("Нет");
    expect(await seriousViolations(page)).toEqual([]);
    await keep(page, testInfo, "my-access-ru");
  });

  test("a VPP token state newer than the console's schema reads 'Unknown (…)' and the page loads", async ({
    page,
    simulator,
  }, testInfo) => {
    await simulator.setScenario({ newEnumValues: true });
    await signIn(page, agent.displayName);
    const tokens = new VppTokensPage(page);
    await tokens.open();
    const row = tokens.row(vppTokenSeeds.externalMdm.displayName);
    await expect(row).toContainText("Unknown (revokedByApple)");
    await expect(tokens.row(vppTokenSeeds.valid.displayName)).toContainText("Valid");
    await keep(page, testInfo, "vpp-tokens-unknown-state-en");

    await tokens.openToken(vppTokenSeeds.externalMdm.displayName);
    await expect(page.getByText("Unknown (revokedByApple)").first()).toBeVisible();
    await new ConsoleShell(page).switchLanguage("Русский");
    await expect(page.getByText("Неизвестно (revokedByApple)").first()).toBeVisible();
  });

  test("a revoke dialog warns that the app's Required and Available groups will get the licenses back", async ({
    page,
    simulator,
  }, testInfo) => {
    await simulator.setScenario({ assignmentsRelicense: true });
    await signIn(page, agent.displayName);
    const apps = new AppsPage(page);
    await apps.open();
    await apps.openApp(iosVppAppSeeds.teams.displayName);
    await apps.revokeAllButton().click();
    const warning = apps.dialog().getByTestId("relicense-warning");
    await expect(warning).toContainText(
      /Assigned as Required to Sales \(\d+ users\): Intune will give these licenses back unless the assignment changes\./,
    );
    await expect(warning).toContainText(/Assigned as Available to IT Helpdesk \(\d+ users?\)/);
    await keep(page, testInfo, "relicense-warning-en");
    await page.keyboard.press("Escape");
    await expect(apps.dialog()).toBeHidden();

    const shell = new ConsoleShell(page);
    await shell.switchLanguage("Русский");
    await apps.revokeAllButton().click();
    await expect(warning).toContainText(/Назначено как обязательное для Sales \(\d+ пользовател/);
    await keep(page, testInfo, "relicense-warning-ru");
    await page.keyboard.press("Escape");
    await shell.switchLanguage("English");
  });
});
