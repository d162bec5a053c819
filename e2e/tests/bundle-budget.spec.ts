import { expect, test } from "../fixtures/console-test.js";
import { measureBundle, readBundleBudget } from "../../apps/web/scripts/bundle-size.js";
import { SignInPage } from "../pages/sign-in-page.js";

/**
 * The SPA's size budget (apps/web/bundle-budget.json, ADR 0014) against the build the e2e stack
 * serves: over budget, `pnpm test` fails. Sizes are gzip (zlib's default level), 1 KB = 1024 B.
 */
const budget = readBundleBudget();
const bundle = measureBundle();
const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const listing = (chunks: { file: string; gzipBytes: number }[]) =>
  chunks.map((chunk) => `${chunk.file} ${kb(chunk.gzipBytes)} KB`).join(", ");

test("initial JavaScript (gzip) stays within the budget", () => {
  expect(
    kb(bundle.initialGzipBytes),
    `initial load: ${listing(bundle.initial)}`,
  ).toBeLessThanOrEqual(budget.initialJsKb);
});

test("the largest lazy chunk (gzip) stays within the budget", () => {
  const [largest] = bundle.lazy;
  expect(largest, "the build has lazy chunks (routes)").toBeDefined();
  expect(
    kb(largest?.gzipBytes ?? 0),
    `largest: ${listing(bundle.lazy.slice(0, 3))}`,
  ).toBeLessThanOrEqual(budget.largestLazyChunkKb);
});

test("the measured initial load is what index.html loads eagerly", () => {
  expect([...bundle.referencedByHtml].sort()).toEqual(bundle.initial.map((c) => c.file).sort());
});

test("before the sign-in page is ready Chromium fetches the initial load, the API client and the sign-in page, nothing of the console", async ({
  page,
}, testInfo) => {
  const fetched = new Set<string>();
  page.on("request", (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.endsWith(".js")) fetched.add(pathname.replace(/^\//, ""));
  });
  const signIn = new SignInPage(page);
  await signIn.open();
  await expect(signIn.signInButton()).toBeEnabled();
  expect([...fetched].sort()).toEqual(bundle.signInPage.map((c) => c.file).sort());
  testInfo.annotations.push({
    type: "sign-in page JS (gzip)",
    description: `${kb(bundle.signInPageGzipBytes)} KB: ${listing(bundle.signInPage)}`,
  });
});

test("a saved Russian choice starts in Russian: its catalogue is fetched, not bundled", async ({
  page,
}) => {
  const signIn = new SignInPage(page);
  await signIn.open();
  await page.evaluate(() => {
    window.localStorage.setItem("ihc.language", "ru");
  });
  await page.reload();
  await expect(page.getByRole("button", { name: "Войти" })).toBeEnabled();
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
});
