import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createSimulator } from "../create-simulator.js";
import { seededIds } from "../seed/vpp-catalog.js";
import type { Simulator } from "../simulator.js";
import { graphErrorOf, graphPost } from "../test-support/graph-client.js";

const { slack } = seededIds.iosVppApps;

let sim: Simulator;
let token: string;
beforeAll(async () => {
  sim = await createSimulator({ port: 0 });
  token = await sim.mintToken({ audience: "graph" });
});
afterEach(() => {
  sim.resetThrottling();
  sim.resetTenant();
  sim.clearFaults();
  sim.clearReceived();
});
afterAll(() => sim.close());

interface SubResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: Record<string, unknown>;
}
const responsesOf = (body: Record<string, unknown>) => body.responses as SubResponse[];

const revoke = (id: string, userId: string) => ({
  id,
  method: "POST",
  url: `/deviceAppManagement/mobileApps/${slack}/revokeUserLicense`,
  headers: { "Content-Type": "application/json" },
  body: { userId, notifyManagedDevices: true },
});

describe("POST /$batch", () => {
  it("runs each request through Graph and answers {responses:[{id,status,headers,body}]}", async () => {
    const result = await graphPost(sim, "/beta/$batch", token, {
      requests: [
        { id: "tokens", method: "GET", url: "/deviceAppManagement/vppTokens?$select=displayName" },
        { id: "me", method: "GET", url: "me" },
        {
          id: "missing",
          method: "GET",
          url: "/deviceAppManagement/vppTokens/00000000-0000-4000-8000-000000000000",
        },
        revoke("revoke", "a1f0e2d3-0001-4c5b-8a9d-000000000001"),
      ],
    });
    expect(result.status).toBe(200);
    const responses = responsesOf(result.body);
    expect(responses.map((r) => [r.id, r.status])).toEqual([
      ["tokens", 200],
      ["me", 200],
      ["missing", 404],
      ["revoke", 204],
    ]);
    expect(responses[0]?.headers["Content-Type"]).toContain("application/json");
    expect(responses[0]?.body?.value).toHaveLength(5);
    expect(responses[2]?.body?.error).toMatchObject({ code: "ResourceNotFound" });
    expect(responses[3]).not.toHaveProperty("body");

    const received = sim.received();
    const outer = received.find((r) => r.path === "/beta/$batch");
    expect(outer?.status).toBe(200);
    const inner = received.filter((r) => r.batch !== null);
    expect(inner).toHaveLength(4);
    for (const r of inner) expect(r.batch?.requestId).toBe(outer?.requestId);
    expect(inner.find((r) => r.batch?.id === "revoke")).toMatchObject({
      method: "POST",
      path: `/beta/deviceAppManagement/mobileApps/${slack}/revokeUserLicense`,
      status: 204,
      headers: { authorization: "Bearer <redacted>" },
    });
    expect(JSON.stringify(received)).not.toContain("x-tenant-sim-batch");
  });

  it("throttles each sub-request on its own", async () => {
    sim.setThrottling({ service: "applications", writes: 2 });
    const beta = await graphPost(sim, "/beta/$batch", token, {
      requests: [
        revoke("a", "a1f0e2d3-0001-4c5b-8a9d-000000000001"),
        revoke("b", "a1f0e2d3-0002-4c5b-8a9d-000000000002"),
        revoke("c", "a1f0e2d3-0003-4c5b-8a9d-000000000003"),
      ],
    });
    const statuses = responsesOf(beta.body)
      .map((r) => r.status)
      .sort();
    expect(statuses).toEqual([204, 204, 429]);
    const throttled = responsesOf(beta.body).find((r) => r.status === 429);
    expect(throttled?.headers["Retry-After"]).toMatch(/^\d+$/);
    expect(sim.received().filter((r) => r.status === 429 && r.batch !== null)).toHaveLength(1);
  });

  it("refuses more than 20 requests, none, duplicates and a body without Content-Type", async () => {
    const many = Array.from({ length: 21 }, (_, i) => ({
      id: String(i),
      method: "GET",
      url: "/me",
    }));
    const tooMany = await graphPost(sim, "/beta/$batch", token, { requests: many });
    expect(tooMany.status).toBe(400);
    expect(graphErrorOf(tooMany).code).toBe("BadRequest");
    expect(sim.received().filter((r) => r.batch !== null)).toHaveLength(0);

    const twenty = await graphPost(sim, "/v1.0/$batch", token, { requests: many.slice(0, 20) });
    expect(responsesOf(twenty.body).map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(sim.received().filter((r) => r.path === "/v1.0/me")).toHaveLength(20);

    expect((await graphPost(sim, "/beta/$batch", token, { requests: [] })).status).toBe(400);
    expect((await graphPost(sim, "/beta/$batch", token, { nope: 1 })).status).toBe(400);
    const duplicate = [
      { id: "1", method: "GET", url: "/me" },
      { id: "1", method: "GET", url: "/me" },
    ];
    expect((await graphPost(sim, "/beta/$batch", token, { requests: duplicate })).status).toBe(400);
    const noContentType = { ...revoke("1", "x"), headers: {} };
    expect(
      (await graphPost(sim, "/beta/$batch", token, { requests: [noContentType] })).status,
    ).toBe(400);
    const absolute = [{ id: "1", method: "GET", url: "https://graph.microsoft.com/v1.0/me" }];
    expect((await graphPost(sim, "/beta/$batch", token, { requests: absolute })).status).toBe(400);
  });

  it("orders by dependsOn and answers 424 when a dependency failed", async () => {
    const result = await graphPost(sim, "/beta/$batch", token, {
      requests: [
        { id: "1", method: "GET", url: "/deviceAppManagement/vppTokens/not-a-guid" },
        { id: "2", method: "GET", url: "/me", dependsOn: ["1"] },
        { id: "3", method: "GET", url: "/me" },
      ],
    });
    expect(responsesOf(result.body).map((r) => [r.id, r.status])).toEqual([
      ["1", 400],
      ["2", 424],
      ["3", 200],
    ]);
    expect(sim.received().filter((r) => r.batch?.id === "2")).toEqual([]);
    const forward = await graphPost(sim, "/beta/$batch", token, {
      requests: [
        { id: "1", method: "GET", url: "/me", dependsOn: ["2"] },
        { id: "2", method: "GET", url: "/me" },
      ],
    });
    expect(forward.status).toBe(400);
  });

  it("checks each sub-request's permission with the outer token", async () => {
    const readOnly = await sim.mintToken({
      audience: "graph",
      scopes: ["DeviceManagementApps.Read.All"],
    });
    const result = await graphPost(sim, "/beta/$batch", readOnly, {
      requests: [
        { id: "read", method: "GET", url: `/deviceAppManagement/mobileApps/${slack}` },
        revoke("write", "a1f0e2d3-0001-4c5b-8a9d-000000000001"),
      ],
    });
    expect(responsesOf(result.body).map((r) => r.status)).toEqual([200, 403]);
    expect((await graphPost(sim, "/beta/$batch", undefined, { requests: [] })).status).toBe(401);
  });
});
