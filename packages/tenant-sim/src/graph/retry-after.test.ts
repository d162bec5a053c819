import { describe, expect, it } from "vitest";
import { useSimulator } from "../test-support/simulator-fixture.js";
import { seededIds } from "../seed/vpp-catalog.js";
import { graphErrorOf, graphGet } from "../test-support/graph-client.js";

const app = `/beta/deviceAppManagement/mobileApps/${seededIds.iosVppApps.slack}`;

const fixture = useSimulator();

describe("Retry-After as Intune sends it (retryAfterAsIntune)", () => {
  it("answers Intune's 429 without Retry-After", async () => {
    fixture.sim.setThrottling({ service: "applications", requests: 1 });
    await graphGet(fixture.sim, app, fixture.token);
    const demo = await graphGet(fixture.sim, app, fixture.token);
    expect(demo.status).toBe(429);
    expect(demo.headers.get("retry-after")).not.toBeNull();

    fixture.sim.setScenario({ retryAfterAsIntune: true });
    const realistic = await graphGet(fixture.sim, app, fixture.token);
    expect(realistic.status).toBe(429);
    expect(graphErrorOf(realistic).code).toBe("TooManyRequests");
    expect(realistic.headers.get("retry-after")).toBeNull();
  });

  it("answers an injected 503 with Retry-After (the rule's seconds, else 10)", async () => {
    fixture.sim.setFaults([{ path: "mobileApps", kind: "status", status: 503, times: 1 }]);
    expect((await graphGet(fixture.sim, app, fixture.token)).headers.get("retry-after")).toBeNull();
    fixture.sim.setScenario({ retryAfterAsIntune: true });
    fixture.sim.setFaults([
      { path: "mobileApps", kind: "status", status: 503, times: 1 },
      { path: "mobileApps", kind: "status", status: 503, retryAfterSeconds: 42, times: 1 },
      { path: "mobileApps", kind: "status", status: 500, times: 1 },
    ]);
    const first = await graphGet(fixture.sim, app, fixture.token);
    expect(first.status).toBe(503);
    expect(first.headers.get("retry-after")).toBe("10");
    expect((await graphGet(fixture.sim, app, fixture.token)).headers.get("retry-after")).toBe("42");
    const other = await graphGet(fixture.sim, app, fixture.token);
    expect(other.status).toBe(500);
    expect(other.headers.get("retry-after")).toBeNull();
  });
});
