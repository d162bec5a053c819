import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSimulator } from "../create-simulator.js";
import { seededEnrollmentProfileIds } from "../seed/enrollment-profile-catalog.js";
import { seededUserIds } from "../seed/showcase-catalog.js";
import { iosVppAppSeeds, seededIds } from "../seed/vpp-catalog.js";
import type { Simulator } from "../simulator.js";
import {
  allPages,
  graphErrorOf,
  graphGet,
  graphPost,
  intuneMessageOf,
  valueOf,
} from "../test-support/graph-client.js";

// Graph's CSDL: <Schema Namespace="microsoft.graph" Alias="graph">. The Kiota SDKs write the
// alias; hand-written calls and the docs the namespace. Every cast path takes both.
const spellings = ["microsoft.graph", "graph"] as const;

const apps = "/beta/deviceAppManagement/mobileApps";
const { outlook, slack, teams } = seededIds.iosVppApps;
const win32 = seededIds.otherApps.sevenZip;
const totalVppApps = Object.keys(iosVppAppSeeds).length;
const adele = "a1f0e2d3-0001-4c5b-8a9d-000000000001";

let sim: Simulator;
let token: string;
beforeAll(async () => {
  sim = await createSimulator({ port: 0 });
  token = await sim.mintToken({ audience: "graph" });
});
beforeEach(() => {
  sim.resetTenant();
});
afterAll(() => sim.close());

describe.each(spellings)("the %s. cast", (ns) => {
  it("on one app: the iOS VPP app's properties, a 404 for another type", async () => {
    const cast = await graphGet(sim, `${apps}/${outlook}/${ns}.iosVppApp?$select=bundleId`, token);
    expect(cast.status).toBe(200);
    expect(cast.body).toEqual({
      "@odata.context":
        "https://graph.microsoft.com/beta/$metadata#deviceAppManagement/mobileApps/microsoft.graph.iosVppApp(bundleId)/$entity",
      "@odata.type": "#microsoft.graph.iosVppApp",
      id: outlook,
      bundleId: "com.microsoft.Office.Outlook",
    });
    const v1 = await graphGet(
      sim,
      `/v1.0/deviceAppManagement/mobileApps/${outlook}/${ns}.iosVppApp`,
      token,
    );
    expect(v1.status).toBe(200);
    const other = await graphGet(sim, `${apps}/${win32}/${ns}.iosVppApp`, token);
    expect(other.status).toBe(404);
    expect(graphErrorOf(other).code).toBe("ResourceNotFound");
  });

  it("on assignedLicenses: the app's licenses, paged", async () => {
    const page = await graphGet(
      sim,
      `${apps}/${outlook}/${ns}.iosVppApp/assignedLicenses?$top=2`,
      token,
    );
    expect(page.status).toBe(200);
    expect(valueOf(page)).toHaveLength(2);
    expect(page.body["@odata.nextLink"]).toContain(`/${ns}.iosVppApp/assignedLicenses?`);
    const v1 = await graphGet(
      sim,
      `/v1.0/deviceAppManagement/mobileApps/${outlook}/${ns}.iosVppApp/assignedLicenses`,
      token,
    );
    expect(graphErrorOf(v1).message).toBe("Resource not found for the segment 'assignedLicenses'.");
  });

  it("before the revoke actions, themselves plain or qualified by either spelling", async () => {
    const user = await graphPost(sim, `${apps}/${slack}/${ns}.iosVppApp/revokeUserLicense`, token, {
      userId: adele,
      notifyManagedDevices: false,
    });
    expect(user.status).toBe(204);
    const licenses = valueOf(
      await graphGet(sim, `${apps}/${outlook}/${ns}.iosVppApp/assignedLicenses?$top=999`, token),
    );
    const managedDeviceId = licenses.find((l) => typeof l.managedDeviceId === "string")
      ?.managedDeviceId as string;
    const device = await graphPost(
      sim,
      `${apps}/${outlook}/${ns}.iosVppApp/${ns}.revokeDeviceLicense`,
      token,
      { managedDeviceId, notifyManagedDevices: false },
    );
    expect(device.status).toBe(204);
    const all = await graphPost(sim, `${apps}/${teams}/${ns}.revokeAllLicenses`, token, {
      notifyManagedDevices: false,
    });
    expect(all.status).toBe(204);
    const notVpp = await graphPost(
      sim,
      `${apps}/${win32}/${ns}.iosVppApp/revokeAllLicenses`,
      token,
      {
        notifyManagedDevices: false,
      },
    );
    expect(intuneMessageOf(notVpp)).toContain("applies to microsoft.graph.iosVppApp only");
  });

  it("in $filter's isof and in $select and $filter property paths", async () => {
    const filter = encodeURIComponent(
      `isof('${ns}.iosVppApp') and ${ns}.iosVppApp/vppTokenId eq '${seededIds.vppTokens.expired}'`,
    );
    const result = await graphGet(
      sim,
      `${apps}?$filter=${filter}&$select=displayName,${ns}.iosVppApp/usedLicenseCount`,
      token,
    );
    expect(result.status).toBe(200);
    expect(valueOf(result).map((a) => a.displayName)).toEqual([
      "Microsoft Word",
      "Webex Meetings",
      "Box: The Content Cloud",
    ]);
    expect(valueOf(result).every((a) => typeof a.usedLicenseCount === "number")).toBe(true);
    const unknown = await graphGet(sim, `${apps}?$filter=isof('${ns}.noSuchApp')`, token);
    expect(graphErrorOf(unknown).message).toBe(
      `The type '${ns}.noSuchApp' is not defined in the model.`,
    );
  });
});

