import { demoAccounts, type DemoAccount } from "@ihc/tenant-sim";
import type { Page, TestInfo } from "@playwright/test";
import { expect, test } from "../fixtures/console-test.js";
import { ConsoleShell } from "../pages/console-shell.js";
import { SignInPage } from "../pages/sign-in-page.js";

// Issue #16, identity mistakes get clear answers: each produced by the simulator on demand, each
// shown in words an administrator can act on, none ending in a sign-in loop.

const accountOf = (key: DemoAccount["key"]): DemoAccount => {
  const account = demoAccounts.find((a) => a.key === key);
  if (account === undefined) throw new Error("demo accounts changed");
  return account;
};
const agent = accountOf("agent");
/**
 * Who signs in where the test asserts that nothing reached Graph: an account without a console
 * role, which no other test acts as. Earlier tests of this worker leave the BFF following their
 * actions as the agent (a revoke's watcher polls the app for minutes, and takes a fresh
 * on-behalf-of token when the last one expires), so "no Graph call as the agent" was not a fact
 * about this sign-in (fresh-clone run of 2026-12-06).
 */
const bystander = accountOf("norole");

/** Graph calls made as `account` with a token issued since `since` (epoch seconds). */
const graphCallsAs = async (
  simulator: { received(): Promise<{ claims?: { oid?: unknown; iat?: unknown } | null }[]> },
  account: DemoAccount,
  since: number,
) =>
  (await simulator.received()).filter(
    (call) =>
      call.claims?.oid === account.id &&
      (typeof call.claims.iat !== "number" || call.claims.iat >= since),
  );

/** Now, in the epoch seconds of a token's `iat` (a second early: `iat` is rounded down). */
const epochSecondsNow = () => Math.floor(Date.now() / 1000) - 1;

/** Through the real MSAL redirect: the console never shows its user menu in these cases. */
const signIn = async (page: Page, account: DemoAccount = agent) => {
  await new SignInPage(page).open();
  await new SignInPage(page).signInInteractively(account.displayName);
};

/** Attached to the report, and kept under docs/screenshots/. */
const keep = async (page: Page, testInfo: TestInfo, name: string) => {
  const body = await page.screenshot({ fullPage: true, path: `../docs/screenshots/${name}.png` });
  await testInfo.attach(name, { body, contentType: "image/png" });
};

/** No loop: the page stays put (no redirect to sign-in) and the words stay on screen. */
const staysPut = async (page: Page, alert: ReturnType<Page["getByRole"]>) => {
  const url = page.url();
  await page.waitForTimeout(2_000);
  expect(page.url()).toBe(url);
  await expect(alert).toBeVisible();
};

test.describe("identity mistakes", () => {
  test.describe.configure({ timeout: 120_000 });

  test("a v1.0 token: the API registration must set accessTokenAcceptedVersion 2 (en, ru)", async ({
    page,
    simulator,
  }, testInfo) => {
    await simulator.setScenario({ v1ApiTokens: true });
    const since = epochSecondsNow();
    await signIn(page, bystander);
    const alert = page
      .getByRole("alert")
      .filter({ hasText: "The console's API registration issues old (v1.0) tokens" })
      .first();
    await expect(alert).toBeVisible({ timeout: 30_000 });
    await expect(alert).toContainText('"accessTokenAcceptedVersion": 2');
    await staysPut(page, alert);
    expect(await graphCallsAs(simulator, bystander, since)).toEqual([]);
    await keep(page, testInfo, "identity-v1-token-en");

    await new ConsoleShell(page).switchLanguage("Русский");
    await expect(
      page.getByRole("alert").filter({ hasText: "выдаёт старые токены (v1.0)" }).first(),
    ).toBeVisible();
    await keep(page, testInfo, "identity-v1-token-ru");
  });

  test("missing admin consent: a page naming the permissions to grant, no sign-in loop (en, ru)", async ({
    page,
    simulator,
  }, testInfo) => {
    await simulator.setScenario({ oboConsentRequired: true });
    await signIn(page);
    const alert = page
      .getByRole("alert")
      .filter({ hasText: "An administrator must grant consent" })
      .first();
    await expect(alert).toBeVisible({ timeout: 30_000 });
    await expect(alert).toContainText(
      "An administrator must grant consent to: User.Read, User.Read.All, DeviceManagementApps.ReadWrite.All",
    );
    await staysPut(page, alert);
    await keep(page, testInfo, "identity-admin-consent-en");

    await new ConsoleShell(page).switchLanguage("Русский");
    await expect(
      page.getByRole("alert").filter({ hasText: "предоставить согласие на: User.Read" }).first(),
    ).toBeVisible();
    await keep(page, testInfo, "identity-admin-consent-ru");
  });

  test("a token issued to another application is refused before Graph is called", async ({
    page,
    simulator,
  }, testInfo) => {
    await simulator.setScenario({ apiTokensForOtherClient: true });
    const since = epochSecondsNow();
    await signIn(page, bystander);
    const alert = page
      .getByRole("alert")
      .filter({ hasText: "This sign-in belongs to another application" })
      .first();
    await expect(alert).toBeVisible({ timeout: 30_000 });
    await staysPut(page, alert);
    expect(await graphCallsAs(simulator, bystander, since)).toEqual([]);
    await keep(page, testInfo, "identity-other-client-en");
  });

  test("an authentication context on the OBO request: the SPA steps up and the BFF passes the claims on", async ({
    page,
    simulator,
  }) => {
    await simulator.setScenario({ oboAuthenticationContext: true });
    await signIn(page);
    await expect(new ConsoleShell(page).userMenu(agent.displayName)).toBeVisible({
      timeout: 30_000,
    });
    // The simulator issues a Graph token only to an OBO request that passed acrs c1.
    const meCalls = async () => (await simulator.received()).filter((r) => r.path === "/v1.0/me");
    await expect.poll(async () => (await meCalls()).at(-1)?.status, { timeout: 30_000 }).toBe(200);
    expect((await meCalls()).at(-1)?.claims?.acrs).toEqual(["c1"]);
  });
});
