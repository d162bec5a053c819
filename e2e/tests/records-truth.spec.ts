import { iosVppAppSeeds } from "@ihc/tenant-sim";
import type { Locator, Page, TestInfo } from "@playwright/test";
import { ConsoleApi } from "../fixtures/console-api.js";
import { expect, test } from "../fixtures/console-test.js";
import type { SimulatorControl } from "../fixtures/simulator-control.js";
import { AppsPage } from "../pages/apps-page.js";
import { ConsoleShell } from "../pages/console-shell.js";
import { SignInPage } from "../pages/sign-in-page.js";
import { VppTokensPage } from "../pages/vpp-tokens-page.js";

// Issue #12, "records that tell the truth", in the browser: concurrency told truly (3), waiting
// explained (5), Activity names who and what (1), and the token's licenses in use follow a
// running revoke (9). Every wait is on a condition, with room for a busy 2-core machine.

const words = {
  en: {
    language: "English",
    tokenConfirmLabel: "Type the token's name to confirm",
    tokenSubmit: "Revoke licenses",
    tokenProgress: "Revoke progress",
    revokeOne: /^Revoke the license of /,
    confirmOne: "Revoke 1 license",
    recentRevokes: "Recent revokes",
    userKind: "User",
    close: "Close",
    closingGoesOn: "Closing does not stop it: it goes on, and Activity shows how it ends.",
    throttled: /Intune is throttling writes; retrying in (\d+) s/,
    checkingSince: /Checking… · last checked /,
    checkNow: "Check now",
    done: "Done",
    failed: "Failed",
    refusal: /already running|not finished/i,
    tokenRevokeKind: "Revoke all licenses of a VPP token",
  },
  ru: {
    language: "Русский",
    tokenConfirmLabel: "Введите название токена для подтверждения",
    tokenSubmit: "Отозвать лицензии",
    tokenProgress: "Ход отзыва",
    revokeOne: /^Отозвать лицензию: /,
    confirmOne: "Отозвать 1 лицензию",
    recentRevokes: "Последние отзывы",
    userKind: "Пользователь",
    close: "Закрыть",
    closingGoesOn:
      "Если закрыть окно, действие не остановится: оно продолжится, а итог будет виден в журнале.",
    throttled: /Intune ограничивает запись; повтор через (\d+) с/,
    checkingSince: /Проверяем… · последняя проверка /,
    checkNow: "Проверить сейчас",
    done: "Готово",
    failed: "Ошибка",
    refusal: /уже выполняется|не завершено|не закончено/i,
    tokenRevokeKind: "Отзыв всех лицензий VPP-токена",
  },
} as const;
type Language = keyof typeof words;

/** A screenshot kept under docs/screenshots/ (the evidence) and attached to the report. */
const keep = async (page: Page, testInfo: TestInfo, name: string) => {
  const body = await page.screenshot({ path: `../docs/screenshots/${name}.png` });
  await testInfo.attach(name, { body, contentType: "image/png" });
};

const signIn = async (page: Page, language: Language = "en") => {
  const signInPage = new SignInPage(page);
  await signInPage.open();
  await signInPage.signInAs("Adele Vance");
  const shell = new ConsoleShell(page);
  // Signing in takes a while on a busy machine: a longer wait, not a weaker check.
  await expect(shell.userMenu("Adele Vance")).toBeVisible({ timeout: 30_000 });
  if (language === "ru") await shell.switchLanguage("Русский");
};

/** Graph POSTs of `action` (on the thing whose id is `on`, when given). */
const graphPosts = async (simulator: SimulatorControl, action: string, on = "") =>
  (await simulator.received()).filter(
    (r) => r.method === "POST" && r.path.includes(on) && r.path.endsWith(`/${action}`),
  );

/**
 * Records, in the page itself, every text of the elements `selector` finds that holds `within`
 * and matches `pattern` (a MutationObserver, so a "Failed" that flashes between two polls is
 * still caught).
 */
const watchForText = async (
  page: Page,
  name: string,
  selector: string,
  within: string,
  pattern: RegExp,
) => {
  await page.evaluate(
    ({ name, selector, within, source, flags }) => {
      const seen = window as unknown as Record<string, string[] | undefined>;
      seen[name] = [];
      const re = new RegExp(source, flags);
      const check = () => {
        for (const element of Array.from(document.querySelectorAll(selector))) {
          const text = element.textContent;
          // The innermost element that holds `within`, not the page sections around it.
          const inner = Array.from(element.querySelectorAll(selector));
          if (inner.some((child) => child.textContent.includes(within))) continue;
          if (text.includes(within) && re.test(text)) seen[name]?.push(text);
        }
      };
      check();
      new MutationObserver(check).observe(document.body, {
        subtree: true,
        childList: true,
        characterData: true,
      });
    },
    { name, selector, within, source: pattern.source, flags: pattern.flags },
  );
};

