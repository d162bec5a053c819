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
});
