import type { Page } from "@playwright/test";

/** The console's sign-in screen and the simulator's account picker behind it. */
export class SignInPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto("/");
  }

  /** Signs in through the real MSAL redirect, picking the account on the simulator's page. */
  async signInAs(displayName: string): Promise<void> {
    await this.page.getByRole("button", { name: /^(Sign in|Войти)$/ }).click();
    await this.page.getByRole("button", { name: new RegExp(displayName) }).click();
  }

  signInButton() {
    return this.page.getByRole("button", { name: /^(Sign in|Войти)$/ });
  }
}
