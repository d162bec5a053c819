import { describe, expect, it } from "vitest";
import { useSimulator } from "../test-support/simulator-fixture.js";
import { androidDeviceOwnerProfileSeeds } from "../seed/enrollment-profile-catalog.js";
import { seededDeviceIds } from "../seed/showcase-catalog.js";
import { seededIds } from "../seed/vpp-catalog.js";
import { otherActionNames } from "../store/action-names.js";
import { allPages, graphGet, graphPost, waitUntil } from "../test-support/graph-client.js";
import { newEnumValues } from "./new-enum-values.js";

const apps = "/beta/deviceAppManagement/mobileApps";
const tokens = "/beta/deviceAppManagement/vppTokens";
const devices = "/beta/deviceManagement/managedDevices";
const { slack } = seededIds.iosVppApps;
const { valid, externalMdm } = seededIds.vppTokens;
const { iphone } = seededDeviceIds.lukaszWisniewski;

const fixture = useSimulator();

const results = async (path: string, property: string) =>
  (await graphGet(fixture.sim, path, fixture.token)).body[property] as Record<string, unknown>[];

describe("enum values the schema extract does not list (newEnumValues)", () => {
  it("puts new members in fixture.token state, action state, failure reason, enrollment mode and device states", async () => {
    fixture.sim.setTiming({ vppRevokeSeconds: 60 });
    fixture.sim.setScenario({ newEnumValues: true });
    expect(
      (await graphGet(fixture.sim, `${tokens}/${externalMdm}`, fixture.token)).body.state,
    ).toBe(newEnumValues.vppTokenState);
    expect((await graphGet(fixture.sim, `${tokens}/${valid}`, fixture.token)).body.state).toBe(
      "valid",
    );

    const revoke = { notifyManagedDevices: false, revokeUntrackedLicenses: false };
    expect(
      (await graphPost(fixture.sim, `${tokens}/${valid}/revokeLicenses`, fixture.token, revoke))
        .status,
    ).toBe(204);
    expect((await results(`${tokens}/${valid}`, "tokenActionResults"))[0]?.actionState).toBe(
      newEnumValues.actionState,
    );
    // An external MDM's fixture.token fails with appleFailure, reported under a newer name.
    expect(
      (
        await graphPost(
          fixture.sim,
          `${tokens}/${externalMdm}/revokeLicenses`,
          fixture.token,
          revoke,
        )
      ).status,
    ).toBe(204);
    const failed = await waitUntil(
      () => results(`${tokens}/${externalMdm}`, "tokenActionResults"),
      (r) => r[0]?.actionState === "failed",
    );
    expect(failed[0]?.actionFailureReason).toBe(newEnumValues.actionFailureReason);

    const profile = await graphGet(
      fixture.sim,
      `/beta/deviceManagement/androidDeviceOwnerEnrollmentProfiles/${androidDeviceOwnerProfileSeeds.meetingHeadsets.id}`,
      fixture.token,
    );
    expect(profile.body.enrollmentMode).toBe(newEnumValues.enrollmentMode);

    const all = await allPages(fixture.sim, devices, fixture.token);
    expect(all.some((d) => d.complianceState === newEnumValues.complianceState)).toBe(true);
    expect(all.some((d) => d.managementState === newEnumValues.managementState)).toBe(true);
  });

  it("leaves every value as the schema lists it when off", async () => {
    expect(
      (await graphGet(fixture.sim, `${tokens}/${externalMdm}`, fixture.token)).body.state,
    ).toBe("assignedToExternalMDM");
    const all = await allPages(fixture.sim, devices, fixture.token);
    const values = new Set(all.flatMap((d) => [d.complianceState, d.managementState]));
    expect(values.has(newEnumValues.complianceState)).toBe(false);
    expect(values.has(newEnumValues.managementState)).toBe(false);
  });
});

describe("other actionName values (otherActionNames)", () => {
  it("writes other names in fixture.token, app and device action results", async () => {
    fixture.sim.setScenario({ otherActionNames: true });
    const revoke = { notifyManagedDevices: false, revokeUntrackedLicenses: false };
    await graphPost(fixture.sim, `${tokens}/${valid}/revokeLicenses`, fixture.token, revoke);
    expect((await results(`${tokens}/${valid}`, "tokenActionResults"))[0]?.actionName).toBe(
      otherActionNames.tokenRevoke,
    );
    await graphPost(fixture.sim, `${apps}/${slack}/revokeAllLicenses`, fixture.token, {
      notifyManagedDevices: false,
    });
    expect((await results(`${apps}/${slack}`, "revokeLicenseActionResults"))[0]?.actionName).toBe(
      otherActionNames.all,
    );
    // The fixture.token revoke and the app's revoke-all still run one at a time whatever their names.
    expect(
      (await graphPost(fixture.sim, `${tokens}/${valid}/revokeLicenses`, fixture.token, revoke))
        .status,
    ).toBe(400);
    await graphPost(fixture.sim, `${devices}/${iphone}/wipe`, fixture.token, {});
    expect((await results(`${devices}/${iphone}`, "deviceActionResults"))[0]?.actionName).toBe(
      otherActionNames.wipe,
    );
  });
});
