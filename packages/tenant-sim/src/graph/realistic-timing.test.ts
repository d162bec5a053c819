import { describe, expect, it } from "vitest";
import { useSimulator } from "../test-support/simulator-fixture.js";
import { seededDeviceIds, seededUserIds } from "../seed/showcase-catalog.js";
import { seededIds } from "../seed/vpp-catalog.js";
import { realTimingSeconds } from "../store/realistic-timing.js";
import {
  assignedLicensesOf,
  graphGet,
  graphPost,
  valueOf,
  waitUntil,
} from "../test-support/graph-client.js";

const apps = "/beta/deviceAppManagement/mobileApps";
const tokens = "/beta/deviceAppManagement/vppTokens";
const devices = "/v1.0/deviceManagement/managedDevices";
const { zoom } = seededIds.iosVppApps;
const { education } = seededIds.vppTokens;
const { iphone, ipad, laptop } = seededDeviceIds.lukaszWisniewski;
const lukasz = seededUserIds.lukaszWisniewski;

const fixture = useSimulator();

const scenario = (patch: Record<string, unknown>) =>
  fetch(`${fixture.sim.url}/_sim/scenario`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(patch),
  });
const checkIn = (id: string) =>
  fetch(`${fixture.sim.url}/_sim/devices/${id}/check-in`, { method: "POST" });
const app = async (id: string) =>
  (await graphGet(fixture.sim, `${apps}/${id}`, fixture.token)).body;
const licenses = (id: string) => assignedLicensesOf(fixture.sim, id, fixture.token);
const managementState = async (id: string) => {
  const answer = await graphGet(fixture.sim, `${devices}/${id}`, fixture.token);
  return answer.status === 404 ? "gone" : answer.body.managementState;
};

describe("real timings (realTimings, timeScale)", () => {
  it("runs a VPP fixture.token revoke for Intune's minutes, scaled, whatever /_sim/timing says", async () => {
    fixture.sim.setTiming({ vppRevokeSeconds: 0 });
    // 15 minutes at 0.002 is 1.8 s.
    expect((await scenario({ realTimings: true, timeScale: 0.002 })).status).toBe(200);
    const started = Date.now();
    const answer = await graphPost(
      fixture.sim,
      `${tokens}/${education}/revokeLicenses`,
      fixture.token,
      {
        notifyManagedDevices: false,
        revokeUntrackedLicenses: false,
      },
    );
    expect(answer.status).toBe(204);
    const result = async () =>
      (
        (await graphGet(fixture.sim, `${tokens}/${education}`, fixture.token)).body
          .tokenActionResults as {
          actionState: string;
        }[]
      )[0]?.actionState;
    expect(["pending", "active"]).toContain(await result());
    await waitUntil(result, (state) => state === "done", 10_000, 100);
    expect(Date.now() - started).toBeGreaterThanOrEqual(
      realTimingSeconds.vppRevokeSeconds * 0.002 * 1000 - 50,
    );
  });

  it("keeps counting a revoked license in usedLicenseCount for a while", async () => {
    // App revoke: 3 min -> 0.36 s; the count catches up 10 min -> 1.2 s after.
    await scenario({ realTimings: true, timeScale: 0.002 });
    const before = await licenses(zoom);
    const used = (await app(zoom)).usedLicenseCount;
    expect(used).toBe(before.length);
    const userId = before.find(
      (l) => typeof l.userId === "string" && l.managedDeviceId === undefined,
    )?.userId as string;
    expect(
      (
        await graphPost(fixture.sim, `${apps}/${zoom}/revokeUserLicense`, fixture.token, {
          userId,
          notifyManagedDevices: false,
        })
      ).status,
    ).toBe(204);
    await waitUntil(
      async () => (await licenses(zoom)).length,
      (n) => n === before.length - 1,
      5_000,
      50,
    );
    // Gone from the list, still counted.
    expect((await app(zoom)).usedLicenseCount).toBe(used);
    await waitUntil(
      async () => (await app(zoom)).usedLicenseCount,
      (n) => n === before.length - 1,
      5_000,
      50,
    );
  });

  it("holds a retired device pending until it checks in, and /_sim/devices/{id}/check-in does it now", async () => {
    fixture.sim.setTiming({ retireSeconds: 0 });
    await scenario({ realTimings: true, timeScale: 1 });
    expect(
      (await graphPost(fixture.sim, `${devices}/${iphone}/retire`, fixture.token)).status,
    ).toBe(204);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await managementState(iphone)).toBe("retirePending");
    const checked = await checkIn(iphone);
    expect(checked.status).toBe(204);
    expect(await managementState(iphone)).toBe("gone");
    expect((await checkIn(iphone)).status).toBe(404);
    // A device that is not leaving just syncs.
    const before = (await graphGet(fixture.sim, `${devices}/${ipad}`, fixture.token)).body
      .lastSyncDateTime;
    expect((await checkIn(ipad)).status).toBe(204);
    const after = (await graphGet(fixture.sim, `${devices}/${ipad}`, fixture.token)).body
      .lastSyncDateTime;
    expect(Date.parse(after as string)).toBeGreaterThan(Date.parse(before as string));
    expect(await managementState(ipad)).toBe("managed");
  });

  it("completes a wipe when syncDevice's push reaches the device (2 min, scaled)", async () => {
    await scenario({ realTimings: true, timeScale: 0.002 });
    expect(
      (await graphPost(fixture.sim, `${devices}/${laptop}/wipe`, fixture.token, {})).status,
    ).toBe(204);
    expect(await managementState(laptop)).toBe("wipePending");
    expect(
      (await graphPost(fixture.sim, `${devices}/${laptop}/syncDevice`, fixture.token)).status,
    ).toBe(204);
    expect(await managementState(laptop)).toBe("wipePending");
    await waitUntil(
      () => managementState(laptop),
      (state) => state === "gone",
      5_000,
      50,
    );
  });

  it("holds every device of removeAllDevicesFromManagement pending until each checks in", async () => {
    await scenario({ realTimings: true, timeScale: 1 });
    const path = `/v1.0/users/${lukasz}/removeAllDevicesFromManagement`;
    expect((await graphPost(fixture.sim, path, fixture.token)).status).toBe(204);
    const ofUser = async () =>
      valueOf(await graphGet(fixture.sim, `/v1.0/users/${lukasz}/managedDevices`, fixture.token));
    const all = await ofUser();
    expect(all.every((d) => d.managementState === "retirePending")).toBe(true);
    await checkIn(ipad);
    const left = await ofUser();
    expect(left).toHaveLength(all.length - 1);
    expect(left.map((d) => d.id)).not.toContain(ipad);
  });
});
