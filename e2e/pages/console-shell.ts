import { expect, type Page } from "@playwright/test";

/** The signed-in console: header, user menu, language switch, navigation. */
export class ConsoleShell {
  constructor(private readonly page: Page) {}

  userMenu(displayName: string) {
    return this.page.getByRole("button", { name: new RegExp(displayName) });
  }

  async signOut(displayName: string): Promise<void> {
    await this.userMenu(displayName).click();
    await this.page.getByRole("menuitem", { name: /^(Sign out|Выйти)$/ }).click();
  }

  async switchLanguage(to: "English" | "Русский"): Promise<void> {
    const control = this.page.getByRole("combobox", { name: /^(Language|Язык)$/ });
    const option = this.page.getByRole("option", { name: to });
    // A click that lands while the shell is still settling after sign-in can leave the list
    // closed (fresh-clone run of 2026-12-06: the combobox focused, no option for 150 s). Opened
    // again until the option shows, never clicked while it is already open (that would close it).
    await expect(async () => {
      if (!(await option.isVisible())) await control.click();
      await expect(option).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    await option.click();
    // The page has switched (and saved the choice) once <html lang> says so: a navigation
    // before that loads in the old language (dark-theme.spec.ts raced it on a busy machine).
    await expect(this.page.locator("html")).toHaveAttribute("lang", to === "English" ? "en" : "ru");
  }

  navLink(name: string) {
    return this.page.getByRole("navigation").getByRole("link", { name });
  }
}
