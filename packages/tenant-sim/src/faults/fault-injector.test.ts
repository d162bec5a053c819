import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createSimulator } from "../create-simulator.js";
import type { Simulator } from "../simulator.js";
import { graphErrorOf, graphGet } from "../test-support/graph-client.js";

let sim: Simulator;
let token: string;
beforeAll(async () => {
  sim = await createSimulator({ port: 0 });
  token = await sim.mintToken({ audience: "graph" });
});
afterEach(() => {
  sim.clearFaults();
  sim.clearReceived();
});
afterAll(() => sim.close());

async function putFaults(rules: unknown): Promise<Response> {
  return fetch(`${sim.url}/_sim/faults`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(rules),
  });
}

describe("faults on Graph paths", () => {
  it("throttle: 429 TooManyRequests with Retry-After, for the next N requests only", async () => {
    expect(
      (
        await putFaults([
          { path: "^/v1\\.0/me$", kind: "throttle", retryAfterSeconds: 7, times: 2 },
        ])
      ).status,
    ).toBe(200);
    for (let i = 0; i < 2; i += 1) {
      const result = await graphGet(sim, "/v1.0/me", token);
      expect(result.status).toBe(429);
      expect(result.headers.get("retry-after")).toBe("7");
      expect(graphErrorOf(result).code).toBe("TooManyRequests");
    }
    expect((await graphGet(sim, "/v1.0/me", token)).status).toBe(200);
  });

  it("throttle without retryAfterSeconds sends no Retry-After", async () => {
    sim.setFaults([{ path: "/me", kind: "throttle" }]);
    const result = await graphGet(sim, "/v1.0/me", token);
    expect(result.status).toBe(429);
    expect(result.headers.get("retry-after")).toBeNull();
  });

  it("status: answers the status in Graph's error shape, before the token is checked", async () => {
    sim.setFaults([{ method: "GET", path: "^/beta/", kind: "status", status: 503 }]);
    const result = await graphGet(sim, "/beta/me", undefined);
    expect(result.status).toBe(503);
    expect(graphErrorOf(result).code).toBe("ServiceUnavailable");
    expect((await graphGet(sim, "/v1.0/me", token)).status).toBe(200);
  });

  it("status on an Intune path puts Intune's JSON document in the message", async () => {
    sim.setFaults([{ path: "deviceAppManagement", kind: "status", status: 500 }]);
    const result = await graphGet(sim, "/beta/deviceAppManagement/vppTokens", token);
    expect(result.status).toBe(500);
    const message = JSON.parse(graphErrorOf(result).message) as Record<string, unknown>;
    expect(message.Message).toContain(`Activity ID: ${result.headers.get("request-id") ?? ""}`);
  });

  it("only matches the method given", async () => {
    sim.setFaults([{ method: "POST", path: "/me", kind: "status", status: 500 }]);
    expect((await graphGet(sim, "/v1.0/me", token)).status).toBe(200);
  });

  it("latency: delays the answer", async () => {
    sim.setFaults([{ path: "/me", kind: "latency", latencyMs: 150 }]);
    const started = performance.now();
    const result = await graphGet(sim, "/v1.0/me", token);
    expect(result.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it("drop: closes the connection without an answer and records it", async () => {
    sim.setFaults([{ path: "/me", kind: "drop", times: 1 }]);
    await expect(graphGet(sim, "/v1.0/me", token)).rejects.toThrow();
    expect(sim.received().map((r) => r.status)).toEqual(["dropped"]);
    expect((await graphGet(sim, "/v1.0/me", token)).status).toBe(200);
  });

  it("never applies to the identity or control endpoints", async () => {
    sim.setFaults([{ path: ".*", kind: "status", status: 500 }]);
    expect((await fetch(sim.metadataUrl)).status).toBe(200);
    expect((await fetch(`${sim.url}/_sim/health`)).status).toBe(200);
  });

  it("rejects invalid rules with 400", async () => {
    expect((await putFaults([{ path: "(", kind: "status", status: 500 }])).status).toBe(400);
    expect((await putFaults([{ path: "/me", kind: "status" }])).status).toBe(400);
    expect((await putFaults([{ path: "/me", kind: "explode" }])).status).toBe(400);
    expect((await putFaults({ path: "/me" })).status).toBe(400);
  });

  it("can be listed and cleared over HTTP", async () => {
    await putFaults([{ path: "/me", kind: "latency", latencyMs: 5 }]);
    expect(await (await fetch(`${sim.url}/_sim/faults`)).json()).toHaveLength(1);
    expect((await fetch(`${sim.url}/_sim/faults`, { method: "DELETE" })).status).toBe(204);
    expect(await (await fetch(`${sim.url}/_sim/faults`)).json()).toEqual([]);
  });
});