const seenText = (page: Page, name: string) =>
  page.evaluate((n) => (window as unknown as Record<string, string[] | undefined>)[n] ?? [], name);

/** The newest card under "Recent revokes" (either language). */
const latestAppAction = (page: Page, language: Language): Locator =>
  page.getByRole("region", { name: words[language].recentRevokes }).locator("section").first();

/** The license rows of the given kind with a Revoke button, in either language. */
const revocableUserRows = (page: Page, language: Language): Locator =>
  new AppsPage(page)
    .licenseRows()
    .filter({ has: page.getByRole("cell", { name: words[language].userKind, exact: true }) })
    .filter({ has: page.getByRole("button", { name: words[language].revokeOne }) });

/** Opens the revoke dialog of the `index`th revocable user license; answers its UPN. */
const openSingleRevoke = async (page: Page, language: Language, index: number) => {
  const row = revocableUserRows(page, language).nth(index);
  const upn = (await row.getByRole("cell").nth(2).textContent()) ?? "";
  expect(upn).toMatch(/@/);
  await row.getByRole("button", { name: words[language].revokeOne }).click();
  await expect(page.getByRole("dialog")).toContainText(upn);
  return upn;
};

const openApp = async (page: Page, displayName: string) => {
  const apps = new AppsPage(page);
  await apps.open();
  await apps.openApp(displayName);
  await expect(apps.licenseRows().first()).toBeVisible({ timeout: 30_000 });
};

// Every test starts from the seeded tenant, whatever an earlier test revoked.
test.beforeEach(async ({ simulator }) => {
  await simulator.resetTenant();
});

