import { AxeBuilder } from "@axe-core/playwright";
import type { Page, TestInfo } from "@playwright/test";
import {
  iosVppAppSeeds,
  seededDeviceIds,
  seededUserIds,
  showcaseUserSeeds,
  vppTokenSeeds,
} from "@ihc/tenant-sim";
import { expect, test } from "../fixtures/console-test.js";
import { headerBackground as background, isDark } from "../fixtures/theme.js";
import { ConsoleShell } from "../pages/console-shell.js";
import { SignInPage } from "../pages/sign-in-page.js";

// Issue #18, 7: the console follows the system's dark scheme, and a switch in the header
// overrides it and is remembered. Screenshots of every page in the dark theme: each list and
// one of each detail page (an action's own page, which needs an action first, in
// activity-audit.spec.ts).

const keep = async (page: Page, testInfo: TestInfo, name: string) => {
  const body = await page.screenshot({ path: `../docs/screenshots/${name}.png`, fullPage: true });
  await testInfo.attach(name, { body, contentType: "image/png" });
};

/** Text axe finds below WCAG AA contrast on the page as it is now. */
const contrastFailures = async (page: Page) => {
  const results = await new AxeBuilder({ page }).withRules(["color-contrast"]).analyze();
  return results.violations.flatMap((v) =>
    v.nodes.map((n) => `${n.target.join(" ")}: ${n.failureSummary ?? v.help}`),
  );
};

test("follows the system's dark scheme, a remembered switch overrides it; every page in dark", async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  await page.emulateMedia({ colorScheme: "dark" });
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signInAs("Megan Bowen");
  await expect(new ConsoleShell(page).userMenu("Megan Bowen")).toBeVisible({ timeout: 30_000 });
  const dark = await background(page);
  expect(isDark(dark), dark).toBe(true);

  const pages: [string, string, string][] = [
    ["/vpp-tokens", "VPP tokens", "vpp-tokens"],
    ["/apps", "Apps", "apps"],
    ["/reclaim", "Reclaim licenses", "reclaim"],
    ["/enrollment-profiles", "Enrollment profiles", "enrollment-profiles"],
    ["/users", "Users", "users"],
    ["/activity", "All activity", "activity"],
    ["/my-access", "My access", "my-access"],
    // One of each detail page.
    [`/vpp-tokens/${vppTokenSeeds.valid.id}`, vppTokenSeeds.valid.displayName, "vpp-token"],
    [`/apps/${iosVppAppSeeds.outlook.id}`, iosVppAppSeeds.outlook.displayName, "app"],
    [
      `/users/${seededUserIds.lukaszWisniewski}`,
      showcaseUserSeeds.lukaszWisniewski.displayName,
      "user",
    ],
    [
      `/devices/${seededDeviceIds.lukaszWisniewski.iphone}`,
      showcaseUserSeeds.lukaszWisniewski.devices.iphone.deviceName,
      "device",
    ],
  ];
  for (const [path, heading, name] of pages) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible({
      timeout: 30_000,
    });
    await expect(page.getByText(/^Loading .*…$/)).toHaveCount(0, { timeout: 30_000 });
    await keep(page, testInfo, `dark-${name}-en`);
    // Readable in the dark: a link left in the browser's own blue on the dark page was not.
    expect(await contrastFailures(page), name).toEqual([]);
  }

  // The switch overrides the system, and a reload keeps it.
  await page.getByRole("combobox", { name: "Theme" }).click();
  await page.getByRole("option", { name: "Light" }).click();
  await expect.poll(async () => isDark(await background(page))).toBe(false);
  await page.reload();
  await expect(new ConsoleShell(page).userMenu("Megan Bowen")).toBeVisible({ timeout: 30_000 });
  await expect.poll(async () => isDark(await background(page))).toBe(false);
  await page.getByRole("combobox", { name: "Theme" }).click();
  await page.getByRole("option", { name: "System" }).click();
  await expect.poll(() => background(page)).toBe(dark);

  await new ConsoleShell(page).switchLanguage("Русский");
  await page.goto("/activity");
  await expect(page.getByRole("heading", { level: 1, name: "Все действия" })).toBeVisible({
    timeout: 30_000,
  });
  await keep(page, testInfo, "dark-activity-ru");
  expect(await contrastFailures(page), "activity-ru").toEqual([]);
  await new ConsoleShell(page).switchLanguage("English");
});
