import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSimulator } from "../create-simulator.js";
import { iosVppAppSeeds, seededIds } from "../seed/vpp-catalog.js";
import type { Simulator } from "../simulator.js";
import {
  allPages,
  graphErrorOf,
  graphGet,
  graphPost,
  intuneMessageOf,
  valueOf,
  waitUntil,
} from "../test-support/graph-client.js";

const apps = "/beta/deviceAppManagement/mobileApps";
const vppFilter = "$filter=isof('microsoft.graph.iosVppApp')";
const { outlook, slack, eduExplainEverything, fabrikamWord } = seededIds.iosVppApps;
const win32 = seededIds.otherApps.sevenZip;
const totalVppApps = Object.keys(iosVppAppSeeds).length;

let sim: Simulator;
let token: string;
beforeAll(async () => {
  sim = await createSimulator({ port: 0 });
  token = await sim.mintToken({ audience: "graph" });
});
beforeEach(() => {
  sim.resetTenant();
  sim.setTiming({ appRevokeSeconds: 0.3, appRevokeAllSeconds: 0.6 });
});
afterAll(() => sim.close());

type Item = Record<string, unknown>;

const licenses = (id: string) =>
  allPages(sim, `${apps}/${id}/microsoft.graph.iosVppApp/assignedLicenses`, token);
const app = async (id: string) => (await graphGet(sim, `${apps}/${id}`, token)).body;

