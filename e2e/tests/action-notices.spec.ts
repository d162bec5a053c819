import type { Page, TestInfo } from "@playwright/test";
import { ConsoleApi } from "../fixtures/console-api.js";
import { e2eStack } from "../fixtures/e2e-stack.js";
import { expect, test } from "../fixtures/console-test.js";
import type { SimulatorControl } from "../fixtures/simulator-control.js";
import { ConsoleShell } from "../pages/console-shell.js";
import { SignInPage } from "../pages/sign-in-page.js";
import { VppTokensPage } from "../pages/vpp-tokens-page.js";

// Issue #18: an opt-in browser notification when an action the agent started ends while the
// tab is in the background. The tab is made "hidden" and `new Notification(…)` recorded by init
// scripts; the action is a real VPP revoke on the simulator's expired token, which ends failed.

interface Shown {
  title: string;
  body: string | undefined;
  tag: string | undefined;
}

/**
 * Before any page script: the tab reports itself hidden once the test says so (the agent starts
 * the action, then switches to another tab), and each notification is recorded.
 */
const recordNotifications = async (page: Page) => {
  await page.addInitScript(() => {
    const hidden = () => (window as unknown as { __tabHidden?: boolean }).__tabHidden === true;
    Object.defineProperty(Document.prototype, "visibilityState", {
      configurable: true,
      get: () => (hidden() ? "hidden" : "visible"),
    });
    Object.defineProperty(Document.prototype, "hidden", { configurable: true, get: hidden });
    const Real = window.Notification;
    const shown: {
      title: string;
      body: string | undefined;
      tag: string | undefined;
      instance: Notification;
    }[] = [];
    class Recorded extends Real {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options);
        shown.push({ title, body: options?.body, tag: options?.tag, instance: this });
      }
      static override get permission() {
        return Real.permission;
      }
      static override requestPermission = Real.requestPermission.bind(Real);
    }
    Object.assign(window, { Notification: Recorded, __shownNotifications: shown });
  });
};

const shownIn = (page: Page): Promise<Shown[]> =>
  page.evaluate(() =>
    (window as unknown as { __shownNotifications: Shown[] }).__shownNotifications.map(
      ({ title, body, tag }) => ({ title, body, tag }),
    ),
  );

// Notifications need the desktop browser: the headless shell of the other specs reports them
// denied whatever the test grants.
test.use({
  launchOptions: { ...e2eStack.launchOptions, executablePath: e2eStack.desktopChromiumPath },
});

// A token's detail page reads every app's licenses: the first one in a fresh stack is slow.
test.describe.configure({ timeout: 180_000 });

const keep = async (page: Page, testInfo: TestInfo, name: string) => {
  // The menu's fade and the switch's slide finished, as the agent sees them once they settle.
  const body = await page.screenshot({
    path: `../docs/screenshots/${name}.png`,
    animations: "disabled",
  });
  await testInfo.attach(name, { body, contentType: "image/png" });
};

const noticeSwitch = (page: Page) =>
  page.getByRole("menuitemcheckbox", {
    name: /^(Notify me when my actions finish|Уведомлять, когда мои действия завершатся)$/,
  });

/** Signs in, starting from the setting's default (this browser remembers it). */
const signInFresh = async (page: Page) => {
  await new SignInPage(page).open();
  await new SignInPage(page).signInAs("Adele Vance");
  await expect(new ConsoleShell(page).userMenu("Adele Vance")).toBeVisible();
  await page.evaluate(() => {
    localStorage.removeItem("ihc.actionNotices");
  });
  await page.reload();
  await expect(new ConsoleShell(page).userMenu("Adele Vance")).toBeVisible();
};

const turnOn = async (page: Page) => {
  const shell = new ConsoleShell(page);
  await shell.userMenu("Adele Vance").click();
  await noticeSwitch(page).click();
  await expect(noticeSwitch(page)).toBeChecked();
  await page.keyboard.press("Escape");
  await expect(noticeSwitch(page)).toBeHidden();
};

/**
 * Revokes the expired token's licenses, sends the tab to the background as soon as the console
 * has accepted it, and waits until the action has failed (Apple refuses an expired token).
 */
const revokeExpiredTokenThenLeave = async (
  page: Page,
  simulator: SimulatorControl,
  tokenName: string,
) => {
  // The revoke's length; Apple's refusal of the expired token comes 1.5 s in whatever it is.
  await simulator.setTiming({ vppRevokeSeconds: 30 });
  const vpp = new VppTokensPage(page);
  await vpp.open();
  await vpp.openToken(tokenName);
  await vpp.fillRevokeDialog(tokenName);
  await vpp.submitButton().click();
  // Hidden at once, not after the dialog closes: the simulated Apple refuses an expired token
  // 1.5 s after the revoke starts, and on a loaded machine that answer reached a tab still
  // visible (which rightly gets no notification).
  await page.evaluate(() => {
    Object.assign(window, { __tabHidden: true });
    document.dispatchEvent(new Event("visibilitychange"));
  });
  await expect(vpp.dialog()).toBeHidden();
  await expect(vpp.progress()).toContainText("Failed", { timeout: 60_000 });
};

