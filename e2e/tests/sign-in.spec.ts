import { AxeBuilder } from "@axe-core/playwright";
import { expect, test } from "../fixtures/console-test.js";
import { ConsoleShell } from "../pages/console-shell.js";
import { SignInPage } from "../pages/sign-in-page.js";

test("the agent signs in through MSAL and sees their name from /api/me", async ({
  page,
  simulator,
}, testInfo) => {
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signInInteractively("Adele Vance");

  const shell = new ConsoleShell(page);
  await expect(shell.userMenu("Adele Vance")).toBeVisible();
  await expect(shell.navLink("VPP tokens")).toBeVisible();
  await testInfo.attach("signed-in-en", {
    body: await page.screenshot(),
    contentType: "image/png",
  });

  // The name came from Graph through the BFF with an on-behalf-of token, not the SPA's token.
  const me = (await simulator.received()).filter((r) => r.path === "/v1.0/me");
  expect(me.length).toBeGreaterThan(0);
  for (const call of me) {
    expect(call.claims?.aud).toBe("https://graph.microsoft.com");
    expect(call.claims?.oid).toBe("a1f0e2d3-0001-4c5b-8a9d-000000000001");
  }
});

test("a claims challenge from Graph is answered by re-acquiring the token with the claims", async ({
  page,
  simulator,
}) => {
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signInInteractively("Adele Vance");
  const shell = new ConsoleShell(page);
  await expect(shell.userMenu("Adele Vance")).toBeVisible();

  // Conditional Access now wants a stronger token: Graph answers 401 insufficient_claims
  // until the token carries acrs "c1"; the SPA must get one silently and try again.
  await simulator.setScenario({ claimsChallenge: true });
  await page.reload();
  await expect(shell.userMenu("Adele Vance")).toBeVisible();
  // Whichever read reaches Graph first after the reload is refused (on a busy machine that is
  // often the landing page's list, not /me); the SPA steps up once and every later call,
  // /me included, carries acrs "c1".
  const calls = async () => await simulator.received();
  await expect
    .poll(async () => (await calls()).map((r) => r.status), { timeout: 30_000 })
    .toContain(401);
  const meCalls = async () => (await calls()).filter((r) => r.path === "/v1.0/me");
  await expect
    .poll(async () => (await meCalls()).at(-1)?.claims?.acrs, { timeout: 30_000 })
    .toEqual(["c1"]);
  expect((await meCalls()).at(-1)?.status).toBe(200);
});

test("signing out returns to the sign-in screen", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signInInteractively("Adele Vance");
  const shell = new ConsoleShell(page);
  await expect(shell.userMenu("Adele Vance")).toBeVisible();

  await shell.signOut("Adele Vance");
  await expect(signIn.signInButton()).toBeVisible();
  await page.reload();
  await expect(signIn.signInButton()).toBeVisible();
});

test("an account with no app role sees 'No access', and nothing is read for it", async ({
  page,
}, testInfo) => {
  const apiPaths: string[] = [];
  page.on("request", (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith("/api/")) apiPaths.push(pathname);
  });
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signInInteractively("Lee Gu");
  await expect(page.getByRole("heading", { name: "No access" })).toBeVisible();
  await expect(page.getByRole("navigation").getByRole("link", { name: "Apps" })).toHaveCount(0);
  // Not even ahead of time: the lists every other agent's first screen reads are not asked for.
  expect(apiPaths).toContain("/api/me");
  expect(apiPaths).not.toContain("/api/vpp-tokens");
  expect(apiPaths).not.toContain("/api/enrollment-profiles");
  await testInfo.attach("no-access", { body: await page.screenshot(), contentType: "image/png" });
});

for (const language of ["English", "Русский"] as const) {
  test(`axe finds no serious or critical violation on the shell (${language})`, async ({
    page,
  }, testInfo) => {
    const signIn = new SignInPage(page);
    await signIn.open();
    await signIn.signInAs("Adele Vance");
    const shell = new ConsoleShell(page);
    await expect(shell.userMenu("Adele Vance")).toBeVisible();
    if (language === "Русский") {
      await shell.switchLanguage("Русский");
      await expect(page.locator("html")).toHaveAttribute("lang", "ru");
      await expect(shell.navLink("Пользователи")).toBeVisible();
    }

    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter(
      (v) => v.impact === "serious" || v.impact === "critical",
    );
    await testInfo.attach(`shell-${language}`, {
      body: await page.screenshot({ fullPage: true }),
      contentType: "image/png",
    });
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  });
}