describe("GET mobileApps", () => {
  it("holds apps of several types; isof keeps the iOS VPP apps", async () => {
    const everything = valueOf(await graphGet(sim, apps, token));
    const types = new Set(everything.map((a) => a["@odata.type"]));
    expect(types).toEqual(
      new Set([
        "#microsoft.graph.iosVppApp",
        "#microsoft.graph.win32LobApp",
        "#microsoft.graph.webApp",
        "#microsoft.graph.managedIOSStoreApp",
        "#microsoft.graph.iosStoreApp",
      ]),
    );
    const vpp = valueOf(await graphGet(sim, `${apps}?${vppFilter}`, token));
    expect(vpp).toHaveLength(totalVppApps);
    expect(vpp.every((a) => a["@odata.type"] === "#microsoft.graph.iosVppApp")).toBe(true);
  });

  it("selects derived properties only through the type cast, as Graph's parser insists", async () => {
    const uncast = await graphGet(
      sim,
      `${apps}?${vppFilter}&$select=displayName,vppTokenId`,
      token,
    );
    expect(uncast.status).toBe(400);
    expect(graphErrorOf(uncast).message).toBe(
      "Parsing OData Select and Expand failed: Could not find a property named 'vppTokenId' on type 'microsoft.graph.mobileApp'.",
    );
    const cast = await graphGet(
      sim,
      `${apps}?$select=displayName,microsoft.graph.iosVppApp/vppTokenId,microsoft.graph.iosVppApp/usedLicenseCount`,
      token,
    );
    expect(cast.status).toBe(200);
    expect(cast.body["@odata.context"]).toBe(
      "https://graph.microsoft.com/beta/$metadata#deviceAppManagement/mobileApps(displayName,microsoft.graph.iosVppApp/vppTokenId,microsoft.graph.iosVppApp/usedLicenseCount)",
    );
    const items = valueOf(cast);
    expect(items.find((a) => a.id === slack)).toEqual({
      "@odata.type": "#microsoft.graph.iosVppApp",
      id: slack,
      displayName: "Slack",
      vppTokenId: seededIds.vppTokens.valid,
      usedLicenseCount: iosVppAppSeeds.slack.userLicenses,
    });
    expect(items.find((a) => a.id === win32)).toEqual({
      "@odata.type": "#microsoft.graph.win32LobApp",
      id: win32,
      displayName: "7-Zip 23.01 (x64)",
    });
  });

  it("filters by token with the cast form of vppTokenId; the plain form is a 400", async () => {
    const token1 = seededIds.vppTokens.expired;
    const byToken = await graphGet(
      sim,
      `${apps}?${vppFilter} and microsoft.graph.iosVppApp/vppTokenId eq '${token1}'`,
      token,
    );
    expect(byToken.status).toBe(200);
    expect(valueOf(byToken).map((a) => a.displayName)).toEqual([
      "Microsoft Word",
      "Webex Meetings",
      "Box: The Content Cloud",
    ]);
    const plain = await graphGet(sim, `${apps}?${vppFilter} and vppTokenId eq '${token1}'`, token);
    expect(plain.status).toBe(400);
    expect(graphErrorOf(plain).message).toBe(
      "Could not find a property named 'vppTokenId' on type 'microsoft.graph.mobileApp'.",
    );
    const bad = await graphGet(
      sim,
      `${apps}?$filter=isof('microsoft.graph.iosVppApp') andd`,
      token,
    );
    expect(bad.status).toBe(400);
  });

  it("orders by displayName and pages with $top, @odata.count and $skiptoken", async () => {
    const first = await graphGet(
      sim,
      `${apps}?${vppFilter}&$orderby=displayName&$top=5&$count=true`,
      token,
    );
    expect(first.body["@odata.count"]).toBe(totalVppApps);
    expect(valueOf(first)).toHaveLength(5);
    const names = (
      await allPages(
        sim,
        `${apps}?${vppFilter}&$orderby=displayName desc&$top=4&$select=displayName`,
        token,
      )
    ).map((a) => String(a.displayName));
    expect(names).toHaveLength(totalVppApps);
    expect(names).toEqual(
      [...names].sort((a, b) => b.localeCompare(a, "en", { sensitivity: "base" })),
    );
  });

  it("gets one app with its derived properties and @odata.type", async () => {
    const outlookApp = await app(outlook);
    expect(outlookApp).toMatchObject({
      "@odata.context":
        "https://graph.microsoft.com/beta/$metadata#deviceAppManagement/mobileApps/$entity",
      "@odata.type": "#microsoft.graph.iosVppApp",
      id: outlook,
      displayName: "Microsoft Outlook",
      bundleId: "com.microsoft.Office.Outlook",
      publishingState: "published",
      vppTokenId: seededIds.vppTokens.valid,
      vppTokenDisplayName: "Contoso Business VPP",
      vppTokenOrganizationName: "Contoso Ltd",
      vppTokenAppleId: "vpp.admin@contoso.com",
      vppTokenAccountType: "business",
      licensingType: {
        supportUserLicensing: true,
        supportDeviceLicensing: true,
        supportsUserLicensing: true,
        supportsDeviceLicensing: true,
      },
      applicableDeviceType: { iPad: true, iPhoneAndIPod: true },
      revokeLicenseActionResults: [],
    });
    expect(outlookApp.usedLicenseCount).toBe((await licenses(outlook)).length);
    const v1 = await graphGet(sim, `/v1.0/deviceAppManagement/mobileApps/${outlook}`, token);
    expect(v1.body.licensingType).toEqual({
      supportsUserLicensing: true,
      supportsDeviceLicensing: true,
    });
    expect(v1.body).not.toHaveProperty("vppTokenId");

    const cast = await graphGet(
      sim,
      `${apps}/${outlook}/microsoft.graph.iosVppApp?$select=usedLicenseCount`,
      token,
    );
    expect(cast.status).toBe(200);
    expect(cast.body.usedLicenseCount).toBe(outlookApp.usedLicenseCount);
    expect((await graphGet(sim, `${apps}/${win32}/microsoft.graph.iosVppApp`, token)).status).toBe(
      404,
    );
    expect((await graphGet(sim, `${apps}/${win32}`, token)).body["@odata.type"]).toBe(
      "#microsoft.graph.win32LobApp",
    );
    expect(
      (await graphGet(sim, `${apps}/c4b2f8d3-0000-4000-8000-000000000000`, token)).status,
    ).toBe(404);
    expect((await graphGet(sim, `${apps}/xyz`, token)).status).toBe(400);
  });

  it("needs DeviceManagementApps.Read.All or .ReadWrite.All", async () => {
    const read = await sim.mintToken({
      audience: "graph",
      scopes: ["DeviceManagementApps.Read.All"],
    });
    expect((await graphGet(sim, apps, read)).status).toBe(200);
    const other = await sim.mintToken({
      audience: "graph",
      scopes: ["DeviceManagementServiceConfig.ReadWrite.All"],
    });
    expect((await graphGet(sim, apps, other)).status).toBe(403);
    expect(
      (await graphGet(sim, `${apps}/${outlook}/microsoft.graph.iosVppApp/assignedLicenses`, other))
        .status,
    ).toBe(403);
  });
});