test("with the setting on, a visible tab gets none", async ({
  page,
  context,
  request,
  simulator,
}) => {
  await context.grantPermissions(["notifications"]);
  await recordNotifications(page);
  const token = await new ConsoleApi(request, simulator).vppTokenIn("expired");
  await signInFresh(page);
  await turnOn(page);
  const vpp = new VppTokensPage(page);
  await vpp.open();
  await vpp.openToken(token.displayName);
  await vpp.fillRevokeDialog(token.displayName);
  await vpp.submitButton().click();
  await expect(vpp.progress()).toContainText("Failed", { timeout: 30_000 });
  await page.waitForTimeout(1500);
  expect(await shownIn(page)).toEqual([]);
});

test("with the setting on, a background tab gets one notification that tells the failure, and clicking it opens the record", async ({
  page,
  context,
  request,
  simulator,
}, testInfo) => {
  await context.grantPermissions(["notifications"]);
  await recordNotifications(page);
  const token = await new ConsoleApi(request, simulator).vppTokenIn("expired");
  await signInFresh(page);
  const shell = new ConsoleShell(page);

  // Off by default; turned on from the user menu, and remembered across a reload.
  await shell.userMenu("Adele Vance").click();
  await expect(noticeSwitch(page)).not.toBeChecked();
  await noticeSwitch(page).click();
  await expect(noticeSwitch(page)).toBeChecked();
  await keep(page, testInfo, "action-notices-setting");
  await page.keyboard.press("Escape");
  await page.reload();
  await shell.userMenu("Adele Vance").click();
  await expect(noticeSwitch(page)).toBeChecked();
  await page.keyboard.press("Escape");
  await expect(noticeSwitch(page)).toBeHidden();
  await shell.switchLanguage("Русский");
  await expect(shell.navLink("Журнал действий")).toBeVisible();
  await shell.userMenu("Adele Vance").click();
  await expect(noticeSwitch(page)).toBeChecked();
  await keep(page, testInfo, "action-notices-setting-ru");
  await page.keyboard.press("Escape");
  await shell.switchLanguage("English");

  await revokeExpiredTokenThenLeave(page, simulator, token.displayName);
  await expect.poll(() => shownIn(page).then((shown) => shown.length)).toBe(1);
  // A reconnect that replays events (Last-Event-ID) or later copies of the record: no second one.
  await page.waitForTimeout(1500);
  const shown = await shownIn(page);
  expect(shown).toHaveLength(1);
  expect(shown[0]?.title).toBe("Revoke all licenses of a VPP token: failed");
  expect(shown[0]?.body).toBe(token.displayName);
  const actionId = shown[0]?.tag ?? "";
  expect(actionId).toMatch(/^[0-9a-f-]{36}$/);

  // Clicking it brings the tab forward on the action's record.
  await page.evaluate(() => Object.assign(window, { __tabHidden: false }));
  await page.evaluate(() => {
    const [first] = (window as unknown as { __shownNotifications: { instance: Notification }[] })
      .__shownNotifications;
    first?.instance.onclick?.(new Event("click"));
  });
  await expect(page).toHaveURL(new RegExp(`/activity/${actionId}$`));
});

test("with the setting off (the default), a background tab gets no notification", async ({
  page,
  context,
  request,
  simulator,
}) => {
  await context.grantPermissions(["notifications"]);
  await recordNotifications(page);
  const token = await new ConsoleApi(request, simulator).vppTokenIn("expired");
  await signInFresh(page);
  await revokeExpiredTokenThenLeave(page, simulator, token.displayName);
  await page.waitForTimeout(1500);
  expect(await shownIn(page)).toEqual([]);
});

test("a browser that blocks notifications leaves the setting off and says how to allow them", async ({
  page,
}, testInfo) => {
  await page.addInitScript(() => {
    // As Chromium reports a site whose notifications the person blocked.
    Object.defineProperty(Notification, "permission", { configurable: true, get: () => "denied" });
  });
  await signInFresh(page);
  const shell = new ConsoleShell(page);
  await shell.userMenu("Adele Vance").click();
  await noticeSwitch(page).click();
  await expect(noticeSwitch(page)).not.toBeChecked();
  await expect(page.getByText(/blocks the console's notifications/)).toBeVisible();
  await keep(page, testInfo, "action-notices-blocked");
});
