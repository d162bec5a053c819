import type { Page } from "@playwright/test";

/** Enrollment profiles: the table, its row actions and the token dialogs. */
export class EnrollmentProfilesPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page
      .getByRole("navigation")
      .getByRole("link", { name: "Enrollment profiles" })
      .click();
  }

  row(displayName: string) {
    return this.page.getByRole("row").filter({ hasText: displayName });
  }

  revokeButton(displayName: string) {
    return this.row(displayName).getByRole("button", { name: "Revoke token…" });
  }

  replaceButton(displayName: string) {
    return this.row(displayName).getByRole("button", { name: "Replace token…" });
  }

  revealButton(displayName: string) {
    return this.row(displayName).getByRole("button", { name: "Show token" });
  }

  actionButtons() {
    return this.page.getByRole("button", { name: /^(Revoke token…|Replace token…|Show token)$/ });
  }

  dialog() {
    return this.page.getByRole("dialog");
  }

  confirmInput() {
    return this.dialog().getByLabel("Type the profile's name to confirm");
  }

  validityInput() {
    return this.dialog().getByLabel(/New token valid for/);
  }

  submitButton(name: "Revoke token" | "Replace token") {
    return this.dialog().getByRole("button", { name });
  }

  /** Where an accepted action stands, announced in the dialog ("Token revoked"). */
  resultStatus() {
    return this.dialog().locator("[aria-live='polite']").first();
  }

  closeButton() {
    return this.dialog().getByRole("button", { name: "Close" });
  }

  /** The revealed token's value in the Show token dialog. */
  revealedToken() {
    return this.dialog().locator("code");
  }

  /** The QR code drawn for a shown token. */
  qrCode(displayName: string) {
    return this.dialog().getByRole("img", { name: `Enrollment QR code of ${displayName}` });
  }
}
