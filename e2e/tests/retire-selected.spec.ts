import { seededDeviceIds } from "@ihc/tenant-sim";
import type { Page, TestInfo } from "@playwright/test";
import { expect, test } from "../fixtures/console-test.js";
import { ConsoleShell } from "../pages/console-shell.js";
import { SignInPage } from "../pages/sign-in-page.js";
import { UserPage } from "../pages/user-page.js";
import { UsersPage } from "../pages/users-page.js";

// Selected devices of one user retired together (issue #14; ADR 0031): Hana Kobayashi has 3
// devices; two are ticked, one record, one Graph retire each, the third left alone.
const hana = {
  displayName: "Hana Kobayashi",
  upn: "hana.kobayashi@contoso-sim.onmicrosoft.com",
  iphone: { name: "Hana's iPhone", id: seededDeviceIds.hanaKobayashi.iphone },
  ipad: { name: "Hana's iPad", id: seededDeviceIds.hanaKobayashi.ipad },
  laptop: { name: "CONTOSO-LT-0113", id: seededDeviceIds.hanaKobayashi.laptop },
};

const keep = async (page: Page, testInfo: TestInfo, name: string) => {
  const body = await page.screenshot({ path: `../docs/screenshots/${name}.png`, fullPage: true });
  await testInfo.attach(name, { body, contentType: "image/png" });
};

const signIn = async (page: Page, who: string) => {
  await new SignInPage(page).open();
  await new SignInPage(page).signInAs(who);
  await expect(new ConsoleShell(page).userMenu(who)).toBeVisible({ timeout: 30_000 });
};

const openUser = async (page: Page, search: string, displayName: string): Promise<UserPage> => {
  const users = new UsersPage(page);
  await users.open();
  await users.searchBox().fill(search);
  await users.option(new RegExp(displayName)).click();
  const user = new UserPage(page);
  await expect(user.heading(displayName)).toBeVisible();
  return user;
};

test.beforeEach(async ({ simulator }) => {
  await simulator.resetTenant();
});

