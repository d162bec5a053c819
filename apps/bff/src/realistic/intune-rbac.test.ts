import { INTUNE_ROLE_MISSING, MeSchema, ProblemSchema } from "@ihc/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStack, type Stack } from "../test-support/start-stack.js";

/**
 * Issue #15 (1): with Intune RBAC on, a delegated Graph call also needs an Intune role. The
 * `nointune` account has the console's app roles but no Intune role, so Intune refuses each of
 * its calls with a bare "User is not authorized" 403; the BFF names the permission to ask for
 * and remembers, per person, what it learned.
 */
describe("Intune RBAC (realistic: intuneRbac)", () => {
  let stack: Stack;
  let nointune: string;
  let senior: string;
  beforeAll(async () => {
    stack = await startStack();
    stack.sim.setScenario({ intuneRbac: true });
    [nointune, senior] = await Promise.all([stack.tokenFor("nointune"), stack.tokenFor("senior")]);
  });
  afterAll(() => stack.close());

  // Adele Vance (the `agent` account): any user with devices would do.
  const userId = "a1f0e2d3-0001-4c5b-8a9d-000000000001";

  it.each([
    ["/api/apps", "mobileApps.read", "Mobile apps: Read"],
    ["/api/vpp-tokens", "managedApps.read", "Managed apps: Read"],
    ["/api/enrollment-profiles", "androidForWork.read", "Android for work: Read"],
    [`/api/users/${userId}/devices`, "managedDevices.read", "Managed devices: Read"],
  ])("GET %s answers 403 intuneRoleMissing naming %s", async (path, permission, label) => {
    const response = await stack.fetch(path, { token: nointune });
    expect(response.status).toBe(403);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    const problem = ProblemSchema.parse(await response.json());
    expect(problem).toMatchObject({ code: INTUNE_ROLE_MISSING, intunePermission: permission });
    expect(problem.detail).toContain(`"${label}"`);
    expect(problem.graphRequestId).toBeDefined();
  });

  it("GET /api/me tells what was learned of each person's Intune rights, never mixing people", async () => {
    expect((await stack.fetch("/api/apps", { token: nointune })).status).toBe(403);
    expect((await stack.fetch("/api/apps", { token: senior })).status).toBe(200);

    const mine = MeSchema.parse(await (await stack.fetch("/api/me", { token: nointune })).json());
    expect(mine.intuneAccess).toMatchObject({
      "mobileApps.read": "missing",
      "mobileApps.update": "unknown",
      "remoteTasks.retire": "unknown",
    });
    expect(mine.permissions.length).toBeGreaterThan(0);

    const theirs = MeSchema.parse(await (await stack.fetch("/api/me", { token: senior })).json());
    expect(theirs.intuneAccess?.["mobileApps.read"]).toBe("granted");
    expect(theirs.intuneAccess?.["managedApps.read"]).toBe("unknown");
  });

  it("without Intune RBAC the same account reads normally", async () => {
    stack.sim.setScenario({ intuneRbac: false });
    try {
      expect((await stack.fetch("/api/apps", { token: nointune })).status).toBe(200);
      const me = MeSchema.parse(await (await stack.fetch("/api/me", { token: nointune })).json());
      expect(me.intuneAccess?.["mobileApps.read"]).toBe("granted");
    } finally {
      stack.sim.setScenario({ intuneRbac: true });
    }
  });
});
