import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createSimulator } from "../create-simulator.js";
import { seededDeviceIds, seededUserIds } from "../seed/showcase-catalog.js";
import { seededIds } from "../seed/vpp-catalog.js";
import type { Simulator } from "../simulator.js";
import { realTimingSeconds } from "../store/realistic-timing.js";
import { graphGet, graphPost, valueOf, waitUntil } from "../test-support/graph-client.js";

const apps = "/beta/deviceAppManagement/mobileApps";
const tokens = "/beta/deviceAppManagement/vppTokens";
const devices = "/v1.0/deviceManagement/managedDevices";
const { zoom } = seededIds.iosVppApps;
const { education } = seededIds.vppTokens;
const { iphone, ipad, laptop } = seededDeviceIds.lukaszWisniewski;
const lukasz = seededUserIds.lukaszWisniewski;

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

const scenario = (patch: Record<string, unknown>) =>
  fetch(`${sim.url}/_sim/scenario`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(patch),
  });
const checkIn = (id: string) => fetch(`${sim.url}/_sim/devices/${id}/check-in`, { method: "POST" });
const app = async (id: string) => (await graphGet(sim, `${apps}/${id}`, token)).body;
const licenses = async (id: string) =>
  valueOf(await graphGet(sim, `${apps}/${id}/microsoft.graph.iosVppApp/assignedLicenses`, token));
const managementState = async (id: string) => {
  const answer = await graphGet(sim, `${devices}/${id}`, token);
  return answer.status === 404 ? "gone" : answer.body.managementState;
};

describe("real timings (realTimings, timeScale)", () => {
  it("runs a VPP token revoke for Intune's minutes, scaled, whatever /_sim/timing says", async () => {
    sim.setTiming({ vppRevokeSeconds: 0 });
    // 15 minutes at 0.002 is 1.8 s.
    expect((await scenario({ realTimings: true, timeScale: 0.002 })).status).toBe(200);
    const started = Date.now();
    const answer = await graphPost(sim, `${tokens}/${education}/revokeLicenses`, token, {
      notifyManagedDevices: false,
      revokeUntrackedLicenses: false,
    });
    expect(answer.status).toBe(204);
    const result = async () =>
      (
        (await graphGet(sim, `${tokens}/${education}`, token)).body.tokenActionResults as {
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
        await graphPost(sim, `${apps}/${zoom}/revokeUserLicense`, token, {
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
    sim.setTiming({ retireSeconds: 0 });
    await scenario({ realTimings: true, timeScale: 1 });
    expect((await graphPost(sim, `${devices}/${iphone}/retire`, token)).status).toBe(204);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await managementState(iphone)).toBe("retirePending");
    const checked = await checkIn(iphone);
    expect(checked.status).toBe(204);
    expect(await managementState(iphone)).toBe("gone");
    expect((await checkIn(iphone)).status).toBe(404);
    // A device that is not leaving just syncs.
    const before = (await graphGet(sim, `${devices}/${ipad}`, token)).body.lastSyncDateTime;
    expect((await checkIn(ipad)).status).toBe(204);
    const after = (await graphGet(sim, `${devices}/${ipad}`, token)).body.lastSyncDateTime;
    expect(Date.parse(after as string)).toBeGreaterThan(Date.parse(before as string));
    expect(await managementState(ipad)).toBe("managed");
  });

  it("completes a wipe when syncDevice's push reaches the device (2 min, scaled)", async () => {
    await scenario({ realTimings: true, timeScale: 0.002 });
    expect((await graphPost(sim, `${devices}/${laptop}/wipe`, token, {})).status).toBe(204);
    expect(await managementState(laptop)).toBe("wipePending");
    expect((await graphPost(sim, `${devices}/${laptop}/syncDevice`, token)).status).toBe(204);
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
    expect((await graphPost(sim, path, token)).status).toBe(204);
    const ofUser = async () =>
      valueOf(await graphGet(sim, `/v1.0/users/${lukasz}/managedDevices`, token));
    const all = await ofUser();
    expect(all.every((d) => d.managementState === "retirePending")).toBe(true);
    await checkIn(ipad);
    const left = await ofUser();
    expect(left).toHaveLength(all.length - 1);
    expect(left.map((d) => d.id)).not.toContain(ipad);
  });
});
