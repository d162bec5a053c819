import { expect, type BrowserContext, type Page } from "@playwright/test";
import { ConsoleShell } from "./console-shell.js";

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

/**
 * Signed-in browser states of this worker, by account name: the first test that signs in as an
 * account goes through the real MSAL redirect; later ones start from its saved cookies and
 * localStorage (MSAL's encrypted cache and the key cookie it needs), as a returning agent's
 * browser would. Tests of signing in itself use `signInInteractively`.
 */
const signedIn = new Map<string, StorageState>();

/** The console's sign-in screen and the simulator's account picker behind it. */
export class SignInPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto("/");
  }

  /** Signs in as `displayName`: from the shared signed-in state when there is one. */
  async signInAs(displayName: string): Promise<void> {
    const state = signedIn.get(displayName);
    if (state === undefined) {
      await this.signInInteractively(displayName);
      await this.waitUntilSignedIn(displayName);
      signedIn.set(displayName, await this.page.context().storageState());
      return;
    }
    await this.restore(state);
  }

  /** Signs in through the real MSAL redirect, picking the account on the simulator's page. */
  async signInInteractively(displayName: string): Promise<void> {
    await this.page.getByRole("button", { name: /^(Sign in|Войти)$/ }).click();
    await this.page.getByRole("button", { name: new RegExp(displayName) }).click();
  }

  signInButton() {
    return this.page.getByRole("button", { name: /^(Sign in|Войти)$/ });
  }

  private async waitUntilSignedIn(displayName: string): Promise<void> {
    // A "No access" account may see its user menu, the heading, or both: either says it is in.
    await expect(
      new ConsoleShell(this.page)
        .userMenu(displayName)
        .or(this.page.getByRole("heading", { name: /^(No access|Нет доступа)$/ }))
        .first(),
    ).toBeVisible({ timeout: 30_000 });
  }

  /**
   * Puts the saved cookies and localStorage back, writing localStorage from a page of the same
   * origin that runs no SPA (`/api/health`): MSAL running meanwhile would drop cache entries it
   * cannot read with a key of its own.
   */
  private async restore(state: StorageState): Promise<void> {
    const context = this.page.context();
    await this.page.goto("/api/health");
    await context.clearCookies();
    await context.addCookies(state.cookies);
    const here = new URL(this.page.url()).origin;
    const items = state.origins.find((o) => o.origin === here)?.localStorage ?? [];
    await this.page.evaluate((entries) => {
      window.localStorage.clear();
      for (const { name, value } of entries) window.localStorage.setItem(name, value);
    }, items);
    await this.open();
  }
}