test.describe("records that tell the truth (issue #12)", () => {
  // Sign-in, a revoke and Intune's simulated seconds take a while on a shared 2-core machine.
  test.describe.configure({ timeout: 180_000 });

  for (const language of ["en", "ru"] as const) {
    test(`(3) two tabs, one VPP token: the second is refused naming the running action, the first goes on to Done, one Graph revoke (${language})`, async ({
      page,
      context,
      request,
      simulator,
    }, testInfo) => {
      const w = words[language];
      const valid = (await new ConsoleApi(request, simulator).vppTokens()).filter(
        (t) => t.state === "valid",
      );
      const token = language === "en" ? valid[0] : (valid[1] ?? valid[0]);
      if (!token) throw new Error("No valid VPP token seeded");
      // Long enough that tab B submits while tab A's revoke is still running.
      await simulator.setTiming({ vppRevokeSeconds: 20 });

      await signIn(page, language);
      const vppA = new VppTokensPage(page);
      await vppA.open();
      await vppA.openToken(token.displayName);
      const tabB = await context.newPage();
      await tabB.goto(page.url());
      await expect(tabB.getByRole("heading", { level: 1, name: token.displayName })).toBeVisible({
        timeout: 30_000,
      });
      const vppB = new VppTokensPage(tabB);

      // Both dialogs are open and confirmed before either tab submits.
      for (const vpp of [vppA, vppB]) {
        await vpp.revokeButton().click();
        await vpp.dialog().getByLabel(w.tokenConfirmLabel).fill(token.displayName);
      }
      // Tab A's progress panel never says Failed, from its submit on.
      await watchForText(page, "panelA", "section", w.tokenProgress, new RegExp(w.failed));
      await vppA.dialog().getByRole("button", { name: w.tokenSubmit }).click();
      await expect(vppA.dialog()).toBeHidden({ timeout: 30_000 });
      const panelA = page.getByRole("region", { name: w.tokenProgress });
      await expect(panelA).toContainText(new RegExp(`${w.done}|${w.failed}|%|\\d`));

      await vppB.dialog().getByRole("button", { name: w.tokenSubmit }).click();
      const refusal = vppB.dialog().getByRole("alert");
      await expect(refusal).toBeVisible({ timeout: 30_000 });
      // Names the running action, who started it (name and UPN) and when.
      await expect(refusal).toContainText(w.tokenRevokeKind);
      await expect(refusal).toContainText("Adele Vance");
      await expect(refusal).toContainText("adele.vance@contoso-sim.onmicrosoft.com");
      await expect(refusal).toContainText(w.refusal);
      await expect(refusal).not.toContainText(/\d{4}-\d\d-\d\dT/); // a time people read
      await keep(tabB, testInfo, `records-conflict-refused-${language}`);

      // Tab B closes its dialog and watches the list: "Latest revoke" never says Failed.
      await vppB
        .dialog()
        .getByRole("button", { name: w.close })
        .or(vppB.dialog().getByRole("button", { name: language === "en" ? "Cancel" : "Отмена" }))
        .click();
      await expect(vppB.dialog()).toBeHidden();
      await tabB
        .getByRole("navigation")
        .getByRole("link", { name: language === "en" ? "VPP tokens" : "Токены VPP" })
        .click();
      const rowB = tabB.getByRole("row").filter({ hasText: token.displayName });
      await expect(rowB).toBeVisible({ timeout: 30_000 });
      await watchForText(tabB, "rowB", "tr", token.displayName, new RegExp(w.failed));

      await expect(panelA).toContainText(w.done, { timeout: 90_000 });
      await expect(rowB).toContainText(w.done, { timeout: 30_000 });
      expect(await seenText(tabB, "rowB"), "the token list said Failed").toEqual([]);
      expect(await seenText(page, "panelA"), "tab A's panel said Failed").toEqual([]);
      expect(await graphPosts(simulator, "revokeLicenses")).toHaveLength(1);
      await tabB.close();
    });
  }

  for (const language of ["en", "ru"] as const) {
    test(`(5) a throttled single revoke: the dialog counts down, Close and Esc stay enabled, it ends Done (${language})`, async ({
      page,
      simulator,
    }, testInfo) => {
      const w = words[language];
      // An app of its own per language: nothing an earlier test left running can be counted.
      const app = language === "en" ? iosVppAppSeeds.slack : iosVppAppSeeds.acrobat;
      await signIn(page, language);
      await openApp(page, app.displayName);
      const upn = await openSingleRevoke(page, language, 0);
      await simulator.setFaults([
        {
          method: "POST",
          path: "/revokeUserLicense$",
          kind: "throttle",
          retryAfterSeconds: 8,
          times: 1,
        },
      ]);
      const dialog = page.getByRole("dialog");
      await dialog.getByRole("button", { name: w.confirmOne }).click();

      const wait = dialog.getByText(w.throttled);
      await expect(wait).toBeVisible({ timeout: 30_000 });
      const secondsIn = async () => Number(w.throttled.exec((await wait.textContent()) ?? "")?.[1]);
      const first = await secondsIn();
      expect(first).toBeGreaterThan(0);
      // Retry-After (8 s) and the BFF's small margin, never more.
      expect(first).toBeLessThanOrEqual(10);
      await expect(dialog).toContainText(w.closingGoesOn);
      await expect(dialog.getByRole("button", { name: w.close })).toBeEnabled();
      await keep(page, testInfo, `records-waiting-throttled-${language}`);
      // The count goes down (a condition, not a sleep: the page's clock ticks every second).
      await expect.poll(secondsIn, { timeout: 15_000 }).toBeLessThan(first);

      // Esc closes it at once; the journaled action goes on and ends Done on its card.
      await page.keyboard.press("Escape");
      await expect(dialog).toBeHidden();
      const card = latestAppAction(page, language);
      await expect(card).toContainText(w.done, { timeout: 60_000 });
      await expect(card).toContainText(upn);
      const posts = await graphPosts(simulator, "revokeUserLicense", app.id);
      expect(posts.map((p) => p.status)).toEqual([429, 204]);
    });
  }

  for (const language of ["en", "ru"] as const) {
    test(`(5) an unknown outcome: the card says "checking… · last checked" and Check now asks again (${language})`, async ({
      page,
      simulator,
    }, testInfo) => {
      const w = words[language];
      await signIn(page, language);
      const app = iosVppAppSeeds.zoom;
      await openApp(page, app.displayName);
      // Its own license per language: an unknown revoke holds its license for two minutes.
      await openSingleRevoke(page, language, language === "en" ? 0 : 1);
      await simulator.setFaults([
        { method: "POST", path: "/revokeUserLicense$", kind: "status", status: 503, times: 1 },
      ]);
      const dialog = page.getByRole("dialog");
      await dialog.getByRole("button", { name: w.confirmOne }).click();
      await expect(dialog).toBeHidden({ timeout: 30_000 });

      const card = latestAppAction(page, language);
      const checking = card.getByText(w.checkingSince);
      await expect(checking).toBeVisible({ timeout: 30_000 });
      const checkNow = card.getByRole("button", { name: w.checkNow });
      await expect(checkNow).toBeEnabled();
      await card.scrollIntoViewIfNeeded();
      await keep(page, testInfo, `records-checking-unknown-${language}`);

      // "Check now" reads the record again from the BFF.
      const reread = page.waitForResponse(
        (r) => r.request().method() === "GET" && /\/api\/actions\//.test(r.url()) && r.ok(),
      );
      await checkNow.click();
      await reread;
      await expect(checkNow).toBeEnabled();
      await expect(checking).toBeVisible();
      // Never sent twice: one POST, the 503.
      const posts = await graphPosts(simulator, "revokeUserLicense", app.id);
      expect(posts.map((p) => p.status)).toEqual([503]);
    });
  }

  test("(1) Activity and the app's card name the app and the user after a reload; a bulk run lists its licenses", async ({
    page,
  }) => {
    const teams = iosVppAppSeeds.teams;
    await signIn(page);
    await openApp(page, teams.displayName);
    const upn = await openSingleRevoke(page, "en", 2);
    const apps = new AppsPage(page);
    await apps.confirmButton().click();
    await expect(apps.dialog()).toBeHidden({ timeout: 30_000 });
    await expect(apps.latestAction()).toContainText("Done", { timeout: 60_000 });

    // A selection of three goes as one bulk action.
    const rows = apps.licenseRows().filter({ has: page.getByRole("checkbox") });
    const chosen: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const cells = rows.nth(i).getByRole("cell");
      const device = (await cells.nth(4).textContent()) === "Device";
      chosen.push((await cells.nth(device ? 3 : 2).textContent()) ?? "");
      await rows.nth(i).getByRole("checkbox").check();
    }
    await apps.revokeSelectedButton().click();
    await apps.confirmButton().click();
    await expect(apps.dialog()).toBeHidden({ timeout: 30_000 });
    await expect(apps.latestAction()).toContainText("Done", { timeout: 60_000 });

    await page.reload();
    const single = page
      .getByRole("region", { name: "Recent revokes" })
      .locator("section")
      .filter({ hasText: "Revoke a user's app license" })
      .first();
    await expect(single).toContainText(upn, { timeout: 30_000 });

    await new ConsoleShell(page).navLink("Activity").click();
    const activity = page.getByRole("table", { name: "Activity" });
    const singleRow = activity
      .getByRole("row")
      .filter({ hasText: "Revoke a user's app license" })
      .filter({ hasText: teams.displayName })
      .first();
    await expect(singleRow).toContainText(upn, { timeout: 30_000 });
    const bulkRow = activity
      .getByRole("row")
      .filter({ hasText: "Revoke selected app licenses" })
      .filter({ hasText: teams.displayName })
      .first();
    for (const who of chosen) await expect(bulkRow).toContainText(who);
  });

  test("(9) the token's licenses in use go down while its revoke runs", async ({
    page,
    request,
    simulator,
  }) => {
    const valid = (await new ConsoleApi(request, simulator).vppTokens()).filter(
      (t) => t.state === "valid",
    );
    const token = valid[2] ?? valid[0];
    if (!token) throw new Error("No valid VPP token seeded");
    await simulator.setTiming({ vppRevokeSeconds: 40 });
    await signIn(page);
    const vpp = new VppTokensPage(page);
    await vpp.open();
    await vpp.openToken(token.displayName);
    const summary = page.getByText(/^[\d,]+ licenses? in use /);
    await expect(summary).toBeVisible({ timeout: 30_000 });
    const inUse = async () => Number(((await summary.textContent()) ?? "").replace(/\D.*$/, ""));
    const before = await inUse();
    expect(before).toBeGreaterThan(1);

    await vpp.fillRevokeDialog(token.displayName);
    await vpp.submitButton().click();
    await expect(vpp.dialog()).toBeHidden({ timeout: 30_000 });
    // Seen going down while the revoke still runs (not Done yet): then it follows to the end.
    await expect
      .poll(
        async () => {
          const running = !((await vpp.progress().textContent()) ?? "").includes("Done");
          const now = await inUse();
          return running && now < before && now > 0;
        },
        { timeout: 60_000, intervals: [500] },
      )
      .toBe(true);
    await expect(vpp.progress()).toContainText("Done", { timeout: 90_000 });
    await expect.poll(inUse, { timeout: 30_000 }).toBeLessThan(before);
  });
});
