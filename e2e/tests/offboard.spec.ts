import { iosVppAppSeeds, seededDeviceIds } from "@ihc/tenant-sim";
import type { Page, TestInfo } from "@playwright/test";
import { docsScreenshotPath, expect, test } from "../fixtures/console-test.js";
import { ConsoleShell } from "../pages/console-shell.js";
import { SignInPage } from "../pages/sign-in-page.js";
import { UserPage } from "../pages/user-page.js";
import { UsersPage } from "../pages/users-page.js";

// Offboarding a leaver (issue #14, 4; ADR 0030): Hana Kobayashi has 3 devices and 5 VPP licenses
// across 4 apps (packages/tenant-sim/src/seed/showcase-vpp-licenses.ts).
const hana = {
  displayName: "Hana Kobayashi",
  upn: "hana.kobayashi@contoso-sim.onmicrosoft.com",
  devices: ["Hana's iPhone", "Hana's iPad", "CONTOSO-LT-0113"],
  deviceIds: Object.values(seededDeviceIds.hanaKobayashi),
  apps: [
    iosVppAppSeeds.authenticator,
    iosVppAppSeeds.ukOutlook,
    iosVppAppSeeds.ukExcel,
    iosVppAppSeeds.ukSquare,
  ],
};

const keep = async (page: Page, testInfo: TestInfo, name: string) => {
  const path = docsScreenshotPath(testInfo, name);
  const body = await page.screenshot({ ...(path === undefined ? {} : { path }), fullPage: true });
  await testInfo.attach(name, { body, contentType: "image/png" });
};

const signIn = async (page: Page, who: string) => {
  await new SignInPage(page).open();
  await new SignInPage(page).signInAs(who);
  await expect(new ConsoleShell(page).userMenu(who)).toBeVisible({ timeout: 30_000 });
};

const openHana = async (page: Page): Promise<UserPage> => {
  const users = new UsersPage(page);
  await users.open();
  await users.searchBox().fill("Hana Ko");
  await users.option(/Hana Kobayashi/).click();
  const user = new UserPage(page);
  await expect(user.heading(hana.displayName)).toBeVisible();
  return user;
};

test.beforeEach(async ({ simulator }) => {
  await simulator.resetTenant();
});

