import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createSimulator } from "../create-simulator.js";
import { seededIds } from "../seed/vpp-catalog.js";
import type { Simulator } from "../simulator.js";
import { allPages, graphGet, valueOf } from "../test-support/graph-client.js";

const apps = "/beta/deviceAppManagement/mobileApps";
const { slack } = seededIds.iosVppApps;
const { valid } = seededIds.vppTokens;
const licensesPath = `${apps}/${slack}/microsoft.graph.iosVppApp/assignedLicenses`;

let sim: Simulator;
let token: string;
beforeAll(async () => {
  sim = await createSimulator({ port: 0 });
  token = await sim.mintToken({ audience: "graph" });
});
afterEach(async () => {
  await fetch(`${sim.url}/_sim/scenario`, { method: "DELETE" });
});
afterAll(() => sim.close());

const get = async (path: string) => {
  const answer = await graphGet(sim, path, token);
  expect(answer.status, path).toBe(200);
  return valueOf(answer);
};

describe("query options Intune ignores (ignoredQueryOptions)", () => {
  it("answers assignedLicenses' $filter and $select as if they were absent", async () => {
    const all = await get(licensesPath);
    const someone = all[0]?.userPrincipalName as string;
    const filter = `?$filter=${encodeURIComponent(`userPrincipalName eq '${someone}'`)}`;
    expect(await get(`${licensesPath}${filter}`)).toHaveLength(1);
    expect(Object.keys((await get(`${licensesPath}?$select=userId`))[0] ?? {})).toEqual([
      "@odata.type",
      "id",
      "userId",
    ]);

    sim.setScenario({ ignoredQueryOptions: true });
    expect(await get(`${licensesPath}${filter}`)).toEqual(all);
    expect(await get(`${licensesPath}?$select=userId`)).toEqual(all);
    // A malformed option is still refused, as Graph parses before its service ignores.
    expect((await graphGet(sim, `${licensesPath}?$filter=nope eq`, token)).status).toBe(400);
  });

  it("answers a $filter or $select on iosVppApp cast properties as if absent, isof still applies", async () => {
    const cast = `microsoft.graph.iosVppApp/vppTokenId eq '${valid}'`;
    const filtered = `${apps}?$filter=${encodeURIComponent(cast)}`;
    const selected = `${apps}?$select=id,microsoft.graph.iosVppApp/usedLicenseCount`;
    const isof = `${apps}?$filter=${encodeURIComponent("isof('microsoft.graph.iosVppApp')")}`;
    const everything = await allPages(sim, apps, token);
    const onValid = await allPages(sim, filtered, token);
    expect(onValid.length).toBeLessThan(everything.length);
    expect(onValid.every((a) => a.vppTokenId === valid)).toBe(true);
    const iosOnly = await allPages(sim, isof, token);

    sim.setScenario({ ignoredQueryOptions: true });
    expect(await allPages(sim, filtered, token)).toEqual(everything);
    const ignoredSelect = await get(selected);
    expect(Object.keys(ignoredSelect[0] ?? {}).length).toBeGreaterThan(2);
    // A filter on a base property and isof are applied.
    expect(await allPages(sim, isof, token)).toEqual(iosOnly);
    const byName = await get(`${apps}?$filter=${encodeURIComponent("displayName eq 'Slack'")}`);
    expect(byName.map((a) => a.id)).toEqual([slack]);
    // Behind the collection cast, iosVppApp's own properties need no prefix; still ignored.
    const behindCast = `${apps}/microsoft.graph.iosVppApp?$filter=${encodeURIComponent(`vppTokenId eq '${valid}'`)}`;
    expect((await allPages(sim, behindCast, token)).length).toBe(iosOnly.length);
  });
});
