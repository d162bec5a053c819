import { readFile } from "node:fs/promises";
import { AxeBuilder } from "@axe-core/playwright";
import { AssignedLicenseListSchema } from "@ihc/contracts";
import { iosVppAppSeeds, showcaseUserSeeds } from "@ihc/tenant-sim";
import type { APIRequestContext, Download, Locator, Page, TestInfo } from "@playwright/test";
import { expect, test } from "../fixtures/console-test.js";
import { AppsPage } from "../pages/apps-page.js";
import { ConsoleShell } from "../pages/console-shell.js";
import { SignInPage } from "../pages/sign-in-page.js";
import type { SimulatorControl } from "../fixtures/simulator-control.js";
import { UserPage } from "../pages/user-page.js";
import { UsersPage } from "../pages/users-page.js";

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
  // A column the list cannot sort by offers no sort button.
  const licensing = apps.appsTable().getByRole("columnheader", { name: "Licensing" });
  await expect(licensing).not.toHaveAttribute("aria-sort");
  await expect(licensing.getByRole("button")).toHaveCount(0);

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

/** A CSV document's records (RFC 4180: quoted cells may hold commas, quotes and line breaks). */
const parseCsv = (text: string): string[][] => {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = "";
  let quoted = false;
  const body = text.replace(/^\uFEFF/u, "");
  for (let i = 0; i < body.length; i += 1) {
    const c = body.charAt(i);
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      record.push(cell);
      cell = "";
    } else if (c === "\r" && body[i + 1] === "\n") {
      record.push(cell);
      records.push(record);
      record = [];
      cell = "";
      i += 1;
    } else cell += c;
  }
  if (cell !== "" || record.length > 0) records.push([...record, cell]);
  return records;
};

const downloadCsv = async (page: Page, button: Locator): Promise<string[][]> => {
  const downloading = page.waitForEvent("download");
  await button.click();
  const download = await downloading;
  return parseCsv(await readFile(await download.path(), "utf8"));
};

/** What a shown value becomes in a CSV cell: a leading = + - @ is neutralised with `'`. */
const asCsvCell = (shown: string): string => (/^[=+\-@\t\r]/u.test(shown) ? `'${shown}` : shown);

const cellTexts = async (rows: Locator, column: number): Promise<string[]> =>
  (await rows.locator(`td:nth-child(${String(column)})`).allInnerTexts()).map((t) => t.trim());

const hana = showcaseUserSeeds.hanaKobayashi;

/** axe's serious and critical findings (Tabster's focus sentinels left out, as elsewhere). */
const seriousViolations = async (page: Page) => {
  const results = await new AxeBuilder({ page }).exclude("[data-tabster-dummy]").analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
};

