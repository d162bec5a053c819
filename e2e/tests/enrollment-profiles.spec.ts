import { ConsoleApi } from "../fixtures/console-api.js";
import { expect, test } from "../fixtures/console-test.js";
import { ConsoleShell } from "../pages/console-shell.js";
import { EnrollmentProfilesPage } from "../pages/enrollment-profiles-page.js";
import { SignInPage } from "../pages/sign-in-page.js";

test.describe("Enrollment profiles: revoke and replace a token", () => {
  test("the agent revokes one active token and replaces another; the rows update live", async ({
    page,
    request,
    simulator,
  }, testInfo) => {
    const profiles = await new ConsoleApi(request, simulator).enrollmentProfiles();
    // A row is found by its name: skip names that are part of another profile's name.
    const unique = profiles.filter(
      (p) => !profiles.some((o) => o !== p && o.displayName.includes(p.displayName)),
    );
    const revoked = unique.find((p) => p.tokenStatus === "active");
    const replaced = unique.find((p) => p !== revoked && p.tokenStatus !== "active");
    if (!revoked || !replaced) throw new Error("The seeded tenant lacks the profiles needed");

    await new SignInPage(page).open();
    await new SignInPage(page).signInAs("Adele Vance");
    await expect(new ConsoleShell(page).userMenu("Adele Vance")).toBeVisible();
    const ep = new EnrollmentProfilesPage(page);
    await ep.open();
    await expect(ep.row(revoked.displayName)).toContainText("Active");
    await testInfo.attach("enrollment-list", {
      body: await page.screenshot({ fullPage: true }),
      contentType: "image/png",
    });

    await ep.revokeButton(revoked.displayName).click();
    await ep.confirmInput().fill(revoked.displayName);
    await ep.submitButton("Revoke token").click();
    // The dialog stays open and follows the action to its end.
    await expect(ep.resultStatus()).toContainText("Token revoked", { timeout: 30_000 });
    await expect(ep.dialog()).toContainText("Accepted by Microsoft Graph");
    await expect(ep.closeButton()).toBeFocused();
    await testInfo.attach("enrollment-revoke-done", {
      body: await page.screenshot(),
      contentType: "image/png",
    });
    await ep.closeButton().click();
    await expect(ep.dialog()).toBeHidden();
    await expect(ep.row(revoked.displayName)).toContainText("No token", { timeout: 30_000 });
    await expect(ep.revokeButton(revoked.displayName)).toBeDisabled();

    const before = replaced.maskedToken;
    await ep.replaceButton(replaced.displayName).click();
    await ep.validityInput().fill("91");
    await expect(ep.dialog()).toContainText("from 1 to 90");
    await ep.validityInput().fill("30");
    await ep.confirmInput().fill(replaced.displayName);
    await ep.submitButton("Replace token").click();
    await expect(ep.resultStatus()).toContainText("Token replaced", { timeout: 30_000 });
    await expect(ep.dialog()).toContainText("Create a new token: Accepted by Microsoft Graph");
    await ep.closeButton().click();
    await expect(ep.dialog()).toBeHidden();
    await expect(ep.row(replaced.displayName)).toContainText("Active", { timeout: 30_000 });
    const after = (await new ConsoleApi(request, simulator).enrollmentProfiles()).find(
      (p) => p.kind === replaced.kind && p.id === replaced.id,
    );
    expect(after?.maskedToken).toBeDefined();
    expect(after?.maskedToken).not.toBe(before);
    await expect(ep.row(replaced.displayName)).toContainText(after?.maskedToken ?? "");
  });

  test("a senior agent shows a token and the reveal is journaled", async ({
    page,
    request,
    simulator,
  }) => {
    const profiles = await new ConsoleApi(request, simulator).enrollmentProfiles();
    const shown = profiles.find(
      (p) =>
        p.tokenStatus === "active" &&
        !profiles.some((o) => o !== p && o.displayName.includes(p.displayName)),
    );
    if (!shown?.maskedToken) throw new Error("The seeded tenant has no active token to show");

    const api = new ConsoleApi(request, simulator);
    const reveals = async () =>
      (await api.actionsAbout(shown.id, "senior")).filter(
        (a) => a.kind === "enrollment-profile.reveal-token",
      );
    const revealsBefore = (await reveals()).length;

    const signIn = new SignInPage(page);
    await signIn.open();
    await signIn.signInAs("Megan Bowen");
    const shell = new ConsoleShell(page);
    await expect(shell.userMenu("Megan Bowen")).toBeVisible();
    const ep = new EnrollmentProfilesPage(page);
    await ep.open();
    await ep.revealButton(shown.displayName).click();
    await expect(ep.dialog()).toContainText("recorded in the activity journal");
    // The value itself, matching the masked token the table shows.
    await expect(ep.revealedToken()).toHaveText(/^[A-Z2-9]{20}$/);
    expect(await ep.revealedToken().textContent()).toMatch(
      new RegExp(`${shown.maskedToken.slice(-4)}$`),
    );
    await ep.dialog().getByRole("button", { name: "Close" }).click();
    await expect(ep.dialog()).toBeHidden();

    // The reveal is on the record, under Megan's name.
    await shell.navLink("Activity").click();
    const entry = page
      .getByRole("row")
      .filter({ hasText: "Show an enrollment token's value" })
      .filter({ hasText: shown.displayName });
    await expect(entry).toHaveCount(revealsBefore + 1);
    await expect(entry.first()).toContainText("Megan Bowen");
    // …and in the journal's API, under her name, with Graph's request id of the read.
    const after = await reveals();
    expect(after).toHaveLength(revealsBefore + 1);
    expect(after[0]).toMatchObject({
      state: "succeeded",
      actor: { displayName: "Megan Bowen" },
      target: { id: shown.id },
    });
    expect(after[0]?.graph?.requestId).toBeDefined();
  });

  test(
    "an agent may revoke but has no Show token",
    { tag: "@view-only" },
    async ({ page, request, simulator }) => {
      const profiles = await new ConsoleApi(request, simulator).enrollmentProfiles();
      const active = profiles.find((p) => p.tokenStatus === "active");
      if (!active) throw new Error("The seeded tenant has no active token");
      const signIn = new SignInPage(page);
      await signIn.open();
      await signIn.signInAs("Adele Vance");
      await expect(new ConsoleShell(page).userMenu("Adele Vance")).toBeVisible();
      const ep = new EnrollmentProfilesPage(page);
      await ep.open();
      await expect(ep.revokeButton(active.displayName).first()).toBeVisible();
      await expect(page.getByRole("button", { name: "Show token" })).toHaveCount(0);
    },
  );

  test(
    "the auditor sees the profiles but no action buttons",
    { tag: "@view-only" },
    async ({ page, request, simulator }) => {
      const [first] = await new ConsoleApi(request, simulator).enrollmentProfiles();
      if (!first) throw new Error("No enrollment profile seeded");
      await new SignInPage(page).open();
      await new SignInPage(page).signInAs("Isaiah Langer");
      const ep = new EnrollmentProfilesPage(page);
      await ep.open();
      await expect(ep.row(first.displayName)).toBeVisible();
      await expect(ep.actionButtons()).toHaveCount(0);
    },
  );
});
