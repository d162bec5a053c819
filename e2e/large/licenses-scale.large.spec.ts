import { largeTenantIosVppAppSeeds } from "@ihc/tenant-sim";
import { expect, test } from "../fixtures/console-test.js";
import { AppsPage } from "../pages/apps-page.js";
import { ConsoleShell } from "../pages/console-shell.js";
import { SignInPage } from "../pages/sign-in-page.js";

const edge = largeTenantIosVppAppSeeds.edge;
const TOTAL = edge.userLicenses;
/** The DESIGN's bound for a virtualized list: far fewer rows in the DOM than loaded. */
const MAX_ROWS_IN_DOM = 100;

test("an app with 20,000 licenses scrolls to its end with fewer than 100 rows in the DOM", async ({
  page,
}, testInfo) => {
  test.setTimeout(300_000);
  await new SignInPage(page).open();
  await new SignInPage(page).signInAs("Adele Vance");
  await expect(new ConsoleShell(page).userMenu("Adele Vance")).toBeVisible({ timeout: 30_000 });
  const apps = new AppsPage(page);
  await apps.open();
  await expect(apps.appRow(edge.displayName)).toContainText("20,000 of 25,000 licenses used");

  const started = Date.now();
  await apps.appRow(edge.displayName).getByRole("link", { name: edge.displayName }).click();
  await expect(apps.licenseRows().first()).toBeVisible({ timeout: 30_000 });
  const firstRowsMs = Date.now() - started;

  const loaded = async (): Promise<number> => {
    const text = (await apps.licenseStatus().textContent()) ?? "";
    return Number((/^([\d,]+)/.exec(text)?.[1] ?? "0").replaceAll(",", ""));
  };
  let maxRows = 0;
  let steps = 0;
  const scrollStarted = Date.now();
  while ((await loaded()) < TOTAL) {
    const before = await loaded();
    await apps.scrollLicensesToEnd();
    await expect.poll(loaded, { timeout: 30_000 }).toBeGreaterThan(before);
    const rows = await apps.licenseRows().count();
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThan(MAX_ROWS_IN_DOM);
    maxRows = Math.max(maxRows, rows);
    steps += 1;
  }
  const scrollMs = Date.now() - scrollStarted;
  await expect(apps.licenseStatus()).toHaveText("20,000 licenses");
  await apps.scrollLicensesToEnd();
  // The last license is on screen, and still only a window of rows is rendered.
  await expect(
    apps
      .licenses()
      .getByTestId("license-scroller")
      .locator(`[aria-rowindex="${TOTAL + 1}"]`),
  ).toBeVisible();
  const rowsAtEnd = await apps.licenseRows().count();
  expect(rowsAtEnd).toBeLessThan(MAX_ROWS_IN_DOM);
  await testInfo.attach("apps-20000-licenses", {
    body: await page.screenshot(),
    contentType: "image/png",
  });

  const figures = `licenses list, ${TOTAL} licenses: first rows ${firstRowsMs} ms after the click; ${steps} page loads to the end in ${scrollMs} ms; at most ${Math.max(maxRows, rowsAtEnd)} rows in the DOM (at the end ${rowsAtEnd})`;
  testInfo.annotations.push({ type: "measure", description: figures });
  console.log(figures);
});
