import { afterAll, describe, expect, it } from "vitest";
import { createSimulator } from "../create-simulator.js";
import type { Simulator } from "../simulator.js";
import { seededIds } from "../seed/vpp-catalog.js";
import { graphGet } from "../test-support/graph-client.js";

let sim: Simulator | undefined;
let demo: Simulator | undefined;
afterAll(async () => {
  await sim?.close();
  await demo?.close();
});

const eventual = { ConsistencyLevel: "eventual" };

// One test on purpose: generating 50,000 users takes seconds. The figures it prints are for
// the README; the bounds are loose because CI machines vary (DESIGN.md §8: performance is
// measured by the benchmark, not by timed tests).
describe("a large tenant", () => {
  it("generates 50,000 users from the seed, pages through all of them and searches fast", async () => {
    const started = performance.now();
    sim = await createSimulator({ port: 0, size: "large" });
    const generationMs = performance.now() - started;
    expect(generationMs).toBeLessThan(30_000);
    const token = await sim.mintToken({ audience: "graph" });

    const seen = new Set<string>();
    let next: string | undefined = "/v1.0/users?$top=999&$select=displayName";
    let pages = 0;
    const walkStarted = performance.now();
    while (next !== undefined) {
      const page = await graphGet(sim, next, token);
      expect(page.status).toBe(200);
      for (const user of page.body.value as { id: string }[]) {
        expect(seen.has(user.id)).toBe(false);
        seen.add(user.id);
      }
      const link = page.body["@odata.nextLink"];
      next = typeof link === "string" ? link.slice(sim.graphUrl.length) : undefined;
      pages += 1;
    }
    const walkMs = performance.now() - walkStarted;
    expect(seen.size).toBe(50_000);
    expect(pages).toBe(51);

    const counted = await graphGet(sim, "/v1.0/users?$count=true&$top=1", token, eventual);
    expect(counted.body["@odata.count"]).toBe(50_000);

    const timings: Record<string, number> = {};
    for (const text of [
      '"displayName:a"',
      '"displayName:mül"',
      '"displayName:сер"',
      '"displayName:jo" OR "mail:jo"',
    ]) {
      const t = performance.now();
      const result = await graphGet(
        sim,
        `/v1.0/users?$search=${encodeURIComponent(text)}&$count=true&$top=25`,
        token,
        eventual,
      );
      timings[text] = Math.round(performance.now() - t);
      expect(result.status).toBe(200);
      expect(Number(result.body["@odata.count"])).toBeGreaterThan(0);
    }
    const filterStarted = performance.now();
    const filtered = await graphGet(
      sim,
      `/v1.0/users?$filter=${encodeURIComponent("startswith(displayName,'Łuk')")}&$top=999`,
      token,
    );
    timings.startswith = Math.round(performance.now() - filterStarted);
    expect((filtered.body.value as unknown[]).length).toBeGreaterThan(10);
    for (const ms of Object.values(timings)) expect(ms).toBeLessThan(2_000);

    // The demo tenant is the large one's core: the same users first, the same VPP licenses.
    demo = await createSimulator({ port: 0 });
    const demoToken = await demo.mintToken({ audience: "graph" });
    const firstUsers = "/v1.0/users?$top=55&$select=userPrincipalName";
    expect((await graphGet(sim, firstUsers, token)).body.value).toEqual(
      (await graphGet(demo, firstUsers, demoToken)).body.value,
    );
    const licenses = `/beta/deviceAppManagement/mobileApps/${seededIds.iosVppApps.outlook}/microsoft.graph.iosVppApp/assignedLicenses?$select=userId,managedDeviceId`;
    const largeLicenses = (await graphGet(sim, licenses, token)).body.value;
    expect(largeLicenses).toEqual((await graphGet(demo, licenses, demoToken)).body.value);
    expect(largeLicenses).not.toEqual([]);

    console.info(
      `large tenant: generated in ${Math.round(generationMs)} ms; ${pages} pages of $top=999 in ${Math.round(walkMs)} ms; search/filter ms ${JSON.stringify(timings)}`,
    );
  }, 120_000);
});
