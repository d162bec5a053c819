import type { Page } from "@playwright/test";

/** Users: the search box, what it says, and the results listbox. */
export class UsersPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page
      .getByRole("navigation")
      .getByRole("link", { name: /^(Users|Пользователи)$/ })
      .click();
  }

  searchBox() {
    return this.page.getByRole("searchbox", { name: /^(Search users|Поиск пользователей)$/ });
  }

  results() {
    return this.page.getByRole("listbox");
  }

  /** The results once they answer `search` (not an older search's, still on screen). */
  resultsFor(search: string) {
    return this.page.locator(`[role="listbox"][data-results-for="${cssString(search)}"]`);
  }

  option(name: string | RegExp) {
    return this.results().getByRole("option", { name });
  }

  options() {
    return this.results().getByRole("option");
  }

  summary() {
    return this.page.locator("#user-search-summary");
  }
}

/** `value` inside a double-quoted CSS attribute selector. */
const cssString = (value: string) => value.replace(/["\\]/g, "\\$&");
