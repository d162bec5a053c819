import { readFile } from "node:fs/promises";
import { AssignedLicenseListSchema } from "@ihc/contracts";
import { iosVppAppSeeds } from "@ihc/tenant-sim";
import type { Download, Page, TestInfo } from "@playwright/test";
import { expect, test } from "../fixtures/console-test.js";
import { AppsPage } from "../pages/apps-page.js";
import { ConsoleShell } from "../pages/console-shell.js";
import { SignInPage } from "../pages/sign-in-page.js";

// Issue #18, 2 and 6: the apps page's search, token and sort live in the URL; an app's
// licenses are found by a device's name; "Export CSV" saves what the page shows.

const keep = async (page: Page, testInfo: TestInfo, name: string) => {
  const body = await page.screenshot({ path: `../docs/screenshots/${name}.png`, fullPage: true });
  await testInfo.attach(name, { body, contentType: "image/png" });
};

/** The rows of a downloaded CSV (BOM and header line left out), split on commas. */
const csvRows = async (download: Download): Promise<{ header: string[]; rows: string[][] }> => {
  const text = (await readFile(await download.path(), "utf8")).replace(/^\uFEFF/u, "");
  const [header = "", ...rows] = text.trimEnd().split("\r\n");
  return { header: header.split(","), rows: rows.map((row) => row.split(",")) };
};

const signIn = async (page: Page) => {
  await new SignInPage(page).open();
  await new SignInPage(page).signInAs("Adele Vance");
  await expect(new ConsoleShell(page).userMenu("Adele Vance")).toBeVisible({ timeout: 30_000 });
};

test.describe.configure({ timeout: 120_000 });

test("the apps page keeps search and sort in the URL, and exports the rows it shows", async ({
  page,
}, testInfo) => {
  await signIn(page);
  const apps = new AppsPage(page);
  await apps.open();
  await expect(apps.appsTable()).toBeVisible();
  await page.getByRole("searchbox").fill("micro");
  await expect(page).toHaveURL(/[?&]search=micro/u);
  await apps.appsTable().getByRole("columnheader", { name: "Licenses used" }).click();
  await expect(page).toHaveURL(/sort=usage&dir=descending/u);

  // A shared link (a fresh load of the URL) restores the view.
  await page.reload();
  await expect(page.getByRole("searchbox")).toHaveValue("micro");
  const usage = apps.appsTable().getByRole("columnheader", { name: "Licenses used" });
  await expect(usage).toHaveAttribute("aria-sort", "descending");

  const shownNames = (
    await apps.appsTable().getByRole("row").locator("td:first-child a").allInnerTexts()
  ).map((name) => name.trim());
  expect(shownNames.length).toBeGreaterThan(1);
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export CSV" }).click();
  const { header, rows } = await csvRows(await downloading);
  expect(header[1]).toBe("displayName");
  expect(rows.map((row) => row[1])).toEqual(shownNames);
  await keep(page, testInfo, "apps-url-state-en");

  // Back undoes the sort, not the typing.
  await page.goBack();
  await expect(page).not.toHaveURL(/sort=/u);
  await expect(page.getByRole("searchbox")).toHaveValue("micro");

  await new ConsoleShell(page).switchLanguage("Русский");
  await expect(page.getByRole("button", { name: "Экспорт в CSV" })).toBeVisible();
  await keep(page, testInfo, "apps-url-state-ru");
});

test("an app's licenses are found by a device's name, and the streamed CSV holds what is shown", async ({
  page,
  simulator,
  request,
}, testInfo) => {
  await simulator.resetTenant();
  const outlook = iosVppAppSeeds.outlook.id;
  const token = await simulator.mintToken("agent");
  const listed = AssignedLicenseListSchema.parse(
    await (
      await request.get(`/api/apps/${outlook}/licenses?limit=999`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json(),
  );
  const device = listed.items.find((l) => l.kind === "device" && l.deviceName !== undefined);
  if (device?.deviceName === undefined) throw new Error("Outlook has a device license");

  await signIn(page);
  const apps = new AppsPage(page);
  await apps.open();
  await apps.openApp(iosVppAppSeeds.outlook.displayName, "Contoso Business VPP");
  await apps.search(device.deviceName);
  await expect(apps.licenseRows().filter({ hasText: device.deviceName })).toHaveCount(1);
  const shown = await apps.licenseRows().count();

  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export CSV" }).click();
  const { header, rows } = await csvRows(await downloading);
  expect(header).toEqual([
    "kind",
    "userName",
    "userPrincipalName",
    "userId",
    "deviceName",
    "managedDeviceId",
  ]);
  expect(rows).toHaveLength(shown);
  expect(rows.map((row) => row[5])).toContain(device.managedDeviceId);
  await keep(page, testInfo, "app-licenses-device-search-en");

  await new ConsoleShell(page).switchLanguage("Русский");
  await expect(page.getByText("Поиск по UPN, устройству или серийному номеру")).toBeVisible();
  await keep(page, testInfo, "app-licenses-device-search-ru");
});