test("a user's devices and licenses: sortable by column, and each CSV holds the rows shown, in order", async ({
  page,
  simulator,
}, testInfo) => {
  // Sign-in, two downloads, axe and two languages on a busy 2-core machine.
  test.setTimeout(240_000);
  await simulator.resetTenant();
  await signIn(page);
  const users = new UsersPage(page);
  await users.open();
  await users.searchBox().fill("Hana Koba");
  await users.option(/Hana Kobayashi/).click();
  const user = new UserPage(page);
  await expect(user.heading(hana.displayName)).toBeVisible();

  const devicesSection = page.getByRole("region", { name: /^Managed devices/ });
  const devices = user.devicesTable();
  const deviceRows = devices.locator("tbody tr");
  await expect(deviceRows).toHaveCount(3);
  const exportDevices = devicesSection.getByRole("button", { name: "Export CSV" });

  // As Intune lists them: the file holds the same devices, in the same order.
  const checkDevices = async () => {
    const names = await cellTexts(deviceRows, 1);
    const serials = await cellTexts(deviceRows, 4);
    const [header, ...rows] = await downloadCsv(page, exportDevices);
    expect(header?.slice(0, 2)).toEqual(["deviceName", "serialNumber"]);
    expect(rows).toHaveLength(names.length);
    expect(rows.map((row) => row[0])).toEqual(names.map(asCsvCell));
    expect(rows.map((row) => row[1])).toEqual(serials.map(asCsvCell));
    return names;
  };
  const intuneOrder = await checkDevices();

  // The device name header: a button in a header cell that says how the column is sorted.
  const nameHeader = devices.getByRole("columnheader", { name: "Device" });
  await expect(nameHeader).toHaveAttribute("aria-sort", "none");
  await nameHeader.getByRole("button").focus();
  await page.keyboard.press("Enter");
  await expect(nameHeader).toHaveAttribute("aria-sort", "ascending");
  const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });
  const ascending = [...intuneOrder].sort((a, b) => collator.compare(a, b));
  expect(await cellTexts(deviceRows, 1)).toEqual(ascending);
  await page.keyboard.press("Space");
  await expect(nameHeader).toHaveAttribute("aria-sort", "descending");
  expect(await cellTexts(deviceRows, 1)).toEqual([...ascending].reverse());
  expect(ascending).not.toEqual(intuneOrder);
  expect(await checkDevices()).toEqual([...ascending].reverse());

  // Licenses: sorted by app, the file follows.
  const licenses = page.getByRole("table", { name: "VPP licenses the user holds" });
  const licenseRows = licenses.locator("tbody tr");
  await expect(licenseRows).toHaveCount(5);
  const appHeader = licenses.getByRole("columnheader", { name: "App" });
  await appHeader.click();
  await expect(appHeader).toHaveAttribute("aria-sort", "ascending");
  const apps = await cellTexts(licenseRows, 1);
  expect(apps).toEqual([...apps].sort((a, b) => collator.compare(a, b)));
  const kinds = (await cellTexts(licenseRows, 2)).map((kind) =>
    kind === "Device license" ? "device" : "user",
  );
  const licenseDevices = await cellTexts(licenseRows, 3);
  const licensesSection = page.getByRole("region", { name: "VPP licenses" });
  const [header, ...rows] = await downloadCsv(
    page,
    licensesSection.getByRole("button", { name: "Export CSV" }),
  );
  expect(header).toEqual(["appDisplayName", "appId", "kind", "deviceName", "managedDeviceId"]);
  expect(rows).toHaveLength(5);
  expect(rows.map((row) => row[0])).toEqual(apps.map(asCsvCell));
  expect(rows.map((row) => row[2])).toEqual(kinds);
  expect(rows.map((row) => (row[2] === "device" ? row[3] : "Any of the user's devices"))).toEqual(
    licenseDevices.map(asCsvCell),
  );
  expect(kinds.filter((kind) => kind === "device")).toHaveLength(2);
  await devices.scrollIntoViewIfNeeded();
  await keep(page, testInfo, "user-sorted-en");
  expect(await seriousViolations(page)).toEqual([]);

  await new ConsoleShell(page).switchLanguage("Русский");
  await expect(devices.getByRole("columnheader", { name: "Устройство" })).toHaveAttribute(
    "aria-sort",
    "descending",
  );
  await keep(page, testInfo, "user-sorted-ru");
});

/** A revoke taken by the agent through the BFF, so Activity has records to sort. */
const revoke = async (
  request: APIRequestContext,
  simulator: SimulatorControl,
  appId: string,
  reason: string,
) => {
  const token = await simulator.mintToken("agent");
  const headers = { authorization: `Bearer ${token}` };
  const licenses = AssignedLicenseListSchema.parse(
    await (await request.get(`/api/apps/${appId}/licenses`, { headers })).json(),
  );
  const userId = licenses.items.find((l) => l.kind === "user")?.userId;
  if (userId === undefined) throw new Error(`no user license on ${appId}`);
  const response = await request.post(`/api/apps/${appId}/revoke-user-license`, {
    headers: { ...headers, "idempotency-key": crypto.randomUUID() },
    data: { userId, notifyManagedDevices: false, reason },
  });
  expect(response.status()).toBe(202);
};

