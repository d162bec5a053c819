import type { Page, TestInfo } from "@playwright/test";
import { docsScreenshotPath, expect, test } from "../fixtures/console-test.js";
import type { SimulatorControl } from "../fixtures/simulator-control.js";
import { ConsoleShell } from "../pages/console-shell.js";
import { SignInPage } from "../pages/sign-in-page.js";
import { UserPage } from "../pages/user-page.js";
import { UsersPage } from "../pages/users-page.js";

/**
 * Issue #14: one device's page and its actions. Mateo Rossi has every Android Enterprise mode
 * (packages/tenant-sim/src/seed/showcase-catalog.ts).
 */
const mateo = {
  displayName: "Mateo Rossi",
  workProfile: "Mateo's Galaxy S23",
  corporateWorkProfile: "FIELD-TAB-0112",
  fullyManaged: "FIELD-PHONE-0112",
};

async function signIn(page: Page, displayName: string): Promise<void> {
  const signInPage = new SignInPage(page);
  await signInPage.open();
  await signInPage.signInAs(displayName);
  await expect(new ConsoleShell(page).userMenu(displayName)).toBeVisible({ timeout: 30_000 });
}

async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await testInfo.attach(name, {
    body: await page.screenshot({ fullPage: true }),
    contentType: "image/png",
  });
}

/** From the user's device table to the device's page. */
async function openDevice(page: Page, deviceName: string): Promise<void> {
  const users = new UsersPage(page);
  await users.open();
  await users.searchBox().fill("Mateo");
  await users.option(/Mateo Rossi/).click();
  const user = new UserPage(page);
  await expect(user.heading(mateo.displayName)).toBeVisible();
  await user.deviceRow(deviceName).getByRole("link", { name: deviceName }).click();
  await expect(page.getByRole("heading", { level: 1, name: deviceName })).toBeVisible();
}

/** The Graph writes to one device, as the simulator received them. */
async function writesTo(simulator: SimulatorControl, action: string): Promise<string[]> {
  return (await simulator.received())
    .filter((call) => call.method === "POST" && call.path.endsWith(`/${action}`))
    .map((call) => call.path);
}

const dialog = (page: Page) => page.getByRole("dialog");
/** The serial number as the device page shows it (the third fact). */
const serialOf = async (page: Page): Promise<string> =>
  ((await page.getByRole("definition").nth(2).textContent()) ?? "").trim();