describe("GET mobileApps/{id}/microsoft.graph.iosVppApp/assignedLicenses", () => {
  it("lists user and device licenses, typed, some without a user", async () => {
    const all = await licenses(outlook);
    const types = new Set(all.map((l) => l["@odata.type"]));
    expect(types).toEqual(
      new Set([
        "#microsoft.graph.iosVppAppAssignedUserLicense",
        "#microsoft.graph.iosVppAppAssignedDeviceLicense",
      ]),
    );
    const device = all.find(
      (l) => l["@odata.type"] === "#microsoft.graph.iosVppAppAssignedDeviceLicense",
    );
    expect(typeof device?.managedDeviceId).toBe("string");
    expect(typeof device?.deviceName).toBe("string");
    expect(all.find((l) => l.userId === "a1f0e2d3-0001-4c5b-8a9d-000000000001")).toMatchObject({
      userPrincipalName: "adele.vance@contoso-sim.onmicrosoft.com",
      userName: "Adele Vance",
      userEmailAddress: "adele.vance@contoso-sim.onmicrosoft.com",
    });
    expect(all.some((l) => l.userId === null && l.userPrincipalName === null)).toBe(true);
  });

  it("pages ~400 licenses and filters with startswith on userPrincipalName", async () => {
    const first = await graphGet(
      sim,
      `${apps}/${eduExplainEverything}/microsoft.graph.iosVppApp/assignedLicenses`,
      token,
    );
    expect(valueOf(first)).toHaveLength(100);
    expect(first.body["@odata.nextLink"]).toBeDefined();
    expect(await licenses(eduExplainEverything)).toHaveLength(400);

    const adele = await graphGet(
      sim,
      `${apps}/${outlook}/microsoft.graph.iosVppApp/assignedLicenses?$filter=startswith(userPrincipalName,'adele.')&$top=5`,
      token,
    );
    expect(adele.status).toBe(200);
    expect(valueOf(adele).length).toBeGreaterThan(0);
    expect(valueOf(adele).every((l) => String(l.userPrincipalName).startsWith("adele."))).toBe(
      true,
    );
  });

  it("is 404 behind the cast for a non-VPP app, and unknown on v1.0", async () => {
    const other = await graphGet(
      sim,
      `${apps}/${win32}/microsoft.graph.iosVppApp/assignedLicenses`,
      token,
    );
    expect(other.status).toBe(404);
    expect(graphErrorOf(other).code).toBe("ResourceNotFound");
    const v1 = await graphGet(
      sim,
      `/v1.0/deviceAppManagement/mobileApps/${outlook}/microsoft.graph.iosVppApp/assignedLicenses`,
      token,
    );
    expect(v1.status).toBe(400);
    expect(graphErrorOf(v1).message).toBe("Resource not found for the segment 'assignedLicenses'.");
  });
});

