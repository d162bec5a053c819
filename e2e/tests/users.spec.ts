import type { Page, TestInfo } from "@playwright/test";
import { expect, test } from "../fixtures/console-test.js";
import { ConsoleShell } from "../pages/console-shell.js";
import { SignInPage } from "../pages/sign-in-page.js";
import { UserPage } from "../pages/user-page.js";
import { UsersPage } from "../pages/users-page.js";

/** Showcase users every tenant size has (packages/tenant-sim/src/seed/showcase-catalog.ts). */
const DOMAIN = "contoso-sim.onmicrosoft.com";
const jeanLuc = {
  displayName: "Jean-Luc D'Arcy",
  upn: `jean-luc.darcy@${DOMAIN}`,
  devices: [
    "CONTOSO-DT-0107",
    "CONTOSO-LT-0107",
    "Test iPhone SE",
    "Jean-Luc's iPad",
    "Pixel 7a",
    "Jean-Luc's MacBook Pro",
  ],
  personal: "Pixel 7a",
};
const jose = { displayName: "José Ñuñez", upn: `jose.nunez@${DOMAIN}`, device: "Galaxy A54 5G" };

async function signIn(page: Page, displayName: string): Promise<void> {
  const signInPage = new SignInPage(page);
  await signInPage.open();
  await signInPage.signInAs(displayName);
  // The first sign-in of a run waits for the stack to warm up on a busy machine.
  await expect(new ConsoleShell(page).userMenu(displayName)).toBeVisible({ timeout: 30_000 });
}

async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await testInfo.attach(name, {
    body: await page.screenshot({ fullPage: true }),
    contentType: "image/png",
  });
}

async function openUser(page: Page, search: string, displayName: string): Promise<UserPage> {
  const users = new UsersPage(page);
  await users.open();
  await users.searchBox().fill(search);
  await users.option(new RegExp(displayName)).click();
  const user = new UserPage(page);
  await expect(user.heading(displayName)).toBeVisible();
  return user;
}

