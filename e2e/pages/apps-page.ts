import { expect, type Locator, type Page } from "@playwright/test";

/** iOS VPP apps: the list, an app's detail, its licenses list, the revoke dialogs and progress. */
export class AppsPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page
      .getByRole("navigation")
      .getByRole("link", { name: /^(Apps|Приложения)$/ })
      .click();
  }

  appsTable(): Locator {
    return this.page.getByRole("table", { name: /^(iOS VPP apps|Приложения iOS VPP)$/ });
  }

  appRow(displayName: string): Locator {
    return this.appsTable().getByRole("row").filter({ hasText: displayName });
  }

  async openApp(displayName: string, tokenName?: string): Promise<void> {
    let row = this.appRow(displayName);
    if (tokenName !== undefined) row = row.filter({ hasText: tokenName });
    await row.getByRole("link", { name: displayName }).click();
    await this.page.getByRole("heading", { level: 1, name: displayName }).waitFor();
  }

  /** "12 of 50 licenses used" in the app's facts. */
  usage(): Locator {
    return this.page.getByRole("region", { name: "About this app" }).getByText(/licenses? used$/);
  }

  /** What the page says of the count's freshness (empty while the count is Graph's latest). */
  countNote(): Locator {
    return this.page.getByTestId("count-freshness");
  }

  licenses(): Locator {
    return this.page.getByRole("table", { name: /^(Licenses of |Лицензии приложения )/ });
  }

  /** The rendered license rows (the header row excluded). */
  licenseRows(): Locator {
    return this.licenses().getByTestId("license-scroller").getByRole("row");
  }

  licenseRow(text: string): Locator {
    return this.licenseRows().filter({ hasText: text });
  }

  /** "1,200 loaded, more as you scroll" or "20,000 licenses": how much of the list is loaded. */
  licenseStatus() {
    return this.page.getByTestId("license-status");
  }

  /** A license row by what names it (a UPN or device name) and its kind. */
  licenseRowOf(who: string, kind: "User" | "Device"): Locator {
    return this.licenseRow(who).filter({
      has: this.page.getByRole("cell", { name: kind, exact: true }),
    });
  }

  /** Scrolls the virtualized list to its end (rows out of view are not in the DOM). */
  async scrollLicensesToEnd(): Promise<void> {
    // Scrolling before the first page arrives would do nothing.
    await expect(this.licenseRows().first()).toBeVisible();
    await this.licenses()
      .getByTestId("license-scroller")
      .evaluate((element) => {
        element.scrollTop = element.scrollHeight;
      });
  }

  /** Rows of the given kind that can be revoked (they have a Revoke… button). */
  revocableRows(kind: "User" | "Device"): Locator {
    return this.licenseRows()
      .filter({ has: this.page.getByRole("cell", { name: kind, exact: true }) })
      .filter({ has: this.page.getByRole("button", { name: /^Revoke the license of / }) });
  }

  revokeAllButton(): Locator {
    return this.page.getByRole("button", {
      name: /^(Revoke all licenses…|Отозвать все лицензии…)$/,
    });
  }

  revokeSelectedButton(): Locator {
    return this.page.getByRole("button", { name: /^(Revoke selected…|Отозвать выбранные…)$/ });
  }

  anyRevokeButtons(): Locator {
    return this.page.getByRole("button", { name: /Revoke|Отозвать/ });
  }

  dialog(): Locator {
    return this.page.getByRole("dialog");
  }

  dialogList(): Locator {
    return this.dialog().getByRole("list", { name: "Licenses that will be revoked" });
  }

  confirmButton(): Locator {
    return this.dialog().getByRole("button", { name: /^Revoke (\d+ licenses?|all licenses)$/ });
  }

  /** The newest card under "Recent revokes". */
  latestAction(): Locator {
    return this.page.getByRole("region", { name: "Recent revokes" }).locator("section").first();
  }

  async search(upnPrefix: string): Promise<void> {
    await this.page.getByRole("searchbox").last().fill(upnPrefix);
  }

  async expectUsage(used: number, total: number, timeout = 30_000): Promise<void> {
    await expect(this.usage()).toHaveText(
      `${used.toLocaleString("en-US")} of ${total.toLocaleString("en-US")} licenses used`,
      { timeout },
    );
  }
}
