import { describe, expect, it } from "vitest";
import { useSimulator } from "../test-support/simulator-fixture.js";
import { macOsVppAppSeeds } from "../seed/realistic-catalog.js";
import { seededIds } from "../seed/vpp-catalog.js";
import {
  allPages,
  assignedLicensesOf,
  graphGet,
  graphPost,
  waitUntil,
} from "../test-support/graph-client.js";

const apps = "/beta/deviceAppManagement/mobileApps";
const { slack } = seededIds.iosVppApps;
const { valid } = seededIds.vppTokens;
const mac = macOsVppAppSeeds.remoteDesktop;
const isofIos = `${apps}?$filter=${encodeURIComponent("isof('microsoft.graph.iosVppApp')")}`;

const fixture = useSimulator();

const licenseCount = async (id: string) =>
  (await assignedLicensesOf(fixture.sim, id, fixture.token)).length;

describe("used-license counts that differ from the assigned licenses (usedLicenseCountDrift)", () => {
  it("counts licenses Apple holds beyond those Intune lists, on every iOS VPP app", async () => {
    expect(
      (await graphGet(fixture.sim, `${apps}/${slack}`, fixture.token)).body.usedLicenseCount,
    ).toBe(await licenseCount(slack));
    fixture.sim.setScenario({ usedLicenseCountDrift: true });
    const used = (await graphGet(fixture.sim, `${apps}/${slack}`, fixture.token)).body
      .usedLicenseCount as number;
    const listed = await licenseCount(slack);
    expect(used).toBeGreaterThan(listed);
    expect(used - listed).toBeLessThanOrEqual(3);
    for (const app of await allPages(fixture.sim, isofIos, fixture.token)) {
      expect(app.usedLicenseCount as number).toBeGreaterThan(0);
    }
  });
});

describe("macOS VPP apps on the same tokens (macOsVppApps)", () => {
  it("lists them in mobileApps on beta only, outside isof('microsoft.graph.iosVppApp')", async () => {
    const ids = async (path: string) =>
      (await allPages(fixture.sim, path, fixture.token)).map((a) => a.id);
    expect(await ids(apps)).not.toContain(mac.id);
    expect((await graphGet(fixture.sim, `${apps}/${mac.id}`, fixture.token)).status).toBe(404);

    fixture.sim.setScenario({ macOsVppApps: true });
    expect(await ids(apps)).toContain(mac.id);
    expect(await ids(isofIos)).not.toContain(mac.id);
    expect(await ids(`/v1.0/deviceAppManagement/mobileApps`)).not.toContain(mac.id);
    const app = (await graphGet(fixture.sim, `${apps}/${mac.id}`, fixture.token)).body;
    expect(app).toMatchObject({
      "@odata.type": "#microsoft.graph.macOsVppApp",
      vppTokenId: valid,
      usedLicenseCount: mac.usedLicenseCount,
      totalLicenseCount: mac.totalLicenseCount,
      bundleId: mac.bundleId,
    });
    const macOnly = `${apps}?$filter=${encodeURIComponent("isof('microsoft.graph.macOsVppApp')")}`;
    expect(await ids(macOnly)).toEqual(expect.arrayContaining([mac.id]));
    // Not an iOS VPP app: no assignedLicenses behind the iosVppApp cast.
    const cast = await graphGet(
      fixture.sim,
      `${apps}/${mac.id}/microsoft.graph.iosVppApp/assignedLicenses`,
      fixture.token,
    );
    expect(cast.status).toBe(404);
  });

  it("counts their licenses in the fixture.token's revoke, which takes them to zero", async () => {
    fixture.sim.setTiming({ vppRevokeSeconds: 0.3 });
    fixture.sim.setScenario({ macOsVppApps: true });
    const iosLicenses = (await allPages(fixture.sim, isofIos, fixture.token))
      .filter((a) => a.vppTokenId === valid)
      .reduce((sum, a) => sum + (a.usedLicenseCount as number), 0);
    const revoke = await graphPost(
      fixture.sim,
      `/beta/deviceAppManagement/vppTokens/${valid}/revokeLicenses`,
      fixture.token,
      {
        notifyManagedDevices: false,
        revokeUntrackedLicenses: false,
      },
    );
    expect(revoke.status).toBe(204);
    const [result] = await waitUntil(
      async () =>
        (await graphGet(fixture.sim, `/beta/deviceAppManagement/vppTokens/${valid}`, fixture.token))
          .body.tokenActionResults as { actionState: string; totalLicensesCount: number }[],
      (results) => results[0]?.actionState === "done",
    );
    expect(result?.totalLicensesCount).toBe(iosLicenses + mac.usedLicenseCount);
    expect(
      (await graphGet(fixture.sim, `${apps}/${mac.id}`, fixture.token)).body.usedLicenseCount,
    ).toBe(0);
  });
});