test("Activity sorted oldest first through the URL; the When header turns it, and Back turns it back", async ({
  page,
  request,
  simulator,
}, testInfo) => {
  // Apps no other spec revokes on: no open action of another test is in the way.
  // Sign-in, two downloads, axe and two languages on a busy 2-core machine.
  test.setTimeout(240_000);
  // A tag of this run's own: a retry on the same stack finds only its own two records.
  const tag = `SORT-${String(Date.now())}`;
  await revoke(request, simulator, iosVppAppSeeds.fieldDynamics.id, `${tag} first`);
  await revoke(request, simulator, iosVppAppSeeds.fabrikamWebex.id, `${tag} second`);
  await signIn(page);
  await page.goto(`/activity?q=${tag}&order=oldest`);
  const table = page.getByRole("table", { name: "Activity" });
  const rows = table.locator("tbody tr");
  // The journal's first read waits for the stack on a busy machine.
  await expect(rows).toHaveCount(2, { timeout: 60_000 });
  const when = table.getByRole("columnheader", { name: "When" });
  await expect(when).toHaveAttribute("aria-sort", "ascending");
  const times = async () =>
    rows
      .locator("td:first-child time")
      .evaluateAll((els) => els.map((el) => el.getAttribute("datetime") ?? ""));
  const oldestFirst = await times();
  expect(oldestFirst).toEqual([...oldestFirst].sort());
  await expect(rows.first()).toContainText(`${tag} first`);
  await keep(page, testInfo, "activity-sorted-en");
  expect(await seriousViolations(page)).toEqual([]);

  await when.click();
  await expect(page).not.toHaveURL(/order=/u);
  await expect(when).toHaveAttribute("aria-sort", "descending");
  await expect(rows.first()).toContainText(`${tag} second`);
  expect(await times()).toEqual([...oldestFirst].reverse());

  // The sort was a history entry of its own.
  await page.goBack();
  await expect(page).toHaveURL(/[?&]order=oldest/u);
  await expect(rows.first()).toContainText(`${tag} first`);

  await new ConsoleShell(page).switchLanguage("Русский");
  await expect(
    page.getByRole("table", { name: "Журнал действий" }).getByRole("columnheader", {
      name: "Когда",
    }),
  ).toHaveAttribute("aria-sort", "ascending");
  await keep(page, testInfo, "activity-sorted-ru");
});

test("an app's licenses sort by a column, and the CSV comes sorted the same way", async ({
  page,
  simulator,
}, testInfo) => {
  // Sign-in, two downloads, axe and two languages on a busy 2-core machine.
  test.setTimeout(240_000);
  await simulator.resetTenant();
  await signIn(page);
  const apps = new AppsPage(page);
  await apps.open();
  await apps.openApp(iosVppAppSeeds.outlook.displayName, "Contoso Business VPP");
  await expect(apps.licenseRows().first()).toBeVisible();
  const device = apps.licenses().getByRole("columnheader", { name: "Device" });
  await device.click();
  await device.click();
  await expect(device).toHaveAttribute("aria-sort", "descending");
  // Descending by device: device licenses first, Z to A.
  await expect(apps.licenseRows().first()).toContainText("Device");
  const shown = (
    await apps.licenseRows().locator('[role="cell"]:nth-child(3)').allInnerTexts()
  ).map((upn) => upn.trim());
  const [, ...rows] = await downloadCsv(
    page,
    page.getByRole("search").getByRole("button", { name: "Export CSV" }),
  );
  expect(rows.slice(0, shown.length).map((row) => row[2] || "—")).toEqual(shown);
  await keep(page, testInfo, "app-licenses-sorted-en");
  expect(await seriousViolations(page)).toEqual([]);
  await new ConsoleShell(page).switchLanguage("Русский");
  await expect(apps.licenses().getByRole("columnheader", { name: "Устройство" })).toHaveAttribute(
    "aria-sort",
    "descending",
  );
  await keep(page, testInfo, "app-licenses-sorted-ru");

  // An app of 420 licenses loads 200 at first: the list says its sort covers those.
  await apps.open();
  await apps.openApp(iosVppAppSeeds.eduExplainEverything.displayName);
  await expect(apps.licenseRows().first()).toBeVisible();
  await expect(apps.licenseStatus()).not.toContainText("Отсортированы");
  await apps.licenses().getByRole("columnheader", { name: "Устройство" }).click();
  await expect(apps.licenseStatus()).toContainText(
    "Отсортированы загруженные строки; экспорт в CSV сортирует все.",
  );
});