describe.each(spellings)("the %s.iosVppApp collection cast", (ns) => {
  const vppApps = (version = "beta") =>
    `/${version}/deviceAppManagement/mobileApps/${ns}.iosVppApp`;

  it("lists only the iOS VPP apps, typed as iosVppApp, on both versions", async () => {
    const result = await graphGet(sim, vppApps(), token);
    expect(result.status).toBe(200);
    expect(result.body["@odata.context"]).toBe(
      "https://graph.microsoft.com/beta/$metadata#deviceAppManagement/mobileApps/microsoft.graph.iosVppApp",
    );
    const listed = valueOf(result);
    expect(listed).toHaveLength(totalVppApps);
    expect(listed.every((a) => a["@odata.type"] === "#microsoft.graph.iosVppApp")).toBe(true);
    expect(listed.some((a) => a.id === win32)).toBe(false);
    const v1 = await graphGet(sim, vppApps("v1.0"), token);
    expect(valueOf(v1)).toHaveLength(totalVppApps);
    expect(valueOf(v1)[0]).not.toHaveProperty("vppTokenId");
  });

  it("pages with $top and @odata.nextLink like the plain list, each app once", async () => {
    const first = await graphGet(sim, `${vppApps()}?$top=4&$count=true&$select=displayName`, token);
    expect(first.body["@odata.count"]).toBe(totalVppApps);
    expect(valueOf(first)).toHaveLength(4);
    expect(String(first.body["@odata.nextLink"])).toMatch(
      new RegExp(`^${sim.graphUrl}/beta/deviceAppManagement/mobileApps/${ns}\\.iosVppApp\\?`),
    );
    const seen = await allPages(sim, `${vppApps()}?$top=4&$select=displayName`, token);
    expect(seen).toHaveLength(totalVppApps);
    expect(new Set(seen.map((a) => a.id)).size).toBe(totalVppApps);
    expect(Object.keys(seen[0] ?? {}).sort()).toEqual(["@odata.type", "displayName", "id"]);
  });

  it("knows iosVppApp's own properties without a cast prefix", async () => {
    const result = await graphGet(
      sim,
      `${vppApps()}?$filter=vppTokenId eq '${seededIds.vppTokens.expired}'&$select=displayName,usedLicenseCount&$orderby=displayName`,
      token,
    );
    expect(result.status).toBe(200);
    expect(valueOf(result).map((a) => a.displayName)).toEqual([
      "Box: The Content Cloud",
      "Microsoft Word",
      "Webex Meetings",
    ]);
  });

  it("needs DeviceManagementApps.Read.All or .ReadWrite.All", async () => {
    const other = await sim.mintToken({
      audience: "graph",
      scopes: ["DeviceManagementServiceConfig.ReadWrite.All"],
    });
    const denied = await graphGet(sim, vppApps(), other);
    expect(denied.status).toBe(403);
    expect(intuneMessageOf(denied)).toContain("DeviceManagementApps.Read.All");
  });
});

describe.each(spellings)("actions qualified with %s.", (ns) => {
  it("reach the VPP token, enrollment profile and user actions", async () => {
    const { valid } = seededIds.vppTokens;
    const tokens = "/beta/deviceAppManagement/vppTokens";
    expect(
      (
        await graphPost(sim, `${tokens}/${valid}/${ns}.revokeLicenses`, token, {
          notifyManagedDevices: false,
          revokeUntrackedLicenses: false,
        })
      ).status,
    ).toBe(204);
    expect((await graphPost(sim, `${tokens}/${valid}/${ns}.syncLicenses`, token)).status).toBe(200);
    const profiles = "/beta/deviceManagement/androidDeviceOwnerEnrollmentProfiles";
    const { salesTablets } = seededEnrollmentProfileIds.androidDeviceOwner;
    expect(
      (
        await graphPost(sim, `${profiles}/${salesTablets}/${ns}.createToken`, token, {
          tokenValidityInSeconds: 86_400,
        })
      ).status,
    ).toBe(204);
    expect(
      (await graphPost(sim, `${profiles}/${salesTablets}/${ns}.revokeToken`, token)).status,
    ).toBe(204);
    const retireAll = `/v1.0/users/${seededUserIds.noorAlHassan}/${ns}.removeAllDevicesFromManagement`;
    expect((await graphPost(sim, retireAll, token)).status).toBe(204);
  });

  it("name the unknown segment when the action is not one the simulator serves", async () => {
    const result = await graphPost(sim, `${apps}/${slack}/${ns}.assign`, token, {});
    expect(result.status).toBe(400);
    expect(graphErrorOf(result).message).toBe(`Resource not found for the segment '${ns}.assign'.`);
  });
});
