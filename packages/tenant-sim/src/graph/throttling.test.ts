import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createSimulator } from "../create-simulator.js";
import { defaultThrottling } from "../faults/throttling.js";
import { seededIds } from "../seed/vpp-catalog.js";
import type { Simulator } from "../simulator.js";
import {
  graphErrorOf,
  graphGet,
  graphPost,
  intuneMessageOf,
} from "../test-support/graph-client.js";

const apps = "/beta/deviceAppManagement/mobileApps";
const { slack } = seededIds.iosVppApps;
const adele = "a1f0e2d3-0001-4c5b-8a9d-000000000001";
const megan = "a1f0e2d3-0002-4c5b-8a9d-000000000002";

let sim: Simulator;
let token: string;
beforeAll(async () => {
  sim = await createSimulator({ port: 0 });
  token = await sim.mintToken({ audience: "graph" });
});
afterEach(() => {
  sim.resetThrottling();
  sim.resetTenant();
  sim.clearReceived();
});
afterAll(() => sim.close());

const put = (body: unknown) =>
  fetch(`${sim.url}/_sim/throttling`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

const revokeUser = (userId: string) =>
  graphPost(sim, `${apps}/${slack}/revokeUserLicense`, token, {
    userId,
    notifyManagedDevices: true,
  });

describe("Intune throttling windows", () => {
  it("defaults to Intune's limits and is read, set and reset over /_sim/throttling", async () => {
    expect(await (await fetch(`${sim.url}/_sim/throttling`)).json()).toEqual(defaultThrottling);
    const set = await put({ service: "applications", writes: 3, windowSeconds: 5 });
    expect(set.status).toBe(200);
    expect(((await set.json()) as typeof defaultThrottling).applications).toMatchObject({
      writes: 3,
      windowSeconds: 5,
      tenantWrites: 200,
    });
    expect((await put({ service: "nope", writes: 1 })).status).toBe(400);
    expect((await put({ service: "devices", writes: -1 })).status).toBe(400);
    expect((await fetch(`${sim.url}/_sim/throttling`, { method: "DELETE" })).status).toBe(204);
    expect(sim.throttling()).toEqual(defaultThrottling);
  });

  it("answers 429 with Retry-After past the write limit, and does not apply the request", async () => {
    sim.setThrottling({ service: "applications", writes: 1, windowSeconds: 20 });
    expect((await revokeUser(adele)).status).toBe(204);
    const throttled = await revokeUser(megan);
    expect(throttled.status).toBe(429);
    const retryAfter = Number(throttled.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(19);
    expect(retryAfter).toBeLessThanOrEqual(20);
    expect(graphErrorOf(throttled).code).toBe("TooManyRequests");
    expect(intuneMessageOf(throttled)).toContain("App request limit exceeded.");

    const results = (await graphGet(sim, `${apps}/${slack}`, token)).body
      .revokeLicenseActionResults as { userId: string }[];
    expect(results.map((r) => r.userId)).toEqual([adele]);
    expect(sim.received().map((r) => [r.method, r.status])).toEqual([
      ["POST", 204],
      ["POST", 429],
      ["GET", 200],
    ]);
    // Reads are not writes: they still pass.
    expect((await graphGet(sim, apps, token)).status).toBe(200);
  });

  it("counts per service: mobileApps writes do not use up the enrollment window", async () => {
    sim.setThrottling({ service: "applications", writes: 0 });
    expect((await revokeUser(adele)).status).toBe(429);
    const sync = await graphPost(
      sim,
      `/beta/deviceAppManagement/vppTokens/${seededIds.vppTokens.valid}/syncLicenses`,
      token,
    );
    expect(sync.status).toBe(200);
  });

  it("counts per app: another client id has its own window", async () => {
    sim.setThrottling({ service: "applications", writes: 1 });
    expect((await revokeUser(adele)).status).toBe(204);
    const other = await sim.mintToken({
      audience: "graph",
      claims: { appid: "11111111-2222-4333-8444-555555555555" },
    });
    const result = await graphPost(sim, `${apps}/${slack}/revokeUserLicense`, other, {
      userId: megan,
      notifyManagedDevices: true,
    });
    expect(result.status).toBe(204);
  });

  it("frees the window as time passes (Retry-After is honest)", async () => {
    sim.setThrottling({ service: "applications", writes: 1, windowSeconds: 1 });
    expect((await revokeUser(adele)).status).toBe(204);
    const throttled = await revokeUser(megan);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("retry-after")).toBe("1");
    await new Promise((resolve) => setTimeout(resolve, 1050));
    expect((await revokeUser(megan)).status).toBe(204);
  });

  it("limits requests of any kind too", async () => {
    sim.setThrottling({ service: "enrollment", requests: 2 });
    const tokens = "/beta/deviceAppManagement/vppTokens";
    expect((await graphGet(sim, tokens, token)).status).toBe(200);
    expect((await graphGet(sim, tokens, token)).status).toBe(200);
    expect((await graphGet(sim, tokens, token)).status).toBe(429);
    expect((await graphGet(sim, "/v1.0/me", token)).status).toBe(200);
  });
});

describe("/_sim/timing", () => {
  it("reads, sets and resets the VPP timings", async () => {
    const set = await fetch(`${sim.url}/_sim/timing`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ vppRevokeSeconds: 2 }),
    });
    expect(await set.json()).toMatchObject({ vppRevokeSeconds: 2, appRevokeAllSeconds: 4 });
    const bad = await fetch(`${sim.url}/_sim/timing`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ vppRevokeSeconds: "fast" }),
    });
    expect(bad.status).toBe(400);
    expect((await fetch(`${sim.url}/_sim/timing`, { method: "DELETE" })).status).toBe(204);
    expect(sim.timing()).toEqual({
      vppRevokeSeconds: 6,
      appRevokeAllSeconds: 4,
      appRevokeSeconds: 1.5,
      vppSyncSeconds: 3,
      retireSeconds: 5,
      wipeSeconds: 5,
    });
  });
});
