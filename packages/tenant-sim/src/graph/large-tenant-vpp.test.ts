import { afterAll, describe, expect, it } from "vitest";
import { createSimulator } from "../create-simulator.js";
import { largeTenantIosVppAppSeeds } from "../seed/vpp-catalog.js";
import type { Simulator } from "../simulator.js";
import { graphGet } from "../test-support/graph-client.js";

let sim: Simulator | undefined;
afterAll(async () => {
  await sim?.close();
});

const edge = largeTenantIosVppAppSeeds.edge.id;

describe("the large tenant's own iOS VPP app", () => {
  it("holds 20,000 user licenses of real bulk users, some with no user, paged like Graph", async () => {
    sim = await createSimulator({ port: 0, size: "large" });
    const token = await sim.mintToken({ audience: "graph" });

    const app = await graphGet(sim, `/beta/deviceAppManagement/mobileApps/${edge}`, token);
    expect(app.status).toBe(200);
    expect(app.body.usedLicenseCount).toBe(20_000);
    expect(app.body.totalLicenseCount).toBe(25_000);

    const licenses: { id: string; userId: string | null }[] = [];
    let next: string | undefined =
      `/beta/deviceAppManagement/mobileApps/${edge}/microsoft.graph.iosVppApp/assignedLicenses?$top=999`;
    while (next !== undefined) {
      const page = await graphGet(sim, next, token);
      expect(page.status).toBe(200);
      licenses.push(...(page.body.value as { id: string; userId: string | null }[]));
      const link = page.body["@odata.nextLink"];
      next = typeof link === "string" ? link.slice(sim.graphUrl.length) : undefined;
    }
    expect(licenses).toHaveLength(20_000);
    expect(new Set(licenses.map((l) => l.id)).size).toBe(20_000);
    const linked = licenses.filter((l) => l.userId !== null);
    expect(linked.length).toBe(20_000 - Math.floor(20_000 / 12));
    const sample = linked[1234];
    const user = await graphGet(sim, `/v1.0/users/${String(sample?.userId)}`, token);
    expect(user.status).toBe(200);

    // The demo tenant does not have it: the sizes share every other id.
    const demo = await createSimulator({ port: 0, size: "demo" });
    try {
      const demoToken = await demo.mintToken({ audience: "graph" });
      const missing = await graphGet(
        demo,
        `/beta/deviceAppManagement/mobileApps/${edge}`,
        demoToken,
      );
      expect(missing.status).toBe(404);
    } finally {
      await demo.close();
    }
  }, 60_000);
});
