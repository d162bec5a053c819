import { readFile } from "node:fs/promises";
import { iosVppAppSeeds, reclaimSeeds } from "@ihc/tenant-sim";
import type { Page, TestInfo } from "@playwright/test";
import { docsScreenshotPath, expect, test } from "../fixtures/console-test.js";
import { ConsoleShell } from "../pages/console-shell.js";
import { SignInPage } from "../pages/sign-in-page.js";

// Issue #18, 3: the reclaim report — licenses of disabled and deleted users and of devices that
// left Intune — revoked through the apps' bulk revoke, and exported as CSV.

const keep = async (page: Page, testInfo: TestInfo, name: string) => {
  const path = docsScreenshotPath(testInfo, name);
  const body = await page.screenshot({ ...(path === undefined ? {} : { path }), fullPage: true });
  await testInfo.attach(name, { body, contentType: "image/png" });
};

const KAI = reclaimSeeds.deletedUser.userPrincipalName;
const IPAD = reclaimSeeds.unmanagedDevice.deviceName;
const OUTLOOK = iosVppAppSeeds.ukOutlook;

test.beforeEach(async ({ simulator }) => {
  await simulator.resetTenant();
});

test("the reclaim page revokes two reclaimable licenses, one Graph call each, and exports what it shows", async ({
  page,
  simulator,
}, testInfo) => {
  test.setTimeout(180_000);
  await new SignInPage(page).open();
  await new SignInPage(page).signInAs("Adele Vance");
  await expect(new ConsoleShell(page).userMenu("Adele Vance")).toBeVisible({ timeout: 30_000 });
  await new ConsoleShell(page).navLink("Reclaim licenses").click();
  await expect(page.getByRole("heading", { level: 1, name: "Reclaim licenses" })).toBeVisible();

  const uk = page.getByRole("table", { name: "Reclaimable licenses of Contoso UK Retail VPP" });
  await expect(uk.getByRole("row").filter({ hasText: KAI })).toHaveCount(2, { timeout: 30_000 });
  await expect(uk.getByRole("row").filter({ hasText: KAI }).first()).toContainText("User deleted");
  await expect(uk.getByRole("row").filter({ hasText: IPAD })).toContainText(
    "Device no longer managed",
  );
  await expect(page.getByText("priya.eriksson@contoso-sim.onmicrosoft.com").first()).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "priya.eriksson@" }).first()).toContainText(
    "User disabled",
  );
  await keep(page, testInfo, "reclaim-en");

  // The CSV holds exactly the rows the page shows, in its order, formula-safe.
  const shown = await page
    .getByRole("table")
    .getByRole("row")
    .filter({ has: page.getByRole("cell") })
    .evaluateAll((rows) =>
      rows.map((row) => {
        const cells = Array.from(row.querySelectorAll("td"), (td: Element) => td.textContent);
        return `${cells.at(-4) ?? ""}|${cells.at(-3) ?? ""}`;
      }),
    );
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export CSV" }).click();
  const csv = (await readFile(await (await downloading).path(), "utf8")).replace(/^\uFEFF/, "");
  const [header, ...lines] = csv.trimEnd().split("\r\n");
  expect(header).toBe(
    "vppTokenId,vppToken,appId,app,kind,userPrincipalName,userName,userId,deviceName,managedDeviceId,reasons",
  );
  const exported = lines.map((line) => {
    const c = line.split(",");
    const who = c[4] === "device" ? c[8] : c[5];
    const detail = c[4] === "device" ? (c[5] ?? "") : (c[6] ?? "");
    return `${c[3] ?? ""}|${who ?? ""}${detail}`;
  });
  expect(exported).toEqual(shown);
  expect(lines.some((l) => l.includes(KAI) && l.endsWith("userDeleted"))).toBe(true);

  // Two licenses of one app: one bulk dialog, then one Graph revoke each.
  await page.getByRole("checkbox", { name: `Select ${KAI} (${OUTLOOK.displayName})` }).check();
  await page.getByRole("checkbox", { name: `Select ${IPAD} (${OUTLOOK.displayName})` }).check();
  await page.getByRole("button", { name: "Revoke 2 selected licenses" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText(`Revoke 2 licenses of ${OUTLOOK.displayName}?`);
  await expect(dialog).toContainText(KAI);
  await expect(dialog).toContainText(IPAD);
  await dialog.getByRole("button", { name: "Revoke 2 licenses" }).dblclick();
  await expect(dialog).toBeHidden({ timeout: 30_000 });

  // The rows leave the page live, as the revokes are answered.
  await expect(uk.getByRole("row").filter({ hasText: IPAD })).toHaveCount(0, { timeout: 60_000 });
  await expect(
    uk.getByRole("row").filter({ hasText: KAI }).filter({ hasText: OUTLOOK.displayName }),
  ).toHaveCount(0);
  await expect(uk.getByRole("row").filter({ hasText: KAI })).toHaveCount(1);
  const revokes = (await simulator.received()).filter(
    (r) => r.method === "POST" && r.path.includes(OUTLOOK.id) && /\/revoke\w+License$/.test(r.path),
  );
  expect(revokes.map((r) => r.path.split("/").at(-1)).sort()).toEqual([
    "revokeDeviceLicense",
    "revokeUserLicense",
  ]);

  await new ConsoleShell(page).switchLanguage("Русский");
  await expect(page.getByRole("heading", { level: 1, name: "Возврат лицензий" })).toBeVisible();
  await expect(page.getByText("Пользователь удалён").first()).toBeVisible();
  await keep(page, testInfo, "reclaim-ru");
  await new ConsoleShell(page).switchLanguage("English");
});
