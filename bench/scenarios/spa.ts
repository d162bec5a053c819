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
  /**
   * The page's main-thread task time from navigation until the row is seen (CDP `TaskDuration`:
   * the tasks' wall time, so CPU plus any time the machine ran something else mid-task). Close
   * to the first data row: the first screen waits on the page's own work, not on the network.
   */
  mainThreadMedianMs: number;
  /** The first data row over an office link (OFFICE_LINK): what the download adds. */
  officeLinkDataMedianMs: number;
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
/**
 * A new context is a new browser window: the desktop browser then builds its own UI in another
 * renderer (the omnibox popup's WebUI), 0.6–0.8 s of CPU on a 2-core machine, beside the page.
 * An agent opens the console in a browser that is already running, so each load first waits for
 * the new window to settle, then navigates (measured: 1.73 s unsettled, 1.05 s settled, 0.94 s in
 * the headless shell, which has no browser UI).
 */
const WINDOW_SETTLE_MS = 2_000;
/** An agent's office or VPN link, as Chromium emulates it: 20 Mbit/s down, 5 up, 20 ms RTT. */
export const OFFICE_LINK = {
  offline: false,
  latency: 20,
  downloadThroughput: (20_000_000 / 8) | 0,
  uploadThroughput: (5_000_000 / 8) | 0,
};
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

export const launch = (): Promise<Browser> =>
  chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });

/** Signs the agent in once on this origin; the state each cold load starts from. */
export const signIn = async (browser: Browser, origin: string): Promise<SignedIn> => {
  const context = await browser.newContext({ baseURL: origin, locale: "en-US" });
  const page = await context.newPage();
  await page.goto("/");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: /Adele Vance/ }).click();
  await page.locator(SHELL).waitFor({ timeout: 30_000 });
  await page.close();
  return { browser, origin, context, state: await context.storageState() };
};

export interface SignedIn {
  browser: Browser;
  origin: string;
  /** The signing-in context, kept for the big-list scenario. */
  context: BrowserContext;
  state: Awaited<ReturnType<BrowserContext["storageState"]>>;
}

export interface ColdLoad {
  shellMs: number;
  dataMs: number;
  mainThreadMs: number;
}

/**
 * One cold load of /vpp-tokens: a new context (empty HTTP cache) holding the agent's signed-in
 * MSAL cache, its window settled, then navigation; optionally over an emulated network.
 */
export const coldLoad = async (
  { browser, origin, state }: SignedIn,
  network?: typeof OFFICE_LINK,
): Promise<ColdLoad> => {
  const context = await browser.newContext({
    baseURL: origin,
    locale: "en-US",
    storageState: state,
  });
  try {
    await context.addInitScript(markers);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    if (network) await cdp.send("Network.emulateNetworkConditions", network);
    await page.waitForTimeout(WINDOW_SETTLE_MS);
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
    const { metrics } = await cdp.send("Performance.getMetrics");
    const taskSeconds = metrics.find((metric) => metric.name === "TaskDuration")?.value ?? 0;
    return { shellMs: marks.shell, dataMs: marks.data, mainThreadMs: taskSeconds * 1000 };
  } finally {
    await context.close();
  }
};

/**
 * Time to the signed-in shell in Chromium, cold (`coldLoad`, LOADS times, then LOADS times over
 * the office link). Then, when the build has the Users page, DOM rows of its virtualized result
 * list on a 50,000-user tenant.
 */
export const spaInChromium = async (): Promise<{
  render: SpaRenderResult;
  bigList: BigListResult;
}> => {
  const stack = await startLoopbackStack({ web: true, simArgs: ["--size", "large"] });
  const browser = await launch();
  try {
    const signedIn = await signIn(browser, stack.webOrigin);
    const loads: ColdLoad[] = [];
    for (let i = 0; i < LOADS; i += 1) loads.push(await coldLoad(signedIn));
    const office: number[] = [];
    for (let i = 0; i < LOADS; i += 1) office.push((await coldLoad(signedIn, OFFICE_LINK)).dataMs);
    const shell = loads.map((load) => load.shellMs);
    const data = loads.map((load) => load.dataMs);
    const render: SpaRenderResult = {
      loads: LOADS,
      shellMedianMs: percentile(shell, 50),
      shellP95Ms: percentile(shell, 95),
      dataMedianMs: percentile(data, 50),
      dataP95Ms: percentile(data, 95),
      mainThreadMedianMs: percentile(
        loads.map((load) => load.mainThreadMs),
        50,
      ),
      officeLinkDataMedianMs: percentile(office, 50),
    };
    return { render, bigList: await bigList(signedIn.context) };
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
