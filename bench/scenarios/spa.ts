import { chromium, type Browser, type BrowserContext } from "@playwright/test";
import { measureBundle, readBundleBudget } from "../../apps/web/scripts/bundle-size.js";
import { startLoopbackStack } from "../lib/loopback-stack.js";
import { percentile } from "../lib/measure.js";

export interface SpaBundleResult {
  initialKb: number;
  initialBudgetKb: number;
  initialFiles: number;
  largestLazyChunk: string;
  largestLazyKb: number;
  largestLazyBudgetKb: number;
}

export interface SpaRenderResult {
  loads: number;
  /** Navigation start → the signed-in shell's navigation is in the DOM. */
  shellMedianMs: number;
  shellP95Ms: number;
  /** Navigation start → the VPP tokens table has its first row (data through the BFF). */
  dataMedianMs: number;
  dataP95Ms: number;
}

export type BigListResult =
  | { skipped: string }
  | {
      /** Users matching the search (the listbox's aria-setsize, Graph's count). */
      matches: number;
      /** Rows loaded page by page while scrolling to the end. */
      loaded: number;
      /** `role="option"` elements in the DOM at the end. */
      domRows: number;
      query: string;
    };

const KB = 1024;
const round1 = (value: number) => Math.round(value * 10) / 10;

/** The built SPA's initial JavaScript and largest lazy chunk against apps/web/bundle-budget.json. */
export const spaBundle = (): SpaBundleResult => {
  const budget = readBundleBudget();
  const bundle = measureBundle();
  const [largest] = bundle.lazy;
  return {
    initialKb: round1(bundle.initialGzipBytes / KB),
    initialBudgetKb: budget.initialJsKb,
    initialFiles: bundle.initial.length,
    largestLazyChunk: largest?.file ?? "",
    largestLazyKb: round1((largest?.gzipBytes ?? 0) / KB),
    largestLazyBudgetKb: budget.largestLazyChunkKb,
  };
};

const LOADS = 5;
const SHELL = 'nav a[href="/vpp-tokens"]';
const DATA = "main table tbody tr";

/** Records, in the page, when the shell and the first data row first appear. */
const markers = `(() => {
  const seen = {};
  const check = () => {
    if (seen.shell === undefined && document.querySelector(${JSON.stringify(SHELL)})) seen.shell = performance.now();
    if (seen.data === undefined && document.querySelector(${JSON.stringify(DATA)})) seen.data = performance.now();
  };
  window.__ihcMarks = seen;
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
})();`;

const launch = (): Promise<Browser> =>
  chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });

const signIn = async (browser: Browser, origin: string): Promise<BrowserContext> => {
  const context = await browser.newContext({ baseURL: origin, locale: "en-US" });
  const page = await context.newPage();
  await page.goto("/");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: /Adele Vance/ }).click();
  await page.locator(SHELL).waitFor({ timeout: 30_000 });
  await page.close();
  return context;
};

/**
 * Time to the signed-in shell in Chromium, cold: each load is a new browser context (empty HTTP
 * cache) holding the agent's signed-in MSAL cache, opening /vpp-tokens. Then, when the build has
 * the Users page, DOM rows of its virtualized result list on a 50,000-user tenant.
 */
export const spaInChromium = async (): Promise<{
  render: SpaRenderResult;
  bigList: BigListResult;
}> => {
  const stack = await startLoopbackStack({ web: true, simArgs: ["--size", "large"] });
  const browser = await launch();
  try {
    const signedIn = await signIn(browser, stack.webOrigin);
    const state = await signedIn.storageState();
    const shell: number[] = [];
    const data: number[] = [];
    for (let i = 0; i < LOADS; i += 1) {
      const context = await browser.newContext({
        baseURL: stack.webOrigin,
        locale: "en-US",
        storageState: state,
      });
      await context.addInitScript(markers);
      const page = await context.newPage();
      await page.goto("/vpp-tokens");
      const marks = (await (
        await page.waitForFunction(
          () => {
            const m = (window as unknown as { __ihcMarks: { shell?: number; data?: number } })
              .__ihcMarks;
            return m.shell !== undefined && m.data !== undefined ? m : undefined;
          },
          undefined,
          { timeout: 30_000 },
        )
      ).jsonValue()) as { shell: number; data: number };
      shell.push(marks.shell);
      data.push(marks.data);
      await context.close();
    }
    const render: SpaRenderResult = {
      loads: LOADS,
      shellMedianMs: percentile(shell, 50),
      shellP95Ms: percentile(shell, 95),
      dataMedianMs: percentile(data, 50),
      dataP95Ms: percentile(data, 95),
    };
    return { render, bigList: await bigList(signedIn) };
  } finally {
    await browser.close();
    stack.close();
  }
};

const QUERY = "a";
const SCROLL_BUDGET_MS = 20_000;

/** The Users page's result list for a one-letter search, scrolled to its end page by page. */
const bigList = async (context: BrowserContext): Promise<BigListResult> => {
  const page = await context.newPage();
  try {
    await page.goto("/users");
    const search = page.getByRole("searchbox");
    try {
      await search.waitFor({ timeout: 10_000 });
    } catch {
      return { skipped: "Users page not available in this build (no search box on /users)" };
    }
    await search.fill(QUERY);
    const list = page.getByRole("listbox");
    const options = list.getByRole("option");
    await options.first().waitFor({ timeout: 30_000 });
    const matches = Number(await options.first().getAttribute("aria-setsize"));
    const lastLoaded = async () =>
      Math.max(
        0,
        ...(await options.evaluateAll((rows) =>
          rows.map((row) => Number(row.getAttribute("aria-posinset"))),
        )),
      );
    const deadline = Date.now() + SCROLL_BUDGET_MS;
    let loaded = await lastLoaded();
    while (Date.now() < deadline && loaded < matches) {
      await list.evaluate((element) => {
        element.scrollTop = element.scrollHeight;
      });
      await page.waitForTimeout(200);
      loaded = Math.max(loaded, await lastLoaded());
    }
    return { matches, loaded, domRows: await options.count(), query: QUERY };
  } finally {
    await page.close();
  }
};
