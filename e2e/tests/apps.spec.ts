import { iosVppAppSeeds } from "@ihc/tenant-sim";
import type { Page, TestInfo } from "@playwright/test";
import { ConsoleApi } from "../fixtures/console-api.js";
import { expect, test } from "../fixtures/console-test.js";
import type { SimulatorControl } from "../fixtures/simulator-control.js";
import { AppsPage } from "../pages/apps-page.js";
import { ConsoleShell } from "../pages/console-shell.js";
import { SignInPage } from "../pages/sign-in-page.js";

const revokePosts = async (simulator: SimulatorControl, appId: string, action?: string) =>
  (await simulator.received()).filter(
    (r) =>
      r.method === "POST" &&
      r.path.includes(appId) &&
      (action === undefined ? /\/revoke\w+License$/.test(r.path) : r.path.endsWith(`/${action}`)),
  );

const shot = async (page: Page, testInfo: TestInfo, name: string) => {
  await testInfo.attach(name, {
    body: await page.screenshot({ fullPage: true }),
    contentType: "image/png",
  });
};

const signIn = async (page: Page, who: string) => {
  await new SignInPage(page).open();
  await new SignInPage(page).signInAs(who);
  await expect(new ConsoleShell(page).userMenu(who)).toBeVisible({ timeout: 30_000 });
};

// Every test starts from the seeded tenant, whatever an earlier test revoked.
test.beforeEach(async ({ simulator }) => {
  await simulator.resetTenant();
});

