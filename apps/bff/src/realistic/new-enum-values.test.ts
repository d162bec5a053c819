import {
  EnrollmentProfileListSchema,
  IosVppAppListSchema,
  IosVppAppSchema,
  ManagedDeviceListSchema,
  VppTokenDetailSchema,
  VppTokenListSchema,
} from "@ihc/contracts";
import { androidDeviceOwnerProfileSeeds, seededIds } from "@ihc/tenant-sim";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startStack, type Stack } from "../test-support/start-stack.js";

/**
 * Issue #15 (5): Graph's enums are evolvable. With the simulator's `newEnumValues` switch, some
 * entities carry members our schema does not list; every read endpoint still answers 200, shows
 * the enum's fallback, and keeps the value Graph sent in `unrecognized`.
 */
describe("new enum values (realistic: newEnumValues)", () => {
  let stack: Stack;
  let agent: string;
  let graphToken: string;
  beforeAll(async () => {
    stack = await startStack();
    stack.sim.setScenario({ newEnumValues: true });
    agent = await stack.tokenFor("agent");
    graphToken = await stack.sim.mintToken({
      audience: "graph",
      scopes: [
        "DeviceManagementServiceConfig.ReadWrite.All",
        "DeviceManagementApps.ReadWrite.All",
        "DeviceManagementManagedDevices.Read.All",
      ],
    });
  });
  afterAll(() => stack.close());
  afterEach(() => {
    stack.sim.resetTenant();
    stack.sim.resetTiming();
  });

  /** Starts an action straight on Graph, as another console or the Intune admin center would. */
  const graphPost = async (path: string, body: unknown) => {
    const response = await fetch(`${stack.sim.graphUrl}/beta${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${graphToken}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(204);
  };
  const getOk = async (path: string) => {
    const response = await stack.fetch(path, { token: agent });
    expect(response.status, await response.clone().text()).toBe(200);
    return await response.json();
  };
  const until = async <T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const value = await read();
      if (done(value) || Date.now() > deadline) return value;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  const externalMdm = seededIds.vppTokens.externalMdm;

  it("lists VPP tokens with a token state Graph added (revokedByApple)", async () => {
    const { items } = VppTokenListSchema.parse(await getOk("/api/vpp-tokens"));
    const token = items.find((t) => t.id === externalMdm);
    expect(token).toMatchObject({ state: "unknown", unrecognized: { state: "revokedByApple" } });
    // Tokens with known values carry nothing extra.
    expect(items.find((t) => t.id === seededIds.vppTokens.valid)?.unrecognized).toBeUndefined();
  });

  it("reads a token whose revoke is `queued`, then failed for `appleServiceThrottled`", async () => {
    stack.sim.setTiming({ vppRevokeSeconds: 1.2 });
    await graphPost(`/deviceAppManagement/vppTokens/${externalMdm}/revokeLicenses`, {
      notifyManagedDevices: false,
      revokeUntrackedLicenses: false,
    });
    const pending = VppTokenDetailSchema.parse(await getOk(`/api/vpp-tokens/${externalMdm}`));
    expect(pending.token.tokenActionResults.at(-1)).toMatchObject({
      actionState: "pending",
      unrecognized: { actionState: "queued" },
    });

    const failed = await until(
      async () => VppTokenDetailSchema.parse(await getOk(`/api/vpp-tokens/${externalMdm}`)),
      (detail) => detail.token.tokenActionResults.some((r) => r.actionState === "failed"),
    );
    const result = failed.token.tokenActionResults.find((r) => r.actionState === "failed");
    expect(result?.actionFailureReason).toBeUndefined();
    expect(result?.unrecognized).toEqual({ actionFailureReason: "appleServiceThrottled" });
  });

  it("lists and reads apps whose revoke result is `queued`", async () => {
    stack.sim.setTiming({ appRevokeAllSeconds: 30 });
    const appId = seededIds.iosVppApps.fieldServiceNow;
    await graphPost(`/deviceAppManagement/mobileApps/${appId}/revokeAllLicenses`, {
      notifyManagedDevices: false,
    });
    const expected = { actionState: "pending", unrecognized: { actionState: "queued" } };

    const app = IosVppAppSchema.parse(await getOk(`/api/apps/${appId}`));
    expect(app.revokeLicenseActionResults.at(-1)).toMatchObject(expected);
    const { items } = IosVppAppListSchema.parse(await getOk("/api/apps"));
    expect(items.find((a) => a.id === appId)?.revokeLicenseActionResults.at(-1)).toMatchObject(
      expected,
    );
  });

  it("lists enrollment profiles with an enrollment mode Graph added", async () => {
    const { items } = EnrollmentProfileListSchema.parse(await getOk("/api/enrollment-profiles"));
    const profile = items.find((p) => p.id === androidDeviceOwnerProfileSeeds.meetingHeadsets.id);
    expect(profile).toBeDefined();
    expect(profile?.enrollmentMode).toBeUndefined();
    expect(profile?.unrecognized).toEqual({ enrollmentMode: "corporateOwnedAOSPSharedDevice" });
  });

  it("lists a user's devices with compliance and management states Graph added", async () => {
    const response = await fetch(
      `${stack.sim.graphUrl}/v1.0/deviceManagement/managedDevices?$select=id,userId&$top=999`,
      { headers: { authorization: `Bearer ${graphToken}` } },
    );
    const { value } = (await response.json()) as { value: { id: string; userId?: string }[] };
    const device = value.find((d) => d.id.endsWith("7") && d.userId);
    expect(device?.userId).toBeDefined();

    const { items } = ManagedDeviceListSchema.parse(
      await getOk(`/api/users/${device?.userId}/devices`),
    );
    expect(items.find((d) => d.id === device?.id)).toMatchObject({
      complianceState: "unknown",
      unrecognized: { complianceState: "pendingEvaluation" },
    });
  });
});