test.describe("Users: find anyone, retire all of a user's devices", () => {
  // A retire takes the simulator's retireSeconds plus the BFF watcher's polls.
  test.describe.configure({ timeout: 120_000 });

  test("search as you type, with quotes, & and #; keyboard opens a person; Back keeps the results", async ({
    page,
  }, testInfo) => {
    await signIn(page, "Megan Bowen");
    const users = new UsersPage(page);
    await users.open();
    await expect(users.summary()).toContainText("Type the start of a name");
    await shot(page, testInfo, "users-search-empty");

    await users.searchBox().fill("O'Brien");
    await expect(users.resultsFor("O'Brien")).toBeVisible();
    await expect(users.option(/Siobhán O'Brien/)).toBeVisible();
    await expect(page).toHaveURL(/\/users\?q=O%27Brien$/);

    await users.searchBox().fill("R&D Lab Kiosk #3");
    await expect(users.resultsFor("R&D Lab Kiosk #3")).toBeVisible();
    await expect(users.options()).toHaveCount(1);
    await expect(users.option(/R&D Lab Kiosk #3/)).toBeVisible();

    await users.searchBox().fill("svc$intune");
    await expect(users.option(/svc\$intune-sync/)).toBeVisible();

    await users.searchBox().fill("Zzyzx Qwv");
    await expect(page.getByText("No one matches")).toBeVisible();
    await shot(page, testInfo, "users-search-none");

    await users.searchBox().fill("x".repeat(201));
    await expect(page.getByText("That search is too long")).toBeVisible();

    // A broad search: many people, a count, and the keyboard.
    await users.searchBox().fill("a");
    await expect(users.resultsFor("a")).toBeVisible();
    await expect(users.summary()).toContainText(/\d+ people match/);
    await shot(page, testInfo, "users-search-results");

    await users.searchBox().fill("Siob");
    await expect(users.resultsFor("Siob")).toBeVisible();
    await users.searchBox().press("ArrowDown");
    await expect(users.results()).toBeFocused();
    await expect(users.option(/Siobhán O'Brien/)).toHaveAttribute("aria-selected", "true");
    await page.keyboard.press("Enter");
    const user = new UserPage(page);
    await expect(user.heading("Siobhán O'Brien")).toBeVisible();
    await expect(user.deviceRow("CONTOSO-LT-0142")).toContainText("Not compliant");

    await page.goBack();
    await expect(page).toHaveURL(/\/users\?q=Siob$/);
    await expect(users.searchBox()).toHaveValue("Siob");
    await expect(users.option(/Siobhán O'Brien/)).toBeVisible();
  });

  test("the agent retires all of a user's devices through the dialog and watches each one leave", async ({
    page,
    simulator,
  }, testInfo) => {
    await simulator.resetTenant();
    // Long enough to see the devices retiring on a busy machine, short enough for a quick test.
    await simulator.setTiming({ retireSeconds: 10 });
    await signIn(page, "Megan Bowen");
    const user = await openUser(page, "Jean-Luc", jeanLuc.displayName);
    for (const device of jeanLuc.devices) await expect(user.deviceRow(device)).toBeVisible();
    await expect(user.deviceRow(jeanLuc.personal)).toContainText("Personal");
    await shot(page, testInfo, "users-user-page");

    await user.retireButton().click();
    await expect(user.dialogDevices()).toHaveCount(jeanLuc.devices.length);
    for (const device of jeanLuc.devices) {
      await expect(user.dialogDevices().filter({ hasText: device })).toBeVisible();
    }
    await expect(user.dialogDevices().filter({ hasText: jeanLuc.personal })).toContainText(
      "Personal",
    );
    await expect(user.dialog()).toContainText("1 of them is personal");
    await expect(user.dialog()).toContainText("is not wiped");

    // A wrong UPN (another user's, or this one's with a letter off) keeps the button disabled.
    await user.confirmInput().fill(`jean-luc.darcy@${DOMAIN.replace("sim", "sin")}`);
    await expect(user.submitButton()).toBeDisabled();
    await user.confirmInput().fill(jose.upn);
    await expect(user.submitButton()).toBeDisabled();
    await user.reasonInput().fill("INC-5 leaver");
    await user.confirmInput().fill(jeanLuc.upn);
    await expect(user.submitButton()).toBeEnabled();
    await shot(page, testInfo, "users-retire-dialog");
    await user.submitButton().click();
    await expect(user.dialog()).toBeHidden();

    await expect(user.progress()).toBeVisible();
    await expect(user.progressDevices()).toHaveCount(jeanLuc.devices.length);
    await expect(user.progressDevices().filter({ hasText: jeanLuc.personal })).toContainText(
      /Retiring|Waiting/,
    );
    await expect(user.deviceRow(jeanLuc.personal)).toContainText("Retire pending");
    await shot(page, testInfo, "users-retire-progress");

    for (const device of jeanLuc.devices) {
      await expect(user.progressDevices().filter({ hasText: device })).toContainText(
        "Retired, left Intune",
        { timeout: 45_000 },
      );
    }
    await expect(user.progress()).toContainText("All devices retired");
    // The journal's record settles too: the BFF's watcher saw every device leave.
    await expect(user.progress()).toContainText("Done", { timeout: 60_000 });
    await expect(user.progress()).toContainText("INC-5 leaver");
    await expect(user.noDevices()).toBeVisible();
    await expect(user.retireButton()).toBeDisabled();
    await expect(page.getByText("Nothing to retire")).toBeVisible();
    await shot(page, testInfo, "users-retire-done");

    const retireCalls = (await simulator.received()).filter(
      (r) => r.method === "POST" && r.path.includes("removeAllDevicesFromManagement"),
    );
    expect(retireCalls).toHaveLength(1);
  });

  test("a user with no devices: the button says there is nothing to retire", async ({ page }) => {
    await signIn(page, "Megan Bowen");
    const user = await openUser(page, "Zoë", "Zoë Müller-Lüdenscheidt");
    await expect(user.noDevices()).toBeVisible();
    await expect(user.retireButton()).toBeDisabled();
    await expect(
      page.getByText("Nothing to retire: Zoë Müller-Lüdenscheidt has no managed devices."),
    ).toBeVisible();
  });

  test("the auditor sees the person and the devices but no retire and no revoke", async ({
    page,
  }) => {
    await signIn(page, "Isaiah Langer");
    const user = await openUser(page, "Siobhán", "Siobhán O'Brien");
    await expect(user.deviceRow("Siobhán's iPhone")).toBeVisible();
    await expect(page.getByRole("heading", { name: "VPP licenses" })).toBeVisible();
    await expect(user.retireButton()).toHaveCount(0);
    await expect(user.revokeLicenseButtons()).toHaveCount(0);
  });

  test("in Russian: search, the dialog with a personal device, the retire to the end", async ({
    page,
    simulator,
  }, testInfo) => {
    await simulator.resetTenant();
    await simulator.setTiming({ retireSeconds: 3 });
    await signIn(page, "Megan Bowen");
    await new ConsoleShell(page).switchLanguage("Русский");
    const users = new UsersPage(page);
    await users.open();
    await shot(page, testInfo, "users-search-empty-ru");
    await users.searchBox().fill("J");
    await expect(users.resultsFor("J")).toBeVisible();
    await shot(page, testInfo, "users-search-results-ru");
    await users.searchBox().fill("José");
    await users.option(/José Ñuñez/).click();
    const user = new UserPage(page);
    await expect(user.heading(jose.displayName)).toBeVisible();
    await shot(page, testInfo, "users-user-page-ru");
    await user.retireButton().click();
    await expect(user.dialogDevices().filter({ hasText: jose.device })).toContainText("Личное");
    await user.confirmInput().fill(jose.upn);
    await shot(page, testInfo, "users-retire-dialog-ru");
    await user.submitButton().click();
    await expect(user.progress()).toBeVisible();
    await shot(page, testInfo, "users-retire-progress-ru");
    await expect(user.progressDevices().filter({ hasText: jose.device })).toContainText(
      "Выведено из Intune",
      { timeout: 45_000 },
    );
    await expect(user.progress()).toContainText("Все устройства выведены");
    await shot(page, testInfo, "users-retire-done-ru");
  });
});
