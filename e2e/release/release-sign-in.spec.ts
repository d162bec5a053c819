import { expect, test } from "../fixtures/console-test.js";
import { ConsoleShell } from "../pages/console-shell.js";
import { SignInPage } from "../pages/sign-in-page.js";

test("the release folder serves the console: ready, signed in, data from Graph", async ({
  page,
  request,
  simulator,
}) => {
  const ready = await request.get("/api/ready");
  expect(ready.status()).toBe(200);

  // The SPA's scripts travel as the build compressed them (ADR 0040).
  const scripts: { url: string; encoding: string | undefined }[] = [];
  page.on("response", (response) => {
    if (!new URL(response.url()).pathname.endsWith(".js")) return;
    scripts.push({ url: response.url(), encoding: response.headers()["content-encoding"] });
  });

  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signInInteractively("Adele Vance");
  const shell = new ConsoleShell(page);
  await expect(shell.userMenu("Adele Vance")).toBeVisible();
  await expect(shell.navLink("VPP tokens")).toBeVisible();

  // The name came from Graph (the simulator) through the released BFF's on-behalf-of token.
  const meStatuses = async () =>
    (await simulator.received()).filter((call) => call.path === "/v1.0/me").map((c) => c.status);
  await expect.poll(meStatuses, { timeout: 30_000 }).toContain(200);

  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter((script) => script.encoding !== "br")).toEqual([]);
});
