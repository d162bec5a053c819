import type { Page } from "@playwright/test";

/** VPP tokens: the list, a token's detail, the revoke dialog and the progress panel. */
export class VppTokensPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page
      .getByRole("navigation")
      .getByRole("link", { name: /^(VPP tokens|Токены VPP)$/ })
      .click();
  }

  row(displayName: string) {
    return this.page.getByRole("row").filter({ hasText: displayName });
  }

  async openToken(displayName: string): Promise<void> {
    await this.row(displayName).getByRole("link", { name: displayName }).click();
    await this.page.getByRole("heading", { level: 1, name: displayName }).waitFor();
  }

  revokeButton() {
    return this.page.getByRole("button", {
      name: /^(Revoke all licenses…|Отозвать все лицензии…)$/,
    });
  }

  dialog() {
    return this.page.getByRole("dialog");
  }

  async fillRevokeDialog(displayName: string): Promise<void> {
    await this.revokeButton().click();
    const dialog = this.dialog();
    await dialog.getByLabel("Type the token's name to confirm").fill(displayName);
  }

  submitButton() {
    return this.dialog().getByRole("button", { name: "Revoke licenses" });
  }

  progress() {
    return this.page.getByRole("region", { name: /^(Revoke progress|Ход отзыва)$/ });
  }
}
