import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createSimulator } from "../create-simulator.js";
import { macOsVppAppSeeds } from "../seed/realistic-catalog.js";
import { seededIds } from "../seed/vpp-catalog.js";
import type { Simulator } from "../simulator.js";
import { allPages, graphGet, graphPost, valueOf, waitUntil } from "../test-support/graph-client.js";

const apps = "/beta/deviceAppManagement/mobileApps";
const { slack } = seededIds.iosVppApps;
const { valid } = seededIds.vppTokens;
const mac = macOsVppAppSeeds.remoteDesktop;
const isofIos = `${apps}?$filter=${encodeURIComponent("isof('microsoft.graph.iosVppApp')")}`;

let sim: Simulator;
let token: string;
beforeAll(async () => {
  sim = await createSimulator({ port: 0 });
  token = await sim.mintToken({ audience: "graph" });
});
afterEach(async () => {
  await fetch(`${sim.url}/_sim/scenario`, { method: "DELETE" });
  sim.resetTiming();
  sim.resetTenant();
});
afterAll(() => sim.close());

const licenseCount = async (id: string) =>
  valueOf(await graphGet(sim, `${apps}/${id}/microsoft.graph.iosVppApp/assignedLicenses`, token))
    .length;

describe("used-license counts that differ from the assigned licenses (usedLicenseCountDrift)", () => {
  it("counts licenses Apple holds beyond those Intune lists, on every iOS VPP app", async () => {
    expect((await graphGet(sim, `${apps}/${slack}`, token)).body.usedLicenseCount).toBe(
      await licenseCount(slack),
    );
    sim.setScenario({ usedLicenseCountDrift: true });
    const used = (await graphGet(sim, `${apps}/${slack}`, token)).body.usedLicenseCount as number;
    const listed = await licenseCount(slack);
    expect(used).toBeGreaterThan(listed);
    expect(used - listed).toBeLessThanOrEqual(3);
    for (const app of await allPages(sim, isofIos, token)) {
      expect(app.usedLicenseCount as number).toBeGreaterThan(0);
    }
  });
});

describe("macOS VPP apps on the same tokens (macOsVppApps)", () => {
  it("lists them in mobileApps on beta only, outside isof('microsoft.graph.iosVppApp')", async () => {
    const ids = async (path: string) => (await allPages(sim, path, token)).map((a) => a.id);
    expect(await ids(apps)).not.toContain(mac.id);
    expect((await graphGet(sim, `${apps}/${mac.id}`, token)).status).toBe(404);

    sim.setScenario({ macOsVppApps: true });
    expect(await ids(apps)).toContain(mac.id);
    expect(await ids(isofIos)).not.toContain(mac.id);
    expect(await ids(`/v1.0/deviceAppManagement/mobileApps`)).not.toContain(mac.id);
    const app = (await graphGet(sim, `${apps}/${mac.id}`, token)).body;
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
      sim,
      `${apps}/${mac.id}/microsoft.graph.iosVppApp/assignedLicenses`,
      token,
    );
    expect(cast.status).toBe(404);
  });

  it("counts their licenses in the token's revoke, which takes them to zero", async () => {
    sim.setTiming({ vppRevokeSeconds: 0.3 });
    sim.setScenario({ macOsVppApps: true });
    const iosLicenses = (await allPages(sim, isofIos, token))
      .filter((a) => a.vppTokenId === valid)
      .reduce((sum, a) => sum + (a.usedLicenseCount as number), 0);
    const revoke = await graphPost(
      sim,
      `/beta/deviceAppManagement/vppTokens/${valid}/revokeLicenses`,
      token,
      {
        notifyManagedDevices: false,
        revokeUntrackedLicenses: false,
      },
    );
    expect(revoke.status).toBe(204);
    const [result] = await waitUntil(
      async () =>
        (await graphGet(sim, `/beta/deviceAppManagement/vppTokens/${valid}`, token)).body
          .tokenActionResults as { actionState: string; totalLicensesCount: number }[],
      (results) => results[0]?.actionState === "done",
    );
    expect(result?.totalLicensesCount).toBe(iosLicenses + mac.usedLicenseCount);
    expect((await graphGet(sim, `${apps}/${mac.id}`, token)).body.usedLicenseCount).toBe(0);
  });
});