test.describe("Retire selected devices: one record, one retire per selected device", () => {
  test.describe.configure({ timeout: 150_000 });

  test("the senior agent ticks 2 of Hana's 3 devices: exactly those 2 retires reach Graph, both done", async ({
    page,
    simulator,
  }, testInfo) => {
    await simulator.setTiming({ retireSeconds: 3 });
    await page.setViewportSize({ width: 1280, height: 1300 });
    await signIn(page, "Megan Bowen");

    // Russian first, ticked with the keyboard (nothing sent).
    const shell = new ConsoleShell(page);
    await shell.switchLanguage("Русский");
    let user = await openUser(page, "Hana Ko", hana.displayName);
    await expect(user.retireSelectedButton()).toHaveText("Вывести выбранные (0)…");
    await user.deviceCheckbox(hana.iphone.name).focus();
    await page.keyboard.press("Space");
    await user.deviceCheckbox(hana.laptop.name).focus();
    await page.keyboard.press("Space");
    await expect(user.retireSelectedButton()).toHaveText("Вывести выбранные (2)…");
    await user.retireSelectedButton().click();
    await expect(user.dialog()).toContainText(
      "Вывести 2 устройства пользователя Hana Kobayashi из управления?",
    );
    await expect(user.dialogDevices()).toHaveCount(2);
    await expect(user.dialog()).toContainText("Невыбранные устройства не затрагиваются");
    await user.confirmInput().fill(hana.upn);
    await expect(user.submitButton()).toHaveText("Вывести 2 устройства");
    await keep(page, testInfo, "retire-selected-dialog-ru");
    await user.dialog().getByRole("button", { name: "Отмена" }).click();
    await expect(user.dialog()).toBeHidden();
    await shell.switchLanguage("English");

    // English to the end: select all, then leave the iPad out.
    user = await openUser(page, "Hana Ko", hana.displayName);
    await user.selectAllDevices().check();
    await expect(user.retireSelectedButton()).toHaveText("Retire selected (3)…");
    await user.deviceCheckbox(hana.ipad.name).uncheck();
    await expect(user.selectAllDevices()).not.toBeChecked();
    await expect(user.retireSelectedButton()).toHaveText("Retire selected (2)…");
    await user.retireSelectedButton().click();
    await expect(user.dialog()).toContainText("Retire 2 of Hana Kobayashi's devices?");
    await expect(user.dialogDevices()).toHaveCount(2);
    for (const device of [hana.iphone, hana.laptop]) {
      await expect(user.dialogDevices().filter({ hasText: device.name })).toContainText(
        /Retire removes company data/,
      );
    }
    await expect(user.dialogDevices().filter({ hasText: hana.ipad.name })).toHaveCount(0);
    await expect(user.submitButton()).toBeDisabled();
    await user.reasonInput().fill("HR-2301 returns the iPad later");
    await user.confirmInput().fill(hana.upn);
    await expect(user.submitButton()).toBeEnabled();
    await keep(page, testInfo, "retire-selected-dialog-en");
    await user.submitButton().dblclick();

    // Each device live in the dialog, then both done.
    await expect(user.retireSelectedItems()).toHaveCount(2);
    await expect(user.retireSelectedItems().locator('[data-state="succeeded"]')).toHaveCount(2, {
      timeout: 90_000,
    });
    await expect(user.dialog()).toContainText("2 devices retired", { timeout: 60_000 });
    await expect(user.dialog()).toContainText("2 of 2 devices done or failed");
    await keep(page, testInfo, "retire-selected-progress-en");

    const received = await simulator.received();
    const posts = (pattern: RegExp) =>
      received.filter((r) => r.method === "POST" && pattern.test(r.path));
    const retires = posts(/\/managedDevices\/[^/]+\/retire$/);
    expect(retires.map((r) => r.path.split("/").at(-2)).sort()).toEqual(
      [hana.iphone.id, hana.laptop.id].sort(),
    );
    expect(posts(/removeAllDevicesFromManagement/)).toHaveLength(0);

    // The dialog closed, the record stays on the page; the iPad is still managed.
    await user.dialog().getByRole("button", { name: "Close" }).click();
    await expect(user.retireSelectedPanel()).toBeVisible();
    await expect(user.retireSelectedItems("page")).toHaveCount(2);
    await expect(user.deviceRow(hana.ipad.name)).toBeVisible();
    await expect(user.deviceRow(hana.iphone.name)).toHaveCount(0);
    await shell.switchLanguage("Русский");
    await expect(user.retireSelectedPanel()).toContainText("Выведено");
    await expect(user.retireSelectedPanel()).toContainText("Выведено из управления 2 устройства");
    await expect(user.retireSelectedPanel()).toContainText("Обработано 2 из 2 устройств");
    await keep(page, testInfo, "retire-selected-progress-ru");
  });

  test("a selection holding a device retire would reset is refused in the dialog, nothing sent", async ({
    page,
    simulator,
  }) => {
    await signIn(page, "Megan Bowen");
    const user = await openUser(page, "Mateo Ro", "Mateo Rossi");
    await user.deviceCheckbox("Mateo's Galaxy S23").check();
    await user.deviceCheckbox("FIELD-TAB-0112").check();
    await user.retireSelectedButton().click();
    await expect(user.dialogDevices()).toHaveCount(2);
    await expect(user.dialogDevices().filter({ hasText: "FIELD-TAB-0112" })).toContainText(
      /factory/i,
    );
    await expect(user.dialog()).toContainText(
      "FIELD-TAB-0112 cannot be retired with the others: retiring it resets it",
    );
    await user.confirmInput().fill("mateo.rossi@contoso-sim.onmicrosoft.com");
    await expect(user.submitButton()).toBeDisabled();
    const received = await simulator.received();
    expect(received.filter((r) => r.method === "POST" && /\/retire$/.test(r.path))).toHaveLength(0);
  });
});
