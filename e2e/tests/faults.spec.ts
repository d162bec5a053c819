import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures/console-test.js";
import type { FaultRule, SimulatorControl } from "../fixtures/simulator-control.js";
import { ConsoleShell } from "../pages/console-shell.js";
import { SignInPage } from "../pages/sign-in-page.js";

/**
 * The SPA with Microsoft Graph degraded (issue #7, part 5). Faults hit Intune's reads only
 * (`/deviceAppManagement`, `/deviceManagement`), not `/me`, so the console itself starts: the
 * question is whether each page then ends in data or a readable error, never a spinner forever.
 */
const INTUNE_READS = "^/(v1\\.0|beta)/device(AppManagement|Management)/";
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
/**
 * The longest a page may show its spinner: the BFF's bounded retries of a failing Graph
 * (3 retries with 1 s, 2 s, 4 s backoff, or Retry-After) plus the SPA's own, with margin.
 */
const SETTLE_MS = 30_000;

const PAGES = [
  { nav: "VPP tokens", heading: "VPP tokens", data: "Contoso Business VPP" },
  {
    nav: "Enrollment profiles",
    heading: "Enrollment profiles",
    data: "Corporate-owned dedicated — Warehouse scanners",
  },
] as const;

const degrade = (simulator: SimulatorControl, rule: Omit<FaultRule, "path" | "method">) =>
  simulator.setFaults([{ method: "GET", path: INTUNE_READS, ...rule }]);

/** The page's main region ends with no spinner, and with data or an error panel. */
const expectSettled = async (page: Page) => {
  const main = page.getByRole("main");
  await expect(main.getByRole("progressbar")).toHaveCount(0, { timeout: SETTLE_MS });
};

const expectReadableError = async (page: Page, heading: RegExp) => {
  const panel = page.getByRole("main").getByRole("alert");
  await expect(panel).toBeVisible({ timeout: SETTLE_MS });
  await expect(panel).toContainText(heading);
  await expect(panel).toContainText("Request ID");
  await expect(panel.locator("code").first()).toHaveText(UUID);
  await expect(panel.getByRole("button", { name: "Try again" })).toBeVisible();
  await expectSettled(page);
  return panel;
};

/** Signs in after the faults are set, so no page's data is already cached. */
const signIn = async (page: Page) => {
  await new SignInPage(page).open();
  await new SignInPage(page).signInAs("Adele Vance");
  await expect(new ConsoleShell(page).userMenu("Adele Vance")).toBeVisible({ timeout: 30_000 });
  return new ConsoleShell(page);
};

test.describe("the console with Graph degraded", () => {
  test("5xx on every read: each page shows a readable error with a request id; navigation works; Try again recovers", async ({
    page,
    simulator,
  }, testInfo) => {
    await degrade(simulator, { kind: "status", status: 503 });
    const shell = await signIn(page);
    for (const { nav, heading } of PAGES) {
      await shell.navLink(nav).click();
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      await expectReadableError(page, /Microsoft Graph could not be reached/);
    }
    await testInfo.attach("graph-503", { body: await page.screenshot(), contentType: "image/png" });
    await page.screenshot({ path: "../docs/screenshots/graph-unavailable-error.png" });

    // Pages that do not need Graph still work.
    await shell.navLink("Activity").click();
    await expect(page.getByRole("heading", { level: 1, name: "Activity" })).toBeVisible();
    await expectSettled(page);
    await expect(page.getByRole("main").getByRole("alert")).toHaveCount(0);

    // Graph recovers: Try again brings the data.
    await simulator.reset();
    await shell.navLink("VPP tokens").click();
    // The page keeps its last error until Try again (React Query's error reset boundary): wait
    // for the page to show either, never decide before it has rendered.
    const data = page.getByRole("main").getByText("Contoso Business VPP").first();
    const tryAgain = page.getByRole("main").getByRole("alert").getByRole("button", {
      name: "Try again",
    });
    await expect(data.or(tryAgain)).toBeVisible({ timeout: SETTLE_MS });
    if (await tryAgain.isVisible()) await tryAgain.click();
    await expect(data).toBeVisible({ timeout: SETTLE_MS });
    await expectSettled(page);
  });

  test("a throttling storm: 'Microsoft Graph is busy' with the wait and a request id, not a spinner", async ({
    page,
    simulator,
  }, testInfo) => {
    await degrade(simulator, { kind: "throttle", retryAfterSeconds: 2 });
    await (await signIn(page)).navLink("VPP tokens").click();
    const panel = await expectReadableError(page, /Microsoft Graph is busy/);
    await expect(panel).toContainText(/wait \d+ seconds?/);
    await testInfo.attach("graph-429", { body: await page.screenshot(), contentType: "image/png" });
    await page.screenshot({ path: "../docs/screenshots/graph-throttled-error.png" });
  });

  test("dropped connections: a readable error with a request id, and the console still navigates", async ({
    page,
    simulator,
  }) => {
    await degrade(simulator, { kind: "drop" });
    const shell = await signIn(page);
    await shell.navLink("Enrollment profiles").click();
    await expectReadableError(page, /Microsoft Graph could not be reached/);
    await shell.navLink("VPP tokens").click();
    await expect(page.getByRole("heading", { level: 1, name: "VPP tokens" })).toBeVisible();
    await expectReadableError(page, /Microsoft Graph could not be reached/);
  });

  test("seconds of latency on every read: the spinner shows, then the data, on each page", async ({
    page,
    simulator,
  }) => {
    await degrade(simulator, { kind: "latency", latencyMs: 2_500 });
    const shell = await signIn(page);
    for (const { nav, data } of PAGES) {
      await shell.navLink(nav).click();
      await expect(page.getByRole("main").getByText(data).first()).toBeVisible({
        timeout: SETTLE_MS,
      });
      await expectSettled(page);
      await expect(page.getByRole("main").getByRole("alert")).toHaveCount(0);
    }
  });

  test("a short burst of 503s and drops is absorbed by retries: data, no error", async ({
    page,
    simulator,
  }) => {
    await simulator.setFaults([
      { method: "GET", path: INTUNE_READS, kind: "status", status: 503, times: 1 },
      { method: "GET", path: INTUNE_READS, kind: "drop", times: 1 },
    ]);
    await (await signIn(page)).navLink("VPP tokens").click();
    await expect(page.getByRole("main").getByText("Contoso Business VPP").first()).toBeVisible({
      timeout: SETTLE_MS,
    });
    await expectSettled(page);
    await expect(page.getByRole("main").getByRole("alert")).toHaveCount(0);
  });
});
