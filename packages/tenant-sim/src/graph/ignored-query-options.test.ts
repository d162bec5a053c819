import { describe, expect, it } from "vitest";
import { useSimulator } from "../test-support/simulator-fixture.js";
import { seededIds } from "../seed/vpp-catalog.js";
import { allPages, graphGet, valueOf } from "../test-support/graph-client.js";

const apps = "/beta/deviceAppManagement/mobileApps";
const { slack } = seededIds.iosVppApps;
const { valid } = seededIds.vppTokens;
const licensesPath = `${apps}/${slack}/microsoft.graph.iosVppApp/assignedLicenses`;

const fixture = useSimulator();

const get = async (path: string) => {
  const answer = await graphGet(fixture.sim, path, fixture.token);
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

    fixture.sim.setScenario({ ignoredQueryOptions: true });
    expect(await get(`${licensesPath}${filter}`)).toEqual(all);
    expect(await get(`${licensesPath}?$select=userId`)).toEqual(all);
    // A malformed option is still refused, as Graph parses before its service ignores.
    expect(
      (await graphGet(fixture.sim, `${licensesPath}?$filter=nope eq`, fixture.token)).status,
    ).toBe(400);
  });

  it("answers a $filter or $select on iosVppApp cast properties as if absent, isof still applies", async () => {
    const cast = `microsoft.graph.iosVppApp/vppTokenId eq '${valid}'`;
    const filtered = `${apps}?$filter=${encodeURIComponent(cast)}`;
    const selected = `${apps}?$select=id,microsoft.graph.iosVppApp/usedLicenseCount`;
    const isof = `${apps}?$filter=${encodeURIComponent("isof('microsoft.graph.iosVppApp')")}`;
    const everything = await allPages(fixture.sim, apps, fixture.token);
    const onValid = await allPages(fixture.sim, filtered, fixture.token);
    expect(onValid.length).toBeLessThan(everything.length);
    expect(onValid.every((a) => a.vppTokenId === valid)).toBe(true);
    const iosOnly = await allPages(fixture.sim, isof, fixture.token);

    fixture.sim.setScenario({ ignoredQueryOptions: true });
    expect(await allPages(fixture.sim, filtered, fixture.token)).toEqual(everything);
    const ignoredSelect = await get(selected);
    expect(Object.keys(ignoredSelect[0] ?? {}).length).toBeGreaterThan(2);
    // A filter on a base property and isof are applied.
    expect(await allPages(fixture.sim, isof, fixture.token)).toEqual(iosOnly);
    const byName = await get(`${apps}?$filter=${encodeURIComponent("displayName eq 'Slack'")}`);
    expect(byName.map((a) => a.id)).toEqual([slack]);
    // Behind the collection cast, iosVppApp's own properties need no prefix; still ignored.
    const behindCast = `${apps}/microsoft.graph.iosVppApp?$filter=${encodeURIComponent(`vppTokenId eq '${valid}'`)}`;
    expect((await allPages(fixture.sim, behindCast, fixture.token)).length).toBe(iosOnly.length);
  });
});