test.describe("iOS VPP apps: revoke licenses through the dialogs, watched live", () => {
  // Sign-in, a revoke and Intune's simulated minutes take a while on a shared 2-core machine.
  test.describe.configure({ timeout: 150_000 });

  test("one user's license: the dialog names them, a double click sends one POST, the row and the count update", async ({
    page,
    simulator,
  }, testInfo) => {
    const slack = iosVppAppSeeds.slack;
    await signIn(page, "Adele Vance");
    const apps = new AppsPage(page);
    await apps.open();
    await expect(apps.appRow(slack.displayName)).toContainText("20 of 50 licenses used");
    await shot(page, testInfo, "apps-list");
    await apps.openApp(slack.displayName);
    await apps.expectUsage(20, 50);

    const row = apps.revocableRows("User").first();
    const upn = (await row.getByRole("cell").nth(2).textContent()) ?? "";
    expect(upn).toMatch(/@/);
    await row.getByRole("button", { name: /^Revoke the license of / }).click();
    await expect(apps.dialog()).toContainText(upn);
    await expect(apps.dialog()).toContainText("Notify the devices");
    await shot(page, testInfo, "apps-dialog-user");
    await apps.confirmButton().dblclick();
    await expect(apps.dialog()).toBeHidden();

    await expect(apps.latestAction()).toContainText("Done", { timeout: 30_000 });
    await expect(apps.licenseRowOf(upn, "User")).toHaveCount(0);
    await apps.expectUsage(19, 50);
    await shot(page, testInfo, "apps-user-done");
    await new ConsoleShell(page).switchLanguage("Русский");
    await expect(page.getByRole("heading", { level: 2, name: "Лицензии" })).toBeVisible();
    await shot(page, testInfo, "apps-detail-ru");
    const posts = await revokePosts(simulator, slack.id, "revokeUserLicense");
    expect(posts).toHaveLength(1);
  });

  test("one device license: the device is named, revoked by managedDeviceId, gone from the list", async ({
    page,
    simulator,
  }, testInfo) => {
    const outlook = iosVppAppSeeds.outlook;
    await signIn(page, "Adele Vance");
    const apps = new AppsPage(page);
    await apps.open();
    await apps.openApp(outlook.displayName, "Contoso Business VPP");
    await apps.expectUsage(36, 100);

    // Device licenses come after the user licenses: only rows in view are rendered.
    await apps.scrollLicensesToEnd();
    const row = apps.revocableRows("Device").first();
    const device = (await row.getByRole("cell").nth(3).textContent()) ?? "";
    expect(device).not.toBe("");
    await row.getByRole("button", { name: /^Revoke the license of / }).click();
    await expect(apps.dialogList()).toContainText(device);
    await shot(page, testInfo, "apps-dialog-device");
    await apps.confirmButton().click();
    await expect(apps.dialog()).toBeHidden();

    await expect(apps.latestAction()).toContainText("Done", { timeout: 30_000 });
    await expect(apps.licenseRowOf(device, "Device")).toHaveCount(0);
    await apps.expectUsage(35, 100);
    const posts = await revokePosts(simulator, outlook.id, "revokeDeviceLicense");
    expect(posts).toHaveLength(1);
  });

  test("a selection of 10: one bulk action, 10 of 10 live, each license revoked once", async ({
    page,
    simulator,
  }, testInfo) => {
    const teams = iosVppAppSeeds.teams;
    await signIn(page, "Adele Vance");
    const apps = new AppsPage(page);
    await apps.open();
    await apps.openApp(teams.displayName);
    await apps.expectUsage(32, 75);

    const rows = apps.licenseRows().filter({ has: page.getByRole("checkbox") });
    const chosen: { who: string; kind: "User" | "Device" }[] = [];
    for (let i = 0; i < 10; i += 1) {
      const cells = rows.nth(i).getByRole("cell");
      const kind = (await cells.nth(4).textContent()) === "Device" ? "Device" : "User";
      chosen.push({ who: (await cells.nth(kind === "Device" ? 3 : 2).textContent()) ?? "", kind });
      await rows.nth(i).getByRole("checkbox").check();
    }
    await expect(page.getByText("10 licenses selected")).toBeVisible();
    await apps.revokeSelectedButton().click();
    await expect(apps.dialogList().getByRole("listitem")).toHaveCount(10);
    await expect(apps.confirmButton()).toHaveText("Revoke 10 licenses");
    await shot(page, testInfo, "apps-dialog-selection");
    await apps.confirmButton().dblclick();
    await expect(apps.dialog()).toBeHidden();

    await expect(apps.latestAction()).toContainText(/of 10 licenses attempted/);
    await shot(page, testInfo, "apps-bulk-running");
    await expect(apps.latestAction()).toContainText("10 of 10 licenses attempted", {
      timeout: 30_000,
    });
    await expect(apps.latestAction()).toContainText("Done");
    await apps.expectUsage(22, 75);
    for (const { who, kind } of chosen) await expect(apps.licenseRowOf(who, kind)).toHaveCount(0);
    await shot(page, testInfo, "apps-bulk-done");
    expect(await revokePosts(simulator, teams.id)).toHaveLength(10);
    const bulkPosts = (await simulator.received()).filter((r) =>
      r.path.endsWith("/revoke-licenses"),
    );
    expect(bulkPosts).toHaveLength(0);
  });

  test("a bulk run's failures are readable and Retry failed… sends only them as a new action", async ({
    page,
    simulator,
  }, testInfo) => {
    const zoom = iosVppAppSeeds.zoom;
    await signIn(page, "Adele Vance");
    const apps = new AppsPage(page);
    await apps.open();
    await apps.openApp(zoom.displayName);
    await apps.expectUsage(22, 40);
    await simulator.setFaults([
      { method: "POST", path: "/revokeUserLicense$", kind: "status", status: 403, times: 2 },
    ]);

    const rows = apps.licenseRows().filter({ has: page.getByRole("checkbox") });
    for (let i = 0; i < 6; i += 1) await rows.nth(i).getByRole("checkbox").check();
    await apps.revokeSelectedButton().click();
    await apps.confirmButton().click();
    await expect(apps.dialog()).toBeHidden();

    const run = apps.latestAction();
    await expect(run).toContainText("6 of 6 licenses attempted", { timeout: 30_000 });
    await expect(run).toContainText("2 of 6 licenses failed");
    const failures = run.getByRole("table", { name: "Licenses not revoked" });
    await expect(failures.getByRole("row")).toHaveCount(3);
    await expect(failures).toContainText("HTTP 403");
    await shot(page, testInfo, "apps-bulk-failures");
    const before = (await revokePosts(simulator, zoom.id)).length;

    await run.getByRole("button", { name: "Retry failed (2)…" }).click();
    await expect(apps.dialogList().getByRole("listitem")).toHaveCount(2);
    await apps.confirmButton().click();
    await expect(apps.dialog()).toBeHidden();
    const retry = apps.latestAction();
    await expect(retry).toContainText("2 of 2 licenses attempted", { timeout: 30_000 });
    await expect(retry).toContainText("Done");
    await expect(retry).not.toContainText("failed");
    expect((await revokePosts(simulator, zoom.id)).length - before).toBe(2);
    await apps.expectUsage(16, 40);
  });

  test("all of an app's licenses: the app's name typed, Done, the list and the count follow Graph", async ({
    page,
    request,
    simulator,
  }, testInfo) => {
    const acrobat = iosVppAppSeeds.acrobat;
    await signIn(page, "Adele Vance");
    const apps = new AppsPage(page);
    await apps.open();
    await apps.openApp(acrobat.displayName);
    await apps.expectUsage(15, 25);
    await apps.revokeAllButton().click();
    await expect(apps.dialog()).toContainText("15 licenses in use now");
    await expect(apps.confirmButton()).toBeDisabled();
    await apps.dialog().getByLabel("Type the app's name to confirm").fill(acrobat.displayName);
    await shot(page, testInfo, "apps-dialog-all");
    await apps.confirmButton().dblclick();
    await expect(apps.dialog()).toBeHidden();

    await expect(apps.latestAction()).toContainText("Done", { timeout: 30_000 });
    // The simulated Intune, like the real one, may fail on some licenses: the page shows what
    // Graph then lists, without a reload.
    const after = await new ConsoleApi(request, simulator).app(acrobat.id);
    expect(after.usedLicenseCount).toBeLessThan(15);
    await apps.expectUsage(after.usedLicenseCount, 25);
    await expect(apps.licenseRows()).toHaveCount(
      after.usedLicenseCount === 0 ? 0 : after.usedLicenseCount,
    );
    await shot(page, testInfo, "apps-all-done");
    expect(await revokePosts(simulator, acrobat.id, "revokeAllLicenses")).toHaveLength(1);
  });

  test("the auditor sees apps and licenses but no revoke button or checkbox", async ({ page }) => {
    await signIn(page, "Isaiah Langer");
    const apps = new AppsPage(page);
    await apps.open();
    await apps.openApp(iosVppAppSeeds.slack.displayName);
    await expect(apps.licenseRows().first()).toBeVisible();
    await expect(apps.anyRevokeButtons()).toHaveCount(0);
    await expect(apps.licenses().getByRole("checkbox")).toHaveCount(0);
  });
});
