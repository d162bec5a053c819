import { describe, expect, it } from "vitest";
import { useSimulator } from "../test-support/simulator-fixture.js";
import { groupSeeds } from "../seed/realistic-catalog.js";
import { otherAppSeeds, seededIds } from "../seed/vpp-catalog.js";
import {
  assignedLicensesOf,
  graphGet,
  graphPost,
  valueOf,
  waitUntil,
} from "../test-support/graph-client.js";

const apps = "/beta/deviceAppManagement/mobileApps";
const { slack, teams, outlook } = seededIds.iosVppApps;

const fixture = useSimulator();

const licensedUsers = async (id: string) =>
  (await assignedLicensesOf(fixture.sim, id, fixture.token)).map((l) => l.userId as string | null);
/** Revokes every Slack license and waits until Intune reports the revoke done. */
const revokeAllOfSlack = async () => {
  const answer = await graphPost(fixture.sim, `${apps}/${slack}/revokeAllLicenses`, fixture.token, {
    notifyManagedDevices: false,
  });
  expect(answer.status).toBe(204);
  await waitUntil(
    () => revokeResults(slack),
    (r) => r[0]?.actionState === "done",
    5_000,
    20,
  );
};
const revokeResults = async (id: string) =>
  (await graphGet(fixture.sim, `${apps}/${id}`, fixture.token)).body.revokeLicenseActionResults as {
    actionState: string;
  }[];

describe("GET mobileApps/{id}/assignments", () => {
  it.each(["v1.0", "beta"])(
    "lists an app's group assignments with their intent on %s",
    async (version) => {
      const answer = await graphGet(
        fixture.sim,
        `/${version}/deviceAppManagement/mobileApps/${teams}/assignments`,
        fixture.token,
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
    expect(
      valueOf(await graphGet(fixture.sim, `${apps}/${outlook}/assignments`, fixture.token)),
    ).toEqual([]);
    const other = await graphGet(
      fixture.sim,
      `${apps}/${otherAppSeeds.intranet.id}/assignments`,
      fixture.token,
    );
    expect(other.status).toBe(200);
    expect(valueOf(other)).toEqual([]);
    const unknown = await graphGet(
      fixture.sim,
      `${apps}/00000000-0000-4000-8000-000000000000/assignments`,
      fixture.token,
    );
    expect(unknown.status).toBe(404);
    const filtered = await graphGet(
      fixture.sim,
      `${apps}/${teams}/assignments?$filter=intent eq 'required'`,
      fixture.token,
    );
    expect(valueOf(filtered)).toHaveLength(1);
  });
});

describe("licenses come back (assignmentsRelicense)", () => {
  it("re-licenses a member of a Required group after a revoke", async () => {
    fixture.sim.setTiming({ appRevokeSeconds: 0.1 });
    // 20 minutes at 0.0005 is 0.6 s.
    fixture.sim.setScenario({ assignmentsRelicense: true, timeScale: 0.0005 });
    const [userId] = await licensedUsers(slack);
    expect(userId).toBeDefined();
    const revoke = await graphPost(
      fixture.sim,
      `${apps}/${slack}/revokeUserLicense`,
      fixture.token,
      {
        userId,
        notifyManagedDevices: false,
      },
    );
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
    fixture.sim.setTiming({ appRevokeAllSeconds: 0.2 });
    const before = await licensedUsers(slack);
    await revokeAllOfSlack();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const left = await licensedUsers(slack);
    // Bulk revokes fail on one license in 25: those stay; nothing comes back.
    expect(left.length).toBeLessThan(before.length / 2);

    fixture.sim.resetTenant();
    fixture.sim.setScenario({ assignmentsRelicense: true, timeScale: 0.0005 });
    await revokeAllOfSlack();
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

describe("GET groups/{id} and its member $count", () => {
  const { sales } = groupSeeds;
  const countOf = (path: string, headers: Record<string, string>) =>
    fetch(`${fixture.sim.graphUrl}${path}`, {
      headers: { authorization: `Bearer ${fixture.token}`, ...headers },
    });

  it("names an assigned group, with $select", async () => {
    const answer = await graphGet(
      fixture.sim,
      `/v1.0/groups/${sales.id}?$select=id,displayName`,
      fixture.token,
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#groups(id,displayName)/$entity",
      id: sales.id,
      displayName: "Sales",
    });
    const unknown = await graphGet(
      fixture.sim,
      "/v1.0/groups/00000000-0000-4000-8000-000000000000",
      fixture.token,
    );
    expect(unknown.status).toBe(404);
  });

  it.each(["members", "transitiveMembers"])(
    "counts a group's %s as text, only with ConsistencyLevel: eventual",
    async (relation) => {
      // Every user holding a Slack license is in "Slack users".
      const path = `/v1.0/groups/${groupSeeds.slackUsers.id}/${relation}/$count`;
      const counted = await countOf(path, { ConsistencyLevel: "eventual" });
      expect(counted.status).toBe(200);
      expect(counted.headers.get("content-type")).toMatch(/^text\/plain/);
      const members = new Set((await licensedUsers(slack)).filter((u) => u !== null));
      expect(members.size).toBeGreaterThan(0);
      expect(Number(await counted.text())).toBe(members.size);
      const refused = await countOf(path, {});
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
        "Request_BadRequest",
      );
    },
  );
});