test.describe("Devices: one device's page, retire, sync, wipe", () => {
  test.describe.configure({ timeout: 120_000 });

  test("each retire dialog says what retire does to that device; retire, sync and wipe, double-clicked, send one call each", async ({
    page,
    simulator,
  }, testInfo) => {
    // Demo only: a realistic Intune keeps its own pace (scaled), which replaces these.
    // Long enough that the devices are still listed (retirePending, wipePending) while checked;
    // the work profile's retire ends within the test, so its page says it has left Intune.
    await simulator.setTiming({ retireSeconds: 15, wipeSeconds: 60 });
    await signIn(page, "Megan Bowen");

    // The user's retire-all dialog states each device's fate and refuses the ones it would reset.
    const users = new UsersPage(page);
    await users.open();
    await users.searchBox().fill("Mateo");
    await users.option(/Mateo Rossi/).click();
    const user = new UserPage(page);
    await user.retireButton().click();
    await expect(dialog(page)).toContainText("resets this device to factory settings");
    await expect(dialog(page)).toContainText("Intune cannot retire this device");
    await expect(dialog(page)).toContainText("removes the work profile");
    await user.confirmInput().fill("mateo.rossi@contoso-sim.onmicrosoft.com");
    await expect(dialog(page).getByRole("button", { name: /^Retire \d devices$/ })).toBeDisabled();
    await shot(page, testInfo, "devices-retire-all-dialog");
    await dialog(page).getByRole("button", { name: "Cancel" }).click();

    // The device page, and a retire that resets the device: the wipe's care.
    await user.deviceRow(mateo.corporateWorkProfile).getByRole("link").click();
    await expect(page.getByText("Android Enterprise — corporate-owned work profile")).toBeVisible();
    await shot(page, testInfo, "devices-device-page");
    await page.getByRole("button", { name: "Retire…" }).click();
    await expect(dialog(page)).toContainText("resets the device to factory settings");
    const reset = dialog(page).getByRole("button", { name: "Retire and reset" });
    await expect(reset).toBeDisabled();
    await shot(page, testInfo, "devices-retire-dialog-reset");
    await dialog(page).getByRole("button", { name: "Cancel" }).click();

    // A work profile: removed, the owner's data kept.
    await page.goBack();
    await user.deviceRow(mateo.workProfile).getByRole("link").click();
    const workProfileUrl = page.url();
    await page.getByRole("button", { name: "Retire…" }).click();
    await expect(dialog(page)).toContainText("removes the work profile");
    await shot(page, testInfo, "devices-retire-dialog");
    // Sent, double-clicked: one Graph call, the dialog closes, the device is leaving.
    await dialog(page).getByRole("button", { name: "Retire", exact: true }).dblclick();
    await expect(dialog(page)).toBeHidden();
    await expect(page.getByText("Retire pending").first()).toBeVisible({ timeout: 15_000 });
    expect(await writesTo(simulator, "retire")).toHaveLength(1);
    // Offered after the retire: sync, not destructive, no typed confirmation.
    await page.getByRole("button", { name: "Sync now…" }).click();
    await dialog(page).getByRole("button", { name: "Sync", exact: true }).dblclick();
    await expect(dialog(page)).toBeHidden();
    await expect(page.getByRole("table", { name: "Actions on this device" })).toContainText(
      "Sync a device",
    );
    expect(await writesTo(simulator, "syncDevice")).toHaveLength(1);

    // A fully managed device: retire refused with the reason; the wipe takes the serial.
    await page.goBack();
    await user.deviceRow(mateo.fullyManaged).getByRole("link").click();
    await page.getByRole("button", { name: "Retire: why not?…" }).click();
    await expect(dialog(page)).toContainText("Intune does not retire such devices");
    await expect(dialog(page).getByRole("button", { name: "Retire", exact: true })).toBeDisabled();
    await dialog(page).getByRole("button", { name: "Cancel" }).click();
    const serial = await serialOf(page);
    expect(serial).not.toBe("");
    await page.getByRole("button", { name: "Wipe…" }).click();
    await expect(dialog(page)).toContainText("Keep the device enrolled");
    await dialog(page)
      .getByLabel(/^Type the device's serial number to confirm/)
      .fill(serial);
    await shot(page, testInfo, "devices-wipe-dialog");
    await dialog(page).getByRole("button", { name: "Wipe the device" }).dblclick();
    await expect(dialog(page)).toBeHidden();
    await expect(page.getByText("Wipe pending").first()).toBeVisible({ timeout: 15_000 });
    expect(await writesTo(simulator, "wipe")).toHaveLength(1);
    // Only the work profile's retire reached Graph.
    expect(await writesTo(simulator, "retire")).toHaveLength(1);

    // Once the retire has ended, the device's page says it left, whose it was and what took it.
    // On a realistic tenant the retire waits for the device's next check-in (8 hours): here the
    // "Sync now" above made it check in (2 minutes, scaled), so it leaves within the test too.
    await expect(async () => {
      await page.goto(workProfileUrl);
      await expect(page.getByRole("heading", { name: "This device has left Intune" })).toBeVisible({
        timeout: 15_000,
      });
    }).toPass({ timeout: 60_000 });
    await expect(page.getByRole("link", { name: mateo.displayName })).toBeVisible();
    await expect(
      page.getByRole("link", { name: /^Retire a device: Mateo's Galaxy S23/ }),
    ).toBeVisible();
    await shot(page, testInfo, "devices-device-gone");

    // The same page in Russian, kept in docs/screenshots.
    const shell = new ConsoleShell(page);
    await shell.switchLanguage("Русский");
    await expect(
      page.getByRole("heading", { name: "Это устройство больше не в Intune" }),
    ).toBeVisible();
    const path = docsScreenshotPath(testInfo, "device-gone-ru");
    const body = await page.screenshot({ ...(path === undefined ? {} : { path }), fullPage: true });
    await testInfo.attach("device-gone-ru", { body, contentType: "image/png" });
    await shell.switchLanguage("English");
    await expect(page.getByRole("heading", { name: "This device has left Intune" })).toBeVisible();
  });

  test(
    "the device page, the retire and the wipe dialogs in Russian",
    { tag: "@view-only" },
    async ({ page }, testInfo) => {
      await signIn(page, "Megan Bowen");
      await new ConsoleShell(page).switchLanguage("Русский");
      await openDevice(page, mateo.corporateWorkProfile);
      await expect(
        page.getByText("Android Enterprise — рабочий профиль на корпоративном устройстве"),
      ).toBeVisible();
      await shot(page, testInfo, "devices-device-page-ru");
      await page.getByRole("button", { name: "Вывести из управления…" }).click();
      await expect(dialog(page)).toContainText("сбрасывается к заводским настройкам");
      await shot(page, testInfo, "devices-retire-dialog-reset-ru");
      await dialog(page).getByRole("button", { name: "Отмена" }).click();
      await page.getByRole("button", { name: "Стереть…" }).click();
      await expect(dialog(page)).toContainText("Оставить устройство зарегистрированным");
      await shot(page, testInfo, "devices-wipe-dialog-ru");
    },
  );
});
