import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createSimulator } from "../create-simulator.js";
import { groupSeeds } from "../seed/realistic-catalog.js";
import { otherAppSeeds, seededIds } from "../seed/vpp-catalog.js";
import type { Simulator } from "../simulator.js";
import { graphGet, graphPost, valueOf, waitUntil } from "../test-support/graph-client.js";

const apps = "/beta/deviceAppManagement/mobileApps";
const { slack, teams, outlook } = seededIds.iosVppApps;

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

const licensedUsers = async (id: string) =>
  valueOf(
    await graphGet(sim, `${apps}/${id}/microsoft.graph.iosVppApp/assignedLicenses`, token),
  ).map((l) => l.userId as string | null);
const revokeResults = async (id: string) =>
  (await graphGet(sim, `${apps}/${id}`, token)).body.revokeLicenseActionResults as {
    actionState: string;
  }[];

describe("GET mobileApps/{id}/assignments", () => {
  it.each(["v1.0", "beta"])(
    "lists an app's group assignments with their intent on %s",
    async (version) => {
      const answer = await graphGet(
        sim,
        `/${version}/deviceAppManagement/mobileApps/${teams}/assignments`,
        token,
      );
      expect(answer.status).toBe(200);
      expect(answer.body["@odata.context"]).toBe(
        `https://graph.microsoft.com/${version}/$metadata#deviceAppManagement/mobileApps('${teams}')/assignments`,
      );
      const [required, available] = valueOf(answer);
      expect(required).toMatchObject({
        "@odata.type": "#microsoft.graph.mobileAppAssignment",
        intent: "required",
        target: {
          "@odata.type": "#microsoft.graph.groupAssignmentTarget",
          groupId: groupSeeds.sales.id,
          deviceAndAppManagementAssignmentFilterId: null,
          deviceAndAppManagementAssignmentFilterType: "none",
        },
        settings: {
          "@odata.type": "#microsoft.graph.iosVppAppAssignmentSettings",
          useDeviceLicensing: false,
        },
      });
      expect(available).toMatchObject({
        intent: "available",
        target: { groupId: groupSeeds.helpdesk.id },
      });
      // source and sourceId are beta only.
      expect("source" in (required ?? {})).toBe(version === "beta");
    },
  );

  it("answers an empty list for an unassigned app or another app type, 404 for an unknown one", async () => {
    expect(valueOf(await graphGet(sim, `${apps}/${outlook}/assignments`, token))).toEqual([]);
    const other = await graphGet(sim, `${apps}/${otherAppSeeds.intranet.id}/assignments`, token);
    expect(other.status).toBe(200);
    expect(valueOf(other)).toEqual([]);
    const unknown = await graphGet(
      sim,
      `${apps}/00000000-0000-4000-8000-000000000000/assignments`,
      token,
    );
    expect(unknown.status).toBe(404);
    const filtered = await graphGet(
      sim,
      `${apps}/${teams}/assignments?$filter=intent eq 'required'`,
      token,
    );
    expect(valueOf(filtered)).toHaveLength(1);
  });
});

describe("licenses come back (assignmentsRelicense)", () => {
  it("re-licenses a member of a Required group after a revoke", async () => {
    sim.setTiming({ appRevokeSeconds: 0.1 });
    // 20 minutes at 0.0005 is 0.6 s.
    sim.setScenario({ assignmentsRelicense: true, timeScale: 0.0005 });
    const [userId] = await licensedUsers(slack);
    expect(userId).toBeDefined();
    const revoke = await graphPost(sim, `${apps}/${slack}/revokeUserLicense`, token, {
      userId,
      notifyManagedDevices: false,
    });
    expect(revoke.status).toBe(204);
    await waitUntil(
      () => licensedUsers(slack),
      (users) => !users.includes(userId as string),
      5_000,
      20,
    );
    // The revoke reports success, then Intune assigns the license again.
    expect((await revokeResults(slack))[0]?.actionState).toBe("done");
    await waitUntil(
      () => licensedUsers(slack),
      (users) => users.includes(userId as string),
      5_000,
      50,
    );
  });

  it("gives back only members' licenses after a revoke of all, and never in the demo profile", async () => {
    sim.setTiming({ appRevokeAllSeconds: 0.2 });
    const before = await licensedUsers(slack);
    const all = await graphPost(sim, `${apps}/${slack}/revokeAllLicenses`, token, {
      notifyManagedDevices: false,
    });
    expect(all.status).toBe(204);
    await waitUntil(
      () => revokeResults(slack),
      (r) => r[0]?.actionState === "done",
      5_000,
      20,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const left = await licensedUsers(slack);
    // Bulk revokes fail on one license in 25: those stay; nothing comes back.
    expect(left.length).toBeLessThan(before.length / 2);

    sim.resetTenant();
    sim.setScenario({ assignmentsRelicense: true, timeScale: 0.0005 });
    const again = await graphPost(sim, `${apps}/${slack}/revokeAllLicenses`, token, {
      notifyManagedDevices: false,
    });
    expect(again.status).toBe(204);
    await waitUntil(
      () => revokeResults(slack),
      (r) => r[0]?.actionState === "done",
      5_000,
      20,
    );
    // Every Slack user is in the "Slack users" group the app is Required for; a license held
    // by no known user (userId null) has no one to come back to.
    const members = before.filter((u): u is string => u !== null);
    expect(members.length).toBeLessThan(before.length);
    await waitUntil(
      () => licensedUsers(slack),
      (users) => members.every((u) => users.includes(u)) && !users.includes(null),
      5_000,
      50,
    );
  });
});