describe("iOS VPP app revoke actions", () => {
  const adele = "a1f0e2d3-0001-4c5b-8a9d-000000000001";

  it("revokeUserLicense: 204, a pending result, then the license is gone", async () => {
    const before = Number((await app(slack)).usedLicenseCount);
    const result = await graphPost(sim, `${apps}/${slack}/revokeUserLicense`, token, {
      userId: adele,
      notifyManagedDevices: true,
    });
    expect(result.status).toBe(204);
    const pending = (await app(slack)).revokeLicenseActionResults as Item[];
    expect(pending.at(-1)).toMatchObject({
      userId: adele,
      managedDeviceId: null,
      actionName: "RevokeUserLicense",
      actionState: "pending",
      actionFailureReason: "none",
    });
    const done = await waitUntil(
      () => app(slack),
      (a) => (a.revokeLicenseActionResults as Item[]).at(-1)?.actionState === "done",
    );
    expect((done.revokeLicenseActionResults as Item[]).at(-1)).toMatchObject({
      totalLicensesCount: 1,
      failedLicensesCount: 0,
    });
    expect(done.usedLicenseCount).toBe(before - 1);
    expect((await licenses(slack)).some((l) => l.userId === adele)).toBe(false);

    const again = await graphPost(sim, `${apps}/${slack}/revokeUserLicense`, token, {
      userId: adele,
      notifyManagedDevices: true,
    });
    expect(again.status).toBe(400);
    expect(intuneMessageOf(again)).toContain(`assigned to user '${adele}'`);
  });

  it("revokeDeviceLicense: the device's license goes", async () => {
    const device = (await licenses(outlook)).find((l) => l.managedDeviceId !== undefined);
    const managedDeviceId = String(device?.managedDeviceId);
    const result = await graphPost(
      sim,
      `${apps}/${outlook}/microsoft.graph.iosVppApp/revokeDeviceLicense`,
      token,
      {
        managedDeviceId,
        notifyManagedDevices: false,
      },
    );
    expect(result.status).toBe(204);
    await waitUntil(
      () => licenses(outlook),
      (all) => !all.some((l) => l.managedDeviceId === managedDeviceId),
    );
    const results = (await app(outlook)).revokeLicenseActionResults as Item[];
    expect(results.at(-1)).toMatchObject({
      managedDeviceId,
      userId: null,
      actionName: "RevokeDeviceLicense",
    });

    const unknown = await graphPost(sim, `${apps}/${outlook}/revokeDeviceLicense`, token, {
      managedDeviceId: "00000000-0000-4000-8000-000000000000",
      notifyManagedDevices: false,
    });
    expect(unknown.status).toBe(400);
  });

  it("revokeAllLicenses: licenses leave over time and the count reaches the total", async () => {
    const before = (await licenses(outlook)).length;
    expect(
      (
        await graphPost(sim, `${apps}/${outlook}/revokeAllLicenses`, token, {
          notifyManagedDevices: true,
        })
      ).status,
    ).toBe(204);
    const second = await graphPost(sim, `${apps}/${outlook}/revokeAllLicenses`, token, {
      notifyManagedDevices: true,
    });
    expect(second.status).toBe(400);
    const seen: number[] = [];
    const done = await waitUntil(
      () => app(outlook),
      (a) => {
        seen.push(Number(a.usedLicenseCount));
        return (a.revokeLicenseActionResults as Item[]).at(-1)?.actionState === "done";
      },
    );
    const result = (done.revokeLicenseActionResults as Item[]).at(-1);
    expect(result).toMatchObject({ actionName: "RevokeAllLicenses", totalLicensesCount: before });
    expect(done.usedLicenseCount).toBe(result?.failedLicensesCount);
    expect(seen.some((n) => n > Number(done.usedLicenseCount) && n < before)).toBe(true);
  });

  it("fails on an app of an expired token and leaves the license", async () => {
    const user = (await licenses(fabrikamWord)).find(
      (l) =>
        l.userId !== null && l["@odata.type"] === "#microsoft.graph.iosVppAppAssignedUserLicense",
    );
    const userId = String(user?.userId);
    expect(
      (
        await graphPost(sim, `${apps}/${fabrikamWord}/revokeUserLicense`, token, {
          userId,
          notifyManagedDevices: true,
        })
      ).status,
    ).toBe(204);
    const done = await waitUntil(
      () => app(fabrikamWord),
      (a) => (a.revokeLicenseActionResults as Item[]).at(-1)?.actionState !== "pending",
    );
    expect((done.revokeLicenseActionResults as Item[]).at(-1)).toMatchObject({
      actionState: "failed",
      actionFailureReason: "expiredVppToken",
    });
    expect((await licenses(fabrikamWord)).some((l) => l.userId === userId)).toBe(true);
  });

  it("is a 400 on an app that is not an iOS VPP app", async () => {
    const result = await graphPost(sim, `${apps}/${win32}/revokeAllLicenses`, token, {
      notifyManagedDevices: true,
    });
    expect(result.status).toBe(400);
    expect(intuneMessageOf(result)).toContain("applies to microsoft.graph.iosVppApp only");
  });

  it("validates parameters, is beta only and needs DeviceManagementApps.ReadWrite.All", async () => {
    const mistyped = await graphPost(sim, `${apps}/${slack}/revokeUserLicense`, token, {
      userId: 42,
      notifyManagedDevices: true,
    });
    expect(mistyped.status).toBe(400);
    const missing = await graphPost(sim, `${apps}/${slack}/revokeUserLicense`, token, {
      userId: adele,
    });
    expect(graphErrorOf(missing).message).toContain("'notifyManagedDevices' is required");
    const v1 = await graphPost(
      sim,
      `/v1.0/deviceAppManagement/mobileApps/${slack}/revokeAllLicenses`,
      token,
      {
        notifyManagedDevices: true,
      },
    );
    expect(graphErrorOf(v1).message).toBe(
      "Resource not found for the segment 'revokeAllLicenses'.",
    );
    const readOnly = await sim.mintToken({
      audience: "graph",
      scopes: ["DeviceManagementApps.Read.All"],
    });
    const denied = await graphPost(sim, `${apps}/${slack}/revokeUserLicense`, readOnly, {
      userId: adele,
      notifyManagedDevices: true,
    });
    expect(denied.status).toBe(403);
    expect(intuneMessageOf(denied)).toContain("DeviceManagementApps.ReadWrite.All");
    expect((await app(slack)).revokeLicenseActionResults).toEqual([]);
  });
});
