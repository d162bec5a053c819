import { request, Agent } from "node:http";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createSimulator } from "../create-simulator.js";
import type { Simulator } from "../simulator.js";

let sim: Simulator;
beforeAll(async () => {
  sim = await createSimulator({ port: 0 });
});
afterAll(() => sim.close());

/** A DELETE on `agent`'s one connection: its status and the socket's local port. */
const resetFaults = (agent: Agent) =>
  new Promise<{ status: number; localPort: number }>((resolve, reject) => {
    const req = request(`${sim.url}/_sim/faults`, { method: "DELETE", agent }, (res) => {
      res.resume();
      res.on("end", () => {
        resolve({ status: res.statusCode ?? 0, localPort: req.socket?.localPort ?? 0 });
      });
    });
    req.on("error", reject);
    req.end();
  });

it("keeps an idle keep-alive connection open past Node's 5 s, so a client reusing it is answered", async () => {
  // A client that keeps idle sockets 10 s, as test clients do: with the server's 5 s default,
  // the second request raced the server's close and got ECONNRESET.
  const agent = new Agent({ keepAlive: true, maxSockets: 1, timeout: 10_000 });
  try {
    const first = await resetFaults(agent);
    await new Promise((resolve) => setTimeout(resolve, 5_500));
    const second = await resetFaults(agent);
    expect([first.status, second.status]).toEqual([204, 204]);
    expect(second.localPort).toBe(first.localPort); // the same connection
  } finally {
    agent.destroy();
  }
}, 15_000);
