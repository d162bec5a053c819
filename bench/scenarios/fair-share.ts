import { fileURLToPath } from "node:url";
import { demoAccounts, demoTenant } from "@ihc/tenant-sim";
import { runLoad, type LoadResult } from "../lib/load.js";
import { startLoopbackStack, type LoopbackStack } from "../lib/loopback-stack.js";

export interface FairShareRow {
  /** Which BFF settings: the defaults, or the per-user budget lifted (fair share alone). */
  settings: string;
  lightAlone: LoadResult;
  lightWithHeavy: LoadResult;
  /** Light p95 with the heavy user ÷ without. */
  p95Ratio: number;
  heavyAnswered: number;
  heavyRefused: number;
  /** Graph requests the simulator received per second while the heavy user ran (batch subs counted). */
  graphPerSecond: number;
  graphBusiestSecond: number;
  graph429: number;
}

export interface FairShareResult {
  phaseSeconds: number;
  heavyConcurrency: number;
  heavyPath: string;
  lightPaths: string[];
  rows: FairShareRow[];
}

const PHASE_MS = 8_000;
const WARMUP_MS = 1_000;
const HEAVY_CONCURRENCY = 8;
const TARGET_USERS = 40;

interface Received {
  at: string;
  path: string;
  status: number | string;
}

const upnOf = (key: string): string => {
  const account = demoAccounts.find((a) => a.key === key);
  if (account === undefined) throw new Error(`no demo account ${key}`);
  return account.userPrincipalName;
};

const measure = async (settings: string, bffEnv: Record<string, string>): Promise<FairShareRow> => {
  const stack: LoopbackStack = await startLoopbackStack({ bffEnv });
  try {
    const admin = await stack.sim<{ token: string }>("POST", "/_sim/token", {
      audience: "graph",
      scopes: demoTenant.api.graphScopes,
    });
    const ids = (
      (await (
        await fetch(`${stack.simUrl}/v1.0/users?$top=${TARGET_USERS}&$select=id`, {
          headers: { authorization: `Bearer ${admin.token}` },
        })
      ).json()) as { value: { id: string }[] }
    ).value.map((u) => u.id);
    const heavyToken = await stack.mintToken(upnOf("agent"));
    const lightToken = await stack.mintToken(upnOf("senior"));
    const get = (token: string, path: string) => async () => {
      const response = await fetch(`${stack.bffUrl}${path}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      await response.arrayBuffer();
      return response.status;
    };
    // The light agent: one person clicking through users and the VPP token list, back to back.
    const lightPaths = [`/api/users/${ids[1] ?? ""}`, "/api/vpp-tokens"];
    const light = (i: number) => get(lightToken, lightPaths[i % lightPaths.length] ?? "")();
    // The heavy agent: the expensive view of a different user each time (no cache helps).
    let heavyAnswered = 0;
    let heavyRefused = 0;
    const heavy = async (i: number) => {
      const status = await get(
        heavyToken,
        `/api/users/${ids[i % ids.length] ?? ""}/vpp-licenses`,
      )();
      if (status === 200) heavyAnswered++;
      if (status === 429) heavyRefused++;
      // A refused agent's client would wait; this one only pauses, to keep hammering.
      if (status === 429) await new Promise((resolve) => setTimeout(resolve, 50));
      return 200;
    };

    await runLoad(1, WARMUP_MS, light);
    const lightAlone = await runLoad(1, PHASE_MS, light);

    await stack.sim("DELETE", "/_sim/received");
    const hammering = runLoad(HEAVY_CONCURRENCY, PHASE_MS + WARMUP_MS, heavy);
    await new Promise((resolve) => setTimeout(resolve, WARMUP_MS));
    const lightWithHeavy = await runLoad(1, PHASE_MS, light);
    await hammering;

    const received = await stack.sim<Received[]>("GET", "/_sim/received");
    const calls = received.filter(
      (r) =>
        (r.path.startsWith("/v1.0/") || r.path.startsWith("/beta/")) && !r.path.endsWith("/$batch"),
    );
    const times = calls.map((r) => Date.parse(r.at)).sort((a, b) => a - b);
    let busiest = 0;
    for (let first = 0, last = 0; last < times.length; last++) {
      while ((times[last] ?? 0) - (times[first] ?? 0) >= 1000) first++;
      busiest = Math.max(busiest, last - first + 1);
    }
    const span = ((times.at(-1) ?? 0) - (times[0] ?? 0)) / 1000;
    return {
      settings,
      lightAlone,
      lightWithHeavy,
      p95Ratio: lightWithHeavy.p95Ms / lightAlone.p95Ms,
      heavyAnswered,
      heavyRefused,
      graphPerSecond: span > 0 ? calls.length / span : calls.length,
      graphBusiestSecond: busiest,
      graph429: calls.filter((r) => r.status === 429).length,
    };
  } finally {
    stack.close();
  }
};

/**
 * Issue #17, 1 (ADR 0024): a light agent's read latency alone, then while a heavy agent
 * hammers the expensive view (`/api/users/:id/vpp-licenses`, 22 Graph reads, a different user
 * each time so the view cache cannot help) with 8 requests in flight. Twice: with the BFF's
 * defaults, and with the per-user Graph budget lifted so that the tenant's fair share alone
 * protects the light agent.
 */
export const fairShare = async (): Promise<FairShareResult> => ({
  phaseSeconds: PHASE_MS / 1000,
  heavyConcurrency: HEAVY_CONCURRENCY,
  heavyPath: "/api/users/:id/vpp-licenses",
  lightPaths: ["/api/users/:id", "/api/vpp-tokens"],
  rows: [
    await measure("defaults", {}),
    await measure("per-user budget lifted", { GRAPH_BUDGET_PER_USER: "1000000" }),
  ],
});

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await fairShare(), null, 2));
}
