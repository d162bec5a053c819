import { AssignedLicenseListSchema, IosVppAppListSchema } from "@ihc/contracts";
import { seededIds } from "@ihc/tenant-sim";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStack, type Stack } from "../test-support/start-stack.js";

/**
 * Issue #15 (4): Intune is reported to answer `$filter`/`$select` on assignedLicenses and on the
 * iosVppApp cast's properties as if they were absent. The BFF filters again itself and never
 * shows an unfiltered row as a match.
 */
describe("query options Intune ignores (realistic: ignoredQueryOptions)", () => {
  let stack: Stack;
  let agent: string;
  beforeAll(async () => {
    stack = await startStack();
    stack.sim.setScenario({ ignoredQueryOptions: true });
    agent = await stack.tokenFor("agent");
  });
  afterAll(() => stack.close());

  const getOk = async (path: string) => {
    const response = await stack.fetch(path, { token: agent });
    expect(response.status).toBe(200);
    return await response.json();
  };

  it("GET /api/apps?vppTokenId= lists that token's apps only", async () => {
    const token = seededIds.vppTokens.valid;
    const { items } = IosVppAppListSchema.parse(await getOk(`/api/apps?vppTokenId=${token}`));
    const all = IosVppAppListSchema.parse(await getOk("/api/apps")).items;
    const expected = all.filter((app) => app.vppTokenId === token).map((app) => app.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(all.length);
    expect(items.map((app) => app.id).sort()).toEqual(expected.sort());
  });

  it("GET /api/apps/:id/licenses?search= lists matching licenses only", async () => {
    const appId = seededIds.iosVppApps.slack;
    const all = AssignedLicenseListSchema.parse(
      await getOk(`/api/apps/${appId}/licenses?limit=999`),
    ).items;
    const upn = all.find((l) => l.userPrincipalName !== undefined)?.userPrincipalName ?? "";
    const prefix = upn.slice(0, 3).toUpperCase();
    const expected = all.filter((l) =>
      l.userPrincipalName?.toLowerCase().startsWith(prefix.toLowerCase()),
    );
    expect(expected.length).toBeLessThan(all.length);

    const { items } = AssignedLicenseListSchema.parse(
      await getOk(`/api/apps/${appId}/licenses?limit=999&search=${encodeURIComponent(prefix)}`),
    );
    expect(items.map((l) => l.id).sort()).toEqual(expected.map((l) => l.id).sort());
  });
});
