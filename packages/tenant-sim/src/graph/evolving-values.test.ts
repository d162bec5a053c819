import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createSimulator } from "../create-simulator.js";
import { androidDeviceOwnerProfileSeeds } from "../seed/enrollment-profile-catalog.js";
import { seededDeviceIds } from "../seed/showcase-catalog.js";
import { seededIds } from "../seed/vpp-catalog.js";
import type { Simulator } from "../simulator.js";
import { otherActionNames } from "../store/action-names.js";
import { allPages, graphGet, graphPost, waitUntil } from "../test-support/graph-client.js";
import { newEnumValues } from "./new-enum-values.js";

const apps = "/beta/deviceAppManagement/mobileApps";
const tokens = "/beta/deviceAppManagement/vppTokens";
const devices = "/beta/deviceManagement/managedDevices";
const { slack } = seededIds.iosVppApps;
const { valid, externalMdm } = seededIds.vppTokens;
const { iphone } = seededDeviceIds.lukaszWisniewski;

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

const results = async (path: string, property: string) =>
  (await graphGet(sim, path, token)).body[property] as Record<string, unknown>[];

describe("enum values the schema extract does not list (newEnumValues)", () => {
  it("puts new members in token state, action state, failure reason, enrollment mode and device states", async () => {
    sim.setTiming({ vppRevokeSeconds: 60 });
    sim.setScenario({ newEnumValues: true });
    expect((await graphGet(sim, `${tokens}/${externalMdm}`, token)).body.state).toBe(
      newEnumValues.vppTokenState,
    );
    expect((await graphGet(sim, `${tokens}/${valid}`, token)).body.state).toBe("valid");

    const revoke = { notifyManagedDevices: false, revokeUntrackedLicenses: false };
    expect((await graphPost(sim, `${tokens}/${valid}/revokeLicenses`, token, revoke)).status).toBe(
      204,
    );
    expect((await results(`${tokens}/${valid}`, "tokenActionResults"))[0]?.actionState).toBe(
      newEnumValues.actionState,
    );
    // An external MDM's token fails with appleFailure, reported under a newer name.
    expect(
      (await graphPost(sim, `${tokens}/${externalMdm}/revokeLicenses`, token, revoke)).status,
    ).toBe(204);
    const failed = await waitUntil(
      () => results(`${tokens}/${externalMdm}`, "tokenActionResults"),
      (r) => r[0]?.actionState === "failed",
    );
    expect(failed[0]?.actionFailureReason).toBe(newEnumValues.actionFailureReason);

    const profile = await graphGet(
      sim,
      `/beta/deviceManagement/androidDeviceOwnerEnrollmentProfiles/${androidDeviceOwnerProfileSeeds.meetingHeadsets.id}`,
      token,
    );
    expect(profile.body.enrollmentMode).toBe(newEnumValues.enrollmentMode);

    const all = await allPages(sim, devices, token);
    expect(all.some((d) => d.complianceState === newEnumValues.complianceState)).toBe(true);
    expect(all.some((d) => d.managementState === newEnumValues.managementState)).toBe(true);
  });

  it("leaves every value as the schema lists it when off", async () => {
    expect((await graphGet(sim, `${tokens}/${externalMdm}`, token)).body.state).toBe(
      "assignedToExternalMDM",
    );
    const all = await allPages(sim, devices, token);
    const values = new Set(all.flatMap((d) => [d.complianceState, d.managementState]));
    expect(values.has(newEnumValues.complianceState)).toBe(false);
    expect(values.has(newEnumValues.managementState)).toBe(false);
  });
});

describe("other actionName values (otherActionNames)", () => {
  it("writes other names in token, app and device action results", async () => {
    sim.setScenario({ otherActionNames: true });
    const revoke = { notifyManagedDevices: false, revokeUntrackedLicenses: false };
    await graphPost(sim, `${tokens}/${valid}/revokeLicenses`, token, revoke);
    expect((await results(`${tokens}/${valid}`, "tokenActionResults"))[0]?.actionName).toBe(
      otherActionNames.tokenRevoke,
    );
    await graphPost(sim, `${apps}/${slack}/revokeAllLicenses`, token, {
      notifyManagedDevices: false,
    });
    expect((await results(`${apps}/${slack}`, "revokeLicenseActionResults"))[0]?.actionName).toBe(
      otherActionNames.all,
    );
    // The token revoke and the app's revoke-all still run one at a time whatever their names.
    expect((await graphPost(sim, `${tokens}/${valid}/revokeLicenses`, token, revoke)).status).toBe(
      400,
    );
    await graphPost(sim, `${devices}/${iphone}/wipe`, token, {});
    expect((await results(`${devices}/${iphone}`, "deviceActionResults"))[0]?.actionName).toBe(
      otherActionNames.wipe,
    );
  });
});
