import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createSimulator } from "../create-simulator.js";
import { seededIds } from "../seed/vpp-catalog.js";
import type { Simulator } from "../simulator.js";
import { graphErrorOf, graphGet } from "../test-support/graph-client.js";

const app = `/beta/deviceAppManagement/mobileApps/${seededIds.iosVppApps.slack}`;

let sim: Simulator;
let token: string;
beforeAll(async () => {
  sim = await createSimulator({ port: 0 });
  token = await sim.mintToken({ audience: "graph" });
});
afterEach(async () => {
  await fetch(`${sim.url}/_sim/scenario`, { method: "DELETE" });
  sim.resetThrottling();
  sim.clearFaults();
});
afterAll(() => sim.close());

describe("Retry-After as Intune sends it (retryAfterAsIntune)", () => {
  it("answers Intune's 429 without Retry-After", async () => {
    sim.setThrottling({ service: "applications", requests: 1 });
    await graphGet(sim, app, token);
    const demo = await graphGet(sim, app, token);
    expect(demo.status).toBe(429);
    expect(demo.headers.get("retry-after")).not.toBeNull();

    sim.setScenario({ retryAfterAsIntune: true });
    const realistic = await graphGet(sim, app, token);
    expect(realistic.status).toBe(429);
    expect(graphErrorOf(realistic).code).toBe("TooManyRequests");
    expect(realistic.headers.get("retry-after")).toBeNull();
  });

  it("answers an injected 503 with Retry-After (the rule's seconds, else 10)", async () => {
    sim.setFaults([{ path: "mobileApps", kind: "status", status: 503, times: 1 }]);
    expect((await graphGet(sim, app, token)).headers.get("retry-after")).toBeNull();
    sim.setScenario({ retryAfterAsIntune: true });
    sim.setFaults([
      { path: "mobileApps", kind: "status", status: 503, times: 1 },
      { path: "mobileApps", kind: "status", status: 503, retryAfterSeconds: 42, times: 1 },
      { path: "mobileApps", kind: "status", status: 500, times: 1 },
    ]);
    const first = await graphGet(sim, app, token);
    expect(first.status).toBe(503);
    expect(first.headers.get("retry-after")).toBe("10");
    expect((await graphGet(sim, app, token)).headers.get("retry-after")).toBe("42");
    const other = await graphGet(sim, app, token);
    expect(other.status).toBe(500);
    expect(other.headers.get("retry-after")).toBeNull();
  });
});