test.describe("Offboarding a leaver: every device retired, every VPP license revoked", () => {
  test.describe.configure({ timeout: 150_000 });

  test("the senior agent offboards Hana to the end: one call per device and per license, each item done", async ({
    page,
    simulator,
    simProfile,
  }, testInfo) => {
    // Demo only: a realistic Intune keeps its own pace (scaled), which replaces these.
    await simulator.setTiming({ retireSeconds: 3, vppRevokeSeconds: 2 });
    // Tall enough that the dialog shows every device and license without scrolling.
    await page.setViewportSize({ width: 1280, height: 1300 });
    await signIn(page, "Megan Bowen");

    // The dialog in Russian first (nothing sent), then in English to the end.
    const shell = new ConsoleShell(page);
    await shell.switchLanguage("Русский");
    let user = await openHana(page);
    await user.offboardButton().click();
    await expect(user.dialogDevices()).toHaveCount(3);
    await expect(user.dialogLicenseApps()).toHaveCount(4);
    await expect(user.dialog()).toContainText("Будут отозваны эти 5 VPP-лицензий");
    await user.confirmInput().fill(hana.upn);
    await keep(page, testInfo, "offboard-dialog-ru");
    await user.dialog().getByRole("button", { name: "Отмена" }).click();
    await expect(user.dialog()).toBeHidden();
    await shell.switchLanguage("English");

    user = await openHana(page);
    await user.offboardButton().click();
    await expect(user.dialogDevices()).toHaveCount(3);
    for (const device of hana.devices) {
      await expect(user.dialogDevices().filter({ hasText: device })).toContainText(
        /Retire removes (company data|the work profile)/,
      );
    }
    await expect(user.dialogLicenseApps()).toHaveCount(4);
    for (const app of hana.apps) {
      await expect(user.dialogLicenseApps().filter({ hasText: app.displayName })).toBeVisible();
    }
    await expect(user.dialog()).toContainText(
      "These 5 VPP licenses will be revoked, across 4 apps",
    );
    await expect(user.offboardSubmitButton()).toBeDisabled();
    await user.confirmInput().fill("hana.kobayashi@contoso-sim.onmicrosoft.co");
    await expect(user.offboardSubmitButton()).toBeDisabled();
    await user.reasonInput().fill("HR-2291 leaver");
    await user.confirmInput().fill(hana.upn);
    await expect(user.offboardSubmitButton()).toBeEnabled();
    await keep(page, testInfo, "offboard-dialog-en");
    await user.offboardSubmitButton().dblclick();

    // The dialog follows each item live, then every one is done.
    await expect(user.offboardItems()).toHaveCount(8);
    for (const device of hana.devices) {
      await expect(user.offboardItems().filter({ hasText: device }).first()).toBeVisible();
    }
    if (simProfile === "realistic") {
      // A real device leaves at its next check-in (8 hours): the licenses are revoked, the
      // devices stay retiring, and the dialog does not call the offboarding done…
      await expect(user.offboardItems().locator('[data-state="succeeded"]')).toHaveCount(5, {
        timeout: 90_000,
      });
      await expect(user.offboardItems().getByText("Revoked", { exact: true })).toHaveCount(5);
      await expect(user.offboardItems().getByText("Retiring", { exact: true })).toHaveCount(3);
      await expect(user.dialog()).toContainText("5 of 8 items done or failed");
      await expect(user.dialog()).toContainText("In progress");
      // …until each device checks in.
      for (const id of hana.deviceIds) await simulator.checkIn(id);
    }
    await expect(user.offboardItems().locator('[data-state="succeeded"]')).toHaveCount(8, {
      timeout: 90_000,
    });
    await expect(user.dialog()).toContainText("8 of 8 items done or failed");
    await expect(user.dialog()).toContainText("8 items done", { timeout: 60_000 });
    await keep(page, testInfo, "offboard-done-en");

    const received = await simulator.received();
    const posts = (pattern: RegExp) =>
      received.filter((r) => r.method === "POST" && pattern.test(r.path));
    const retires = posts(/\/managedDevices\/[^/]+\/retire$/);
    expect(retires).toHaveLength(3);
    expect(retires.map((r) => r.path.split("/").at(-2)).sort()).toEqual([...hana.deviceIds].sort());
    const revokes = posts(/\/(revokeUserLicense|revokeDeviceLicense)$/);
    expect(revokes).toHaveLength(5);
    expect(new Set(revokes.map((r) => JSON.stringify([r.path, r.body]))).size).toBe(5);
    expect(new Set(revokes.map((r) => hana.apps.find((a) => r.path.includes(a.id))?.id)).size).toBe(
      4,
    );
    expect(posts(/\/users\/[^/]+\/offboard$|removeAllDevicesFromManagement/)).toHaveLength(0);

    await user.dialog().getByRole("button", { name: "Close" }).click();
    await expect(user.noDevices()).toBeVisible();
  });

  test(
    "the agent (no retire) sees no Offboard but may revoke all of the user's licenses",
    { tag: "@view-only" },
    async ({ page }) => {
      await signIn(page, "Adele Vance");
      const user = await openHana(page);
      await expect(user.revokeAllLicensesButton()).toBeVisible();
      await expect(user.offboardButton()).toHaveCount(0);
      await user.revokeAllLicensesButton().click();
      await expect(user.dialogDevices()).toHaveCount(0);
      await expect(user.dialogLicenseApps()).toHaveCount(4);
      await expect(user.offboardSubmitButton()).toHaveText("Revoke 5 licenses");
    },
  );
});
