import { randomUUID } from "node:crypto";
import { VppTokenListSchema } from "@ihc/contracts";
import { startLoopbackStack } from "../lib/loopback-stack.js";
import { percentile, rssMb } from "../lib/measure.js";
import { openSse } from "../lib/sse-client.js";

export interface FanoutResult {
  watchers: number;
  graphPolls: number;
  revokeSeconds: number;
  delayMedianMs: number;
  delayP95Ms: number;
  eventsPerWatcher: number;
  bffRssMb: number;
}

/**
 * N event-stream clients watch one VPP revoke. Measures the Graph polls the BFF made (one
 * watcher per token: should not grow with N) and the delay from the simulator's state change
 * (`lastUpdatedDateTime`) to each client receiving it.
 */
export const progressFanout = async (watchers: number): Promise<FanoutResult> => {
  const stack = await startLoopbackStack();
  try {
    await stack.sim("PUT", "/_sim/timing", { vppRevokeSeconds: 8 });
    const agent = await stack.mintToken("agent");
    const auth = { authorization: `Bearer ${agent}` };
    const tokens = VppTokenListSchema.parse(
      await (await fetch(`${stack.bffUrl}/api/vpp-tokens`, { headers: auth })).json(),
    ).items;
    const target = tokens.find((t) => t.state === "valid");
    if (!target) throw new Error("no valid token");
    const clients = await Promise.all(
      Array.from({ length: watchers }, () => openSse(`${stack.bffUrl}/api/events`, agent)),
    );
    await stack.sim("DELETE", "/_sim/received");
    const started = Date.now();
    const response = await fetch(`${stack.bffUrl}/api/vpp-tokens/${target.id}/revoke-licenses`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json", "idempotency-key": randomUUID() },
      body: JSON.stringify({
        notifyManagedDevices: true,
        revokeUntrackedLicenses: false,
        confirmDisplayName: target.displayName,
      }),
    });
    if (response.status !== 202) throw new Error(`revoke: ${response.status}`);
    const deadline = Date.now() + 60_000;
    const isDone = () =>
      clients.every((c) =>
        c.received.some(
          (r) => r.event.type === "vpp-token-progress" && r.event.result.actionState === "done",
        ),
      );
    while (!isDone() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const revokeSeconds = (Date.now() - started) / 1000;
    const bffRss = rssMb(stack.bff.pid);
    const delays: number[] = [];
    for (const client of clients) {
      for (const { at, event } of client.received) {
        if (event.type !== "vpp-token-progress" || !event.result.lastUpdatedDateTime) continue;
        delays.push(at - Date.parse(event.result.lastUpdatedDateTime));
      }
    }
    const received = await stack.sim<{ method: string; path: string }[]>("GET", "/_sim/received");
    const graphPolls = received.filter(
      (r) => r.method === "GET" && r.path.endsWith(`/vppTokens/${target.id}`),
    ).length;
    for (const client of clients) client.close();
    return {
      watchers,
      graphPolls,
      revokeSeconds,
      delayMedianMs: percentile(delays, 50),
      delayP95Ms: percentile(delays, 95),
      eventsPerWatcher: delays.length / watchers,
      bffRssMb: bffRss,
    };
  } finally {
    stack.close();
  }
};
