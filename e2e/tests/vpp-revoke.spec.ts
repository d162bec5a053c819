import { ConsoleApi } from "../fixtures/console-api.js";
import { expect, test } from "../fixtures/console-test.js";
import { ConsoleShell } from "../pages/console-shell.js";
import { SignInPage } from "../pages/sign-in-page.js";
import { VppTokensPage } from "../pages/vpp-tokens-page.js";

const revokePosts = async (
  simulator: import("../fixtures/simulator-control.js").SimulatorControl,
) =>
  (await simulator.received()).filter(
    (r) => r.method === "POST" && r.path.endsWith("/revokeLicenses"),
  );

test.describe("VPP tokens: revoke all licenses and watch it live", () => {
  test("the agent revokes through the dialog; the panel reaches done here, after a reload and in a second tab", async ({
    page,
    context,
    request,
    simulator,
  }, testInfo) => {
    const token = await new ConsoleApi(request, simulator).vppTokenIn("valid");
    await new SignInPage(page).open();
    await new SignInPage(page).signInAs("Adele Vance");
    await expect(new ConsoleShell(page).userMenu("Adele Vance")).toBeVisible();

    const vpp = new VppTokensPage(page);
    await vpp.open();
    await expect(vpp.row(token.displayName)).toBeVisible();
    await testInfo.attach("vpp-list", { body: await page.screenshot(), contentType: "image/png" });
    await vpp.openToken(token.displayName);
    await vpp.fillRevokeDialog(token.displayName);
    await testInfo.attach("vpp-dialog", {
      body: await page.screenshot(),
      contentType: "image/png",
    });
    // A double click must send one POST: the button locks while the request is in flight.
    await vpp.submitButton().dblclick();
    await expect(vpp.dialog()).toBeHidden();

    const panel = vpp.progress();
    await expect(panel).toContainText(/Pending|In progress|Done/);
    await expect(panel).toContainText("Done", { timeout: 30_000 });
    await testInfo.attach("vpp-done", { body: await page.screenshot(), contentType: "image/png" });

    const after = (await new ConsoleApi(request, simulator).vppTokens()).find(
      (t) => t.id === token.id,
    );
    const result = after?.tokenActionResults.at(-1);
    expect(result?.actionState).toBe("done");
    await expect(panel).toContainText(String(result?.totalLicensesCount));
    expect(await revokePosts(simulator)).toHaveLength(1);

    await page.reload();
    await expect(vpp.progress()).toContainText("Done");
    await expect(vpp.progress()).toContainText(String(result?.totalLicensesCount));

    const second = await context.newPage();
    await second.goto(page.url());
    await expect(new VppTokensPage(second).progress()).toContainText("Done");
    await expect(new VppTokensPage(second).progress()).toContainText(
      String(result?.totalLicensesCount),
    );
    await second.close();
    expect(await revokePosts(simulator)).toHaveLength(1);
  });

  test("a second tab watches a running revoke live", async ({
    page,
    context,
    request,
    simulator,
  }) => {
    const api = new ConsoleApi(request, simulator);
    const valid = (await api.vppTokens()).filter((t) => t.state === "valid");
    // Not the first valid token: the test above revoked that one already.
    const token = valid[1] ?? valid[0];
    if (!token) throw new Error("No valid VPP token seeded");
    await new SignInPage(page).open();
    await new SignInPage(page).signInAs("Adele Vance");
    const vpp = new VppTokensPage(page);
    await vpp.open();
    await vpp.openToken(token.displayName);

    const watcher = await context.newPage();
    await watcher.goto(page.url());
    const watcherPanel = new VppTokensPage(watcher);
    await expect(watcher.getByRole("heading", { level: 1, name: token.displayName })).toBeVisible();

    await vpp.fillRevokeDialog(token.displayName);
    await vpp.submitButton().click();
    await expect(watcherPanel.progress()).toContainText(/Pending|In progress/, { timeout: 10_000 });
    await expect(watcherPanel.progress()).toContainText("Done", { timeout: 30_000 });
  });

  test("a revoke on the expired token ends in a readable expiredVppToken failure", async ({
    page,
    request,
    simulator,
  }, testInfo) => {
    const token = await new ConsoleApi(request, simulator).vppTokenIn("expired");
    await new SignInPage(page).open();
    await new SignInPage(page).signInAs("Adele Vance");
    const vpp = new VppTokensPage(page);
    await vpp.open();
    await vpp.openToken(token.displayName);
    await vpp.fillRevokeDialog(token.displayName);
    await vpp.submitButton().click();
    await expect(vpp.progress()).toContainText("Failed", { timeout: 30_000 });
    await expect(vpp.progress()).toContainText(/expired/i);
    await testInfo.attach("vpp-expired", {
      body: await page.screenshot(),
      contentType: "image/png",
    });
  });

  test(
    "the auditor sees the tokens but no revoke button",
    { tag: "@view-only" },
    async ({ page, request, simulator }) => {
      const token = await new ConsoleApi(request, simulator).vppTokenIn("valid");
      await new SignInPage(page).open();
      await new SignInPage(page).signInAs("Isaiah Langer");
      const vpp = new VppTokensPage(page);
      await vpp.open();
      await vpp.openToken(token.displayName);
      await expect(vpp.revokeButton()).toHaveCount(0);
    },
  );
});
