import { readFile } from "node:fs/promises";
import { ActionListSchema, AssignedLicenseListSchema, type ActionRecord } from "@ihc/contracts";
import { iosVppAppSeeds } from "@ihc/tenant-sim";
import type { APIRequestContext, Page, TestInfo } from "@playwright/test";
import { expect, test } from "../fixtures/console-test.js";
import type { SimulatorControl } from "../fixtures/simulator-control.js";
import { headerBackground, isDark } from "../fixtures/theme.js";
import { ConsoleShell } from "../pages/console-shell.js";
import { SignInPage } from "../pages/sign-in-page.js";

// Issue #18, 1 and 2: an auditor filters Activity by actor and date through the URL, opens one
// action whole, and exports what the filter shows; the CSV holds exactly the filtered records.

const agentUpn = "adele.vance@contoso-sim.onmicrosoft.com";

const keep = async (page: Page, testInfo: TestInfo, name: string) => {
  const body = await page.screenshot({ path: `../docs/screenshots/${name}.png`, fullPage: true });
  await testInfo.attach(name, { body, contentType: "image/png" });
};

/** A revoke taken by `account` through the BFF, as the setup of what the auditor reads. */
const revoke = async (
  request: APIRequestContext,
  simulator: SimulatorControl,
  account: "agent" | "senior",
  appId: string,
  reason: string,
) => {
  const token = await simulator.mintToken(account);
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

/** The journal as the auditor's API sees it under `query`. */
const listed = async (
  request: APIRequestContext,
  simulator: SimulatorControl,
  query: Record<string, string>,
): Promise<ActionRecord[]> => {
  const token = await simulator.mintToken("auditor");
  const response = await request.get(`/api/actions`, {
    headers: { authorization: `Bearer ${token}` },
    params: { ...query, limit: 200 },
  });
  return ActionListSchema.parse(await response.json()).items;
};

test("Activity filtered by actor and date through the URL, then exported as the filter shows it", async ({
  page,
  request,
  simulator,
}, testInfo) => {
  // Two revokes, a sign-in, two languages and a download on a busy 2-core machine.
  test.setTimeout(180_000);
  // The UTC day the first record is made on, and the day it is now: the same but across
  // midnight, when the filter must span both to hold the records.
  const firstDay = new Date().toISOString().slice(0, 10);
  // Apps no other spec revokes on: no open action of another test is in the way.
  await revoke(
    request,
    simulator,
    "agent",
    iosVppAppSeeds.authenticator.id,
    '=HYPERLINK("x") INC-18',
  );
  await revoke(
    request,
    simulator,
    "senior",
    iosVppAppSeeds.fieldServiceNow.id,
    "INC-19 by the senior",
  );

  const today = new Date().toISOString().slice(0, 10);
  const filter = { actor: agentUpn, from: firstDay, to: today };
  const expected = await listed(request, simulator, filter);
  expect(expected.length).toBeGreaterThan(0);
  expect(expected.every((r) => r.actor.userPrincipalName === agentUpn)).toBe(true);

  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signInAs("Isaiah Langer");
  await expect(new ConsoleShell(page).userMenu("Isaiah Langer")).toBeVisible({ timeout: 30_000 });
  await page.goto(`/activity?${new URLSearchParams(filter).toString()}`);

  const table = page.getByRole("table", { name: "Activity" });
  await expect(table.getByRole("row")).toHaveCount(expected.length + 1, { timeout: 30_000 });
  await expect(table.getByText("megan.bowen@contoso-sim.onmicrosoft.com")).toHaveCount(0);
  await expect(page.getByLabel("Who (UPN or object ID)")).toHaveValue(agentUpn);
  await keep(page, testInfo, "activity-filtered-en");

  // The export of what the filter shows: one line per record (none of these is a bulk run).
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export CSV" }).click();
  const download = await downloading;
  const path = await download.path();
  const csv = (await readFile(path, "utf8")).replace(/^\uFEFF/, "");
  const [header, ...rows] = csv.trimEnd().split("\r\n");
  expect(header?.split(",")[0]).toBe("actionId");
  expect(rows.map((row) => row.split(",")[0])).toEqual(expected.map((r) => r.id));
  expect(csv).toContain(`"'=HYPERLINK(""x"") INC-18"`);

  // One action whole, from its row.
  const newest = expected[0];
  if (newest === undefined) throw new Error("a record expected");
  await table.getByRole("link").first().click();
  await expect(page).toHaveURL(new RegExp(`/activity/${newest.id}$`));
  await expect(page.getByRole("heading", { name: "Timeline" })).toBeVisible();
  await expect(page.getByText(`Adele Vance (${agentUpn})`).first()).toBeVisible();
  await keep(page, testInfo, "activity-detail-en");
  // The same page in the dark theme (issue #18, 7: one of each detail page).
  await page.emulateMedia({ colorScheme: "dark" });
  await expect.poll(async () => isDark(await headerBackground(page))).toBe(true);
  await keep(page, testInfo, "dark-activity-detail-en");
  await page.emulateMedia({ colorScheme: "light" });

  await new ConsoleShell(page).switchLanguage("Русский");
  // The choice is saved as the page switches; reopen only once it has (a busy machine is slow).
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  await page.goto(`/activity?${new URLSearchParams(filter).toString()}`);
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  await expect(page.getByRole("table", { name: "Журнал действий" }).getByRole("row")).toHaveCount(
    expected.length + 1,
    { timeout: 30_000 },
  );
  await keep(page, testInfo, "activity-filtered-ru");
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(`/activity/${newest.id}`);
  await expect(page.getByRole("heading", { name: "Хронология" })).toBeVisible({ timeout: 30_000 });
  await expect.poll(async () => isDark(await headerBackground(page))).toBe(true);
  await keep(page, testInfo, "dark-activity-detail-ru");
  await new ConsoleShell(page).switchLanguage("English");
});
