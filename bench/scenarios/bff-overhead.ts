import { demoTenant } from "@ihc/tenant-sim";
import { runLoad, type LoadResult } from "../lib/load.js";
import { freePort, startBff, startLoopbackStack } from "../lib/loopback-stack.js";
import { cpuMs, percentile, rssMb } from "../lib/measure.js";
import { startReferenceForwarder } from "../lib/start-reference-forwarder.js";

export interface OverheadRow {
  concurrency: number;
  direct: LoadResult;
  forwarder: LoadResult;
  bff: LoadResult;
  /** BFF ÷ direct latency: how many times slower the user's request is through the BFF. */
  medianRatio: number;
  p95Ratio: number;
  /** BFF ÷ direct requests per second. */
  throughputRatio: number;
  /**
   * BFF ÷ reference forwarder (issue #19's targets are against this peer): each the median of
   * ROUNDS alternating rounds; `forwarder` and `bff` are the median round's.
   */
  forwarderMedianRatio: number;
  forwarderP95Ratio: number;
  forwarderThroughputRatio: number;
  /** CPU time (user + system) each process spent per request it answered in the phase. */
  bffCpuMsPerRequest: number;
  forwarderCpuMsPerRequest: number;
  /** BFF ÷ forwarder median latency of each round, in the order they ran. */
  roundForwarderMedianRatios: number[];
  bffRssUnderLoadMb: number;
  /**
   * With BENCH_BFF_COMPARE=<checkout>: that checkout's BFF, measured in every round beside this
   * one (same simulator, same load): its ÷ forwarder median ratio and CPU per request, each the
   * median of the rounds, so a change to the BFF is read against the BFF before it, not against
   * another run's machine.
   */
  compare?: {
    forwarderMedianRatio: number;
    cpuMsPerRequest: number;
    roundRatios: number[];
    errors: number;
  };
}

/** One turn of the forwarder then the BFF at one concurrency. */
interface Round {
  forwarder: LoadResult;
  bff: LoadResult;
  bffCpuMsPerRequest: number;
  forwarderCpuMsPerRequest: number;
  compare?: LoadResult;
  compareCpuMsPerRequest?: number;
}

/** The round whose BFF ÷ forwarder median latency is the median of all rounds. */
const medianRound = (rounds: Round[]): Round => {
  const sorted = [...rounds].sort(
    (a, b) => a.bff.medianMs / a.forwarder.medianMs - b.bff.medianMs / b.forwarder.medianMs,
  );
  const round = sorted[Math.floor(sorted.length / 2)];
  if (round === undefined) throw new Error("no round ran");
  return round;
};

export interface OverheadResult {
  listPath: string;
  graphCall: string;
  users: number;
  phaseSeconds: number;
  rounds: number;
  bffRssAtRestMb: number;
  rows: OverheadRow[];
}

const USERS = 50;
/** BENCH_PHASE_MS and BENCH_ROUNDS change them for an A/B run (more, shorter rounds). */
const PHASE_MS = Number(process.env.BENCH_PHASE_MS ?? 5_000);
const WARMUP_MS = 1_000;
/** Forwarder and BFF phases alternate this many times per concurrency. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const LIST_PATH = "/api/vpp-tokens";

interface GraphUser {
  userPrincipalName: string;
}

/**
 * The VPP token list through the BFF (validate the token, on-behalf-of from its cache, Graph,
 * map, validate the response) against the same Graph request sent straight to the simulator
 * with the token an on-behalf-of exchange gives (audience Graph, the API's delegated scopes),
 * same run, same concurrency. Requests rotate over 50 agents, as 50 agents at once would send
 * them.
 */
const overheadBffEnv = {
  GRAPH_TENANT_READS_PER_SECOND: "10000",
  GRAPH_BUDGET_PER_USER: "1000000",
  // And each agent's request limit (600 a minute): on a fast machine 50 agents exceed it
  // within a round, and the 429s, answered without Graph, would count as the BFF's pace.
  REQUESTS_PER_USER_PER_MINUTE: "1000000",
};

export const bffOverhead = async (concurrencies: number[]): Promise<OverheadResult> => {
  // (overheadBffEnv) The BFF's own Graph pacing lifted too (tenant reads 40/s and 600 Graph calls per user a
  // minute by default, ADR 0024): this scenario measures what the BFF costs per request, not
  // the pace it keeps Graph at. The scheduler, the budget and the rate limit still run for every
  // request.
  const stack = await startLoopbackStack({ bffEnv: overheadBffEnv });
  try {
    // Reads only, far below Intune's limits in production; here they would cap the sim itself.
    for (const service of ["enrollment", "applications", "androidForWork", "devices"]) {
      await stack.sim("PUT", "/_sim/throttling", {
        service,
        requests: 1_000_000,
        tenantRequests: 1_000_000,
      });
    }
    const admin = await stack.sim<{ token: string }>("POST", "/_sim/token", {
      audience: "graph",
      scopes: demoTenant.api.graphScopes,
    });
    const users = (
      (await (
        await fetch(`${stack.simUrl}/v1.0/users?$top=${USERS}&$select=userPrincipalName`, {
          headers: { authorization: `Bearer ${admin.token}` },
        })
      ).json()) as { value: GraphUser[] }
    ).value.map((u) => u.userPrincipalName);
    if (users.length < USERS) throw new Error(`only ${users.length} users in the tenant`);
    const apiTokens = await Promise.all(
      users.map((account) => stack.mintToken(account, { roles: ["Console.Read"] })),
    );
    const graphTokens = await Promise.all(
      users.map(
        async (account) =>
          (
            await stack.sim<{ token: string }>("POST", "/_sim/token", {
              account,
              audience: "graph",
              scopes: demoTenant.api.graphScopes,
            })
          ).token,
      ),
    );

    // One request per agent: every on-behalf-of token is in the BFF's cache before measuring.
    await stack.sim("DELETE", "/_sim/received");
    for (const token of apiTokens) {
      const response = await fetch(`${stack.bffUrl}${LIST_PATH}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (response.status !== 200) throw new Error(`${LIST_PATH}: ${response.status}`);
      await response.arrayBuffer();
    }
    // BENCH_BFF_COMPARE=<checkout>: its built BFF beside this one, against the same simulator.
    const compareRoot = process.env.BENCH_BFF_COMPARE;
    const compareBff =
      compareRoot === undefined || compareRoot === ""
        ? undefined
        : await (async () => {
            const port = await freePort();
            const started = await startBff({
              root: compareRoot,
              simUrl: stack.simUrl,
              bffPort: port,
              bffEnv: overheadBffEnv,
            });
            return { ...started, url: `http://127.0.0.1:${port}` };
          })();
    for (const token of compareBff === undefined ? [] : apiTokens) {
      const response = await fetch(`${compareBff?.url}${LIST_PATH}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (response.status !== 200) throw new Error(`compare ${LIST_PATH}: ${response.status}`);
      await response.arrayBuffer();
    }
    // The exact Graph request the BFF made, replayed as the direct call.
    const received = await stack.sim<
      { method: string; path: string; query: Record<string, string> }[]
    >("GET", "/_sim/received");
    const graphRequest = received.find((r) => r.method === "GET" && r.path.includes("vppTokens"));
    if (!graphRequest) throw new Error("the BFF made no Graph request for the list");
    const graphUrl = `${stack.simUrl}${graphRequest.path}?${new URLSearchParams(graphRequest.query).toString()}`;
    const check = await fetch(graphUrl, { headers: { authorization: `Bearer ${graphTokens[0]}` } });
    if (check.status !== 200) throw new Error(`direct Graph call: ${check.status}`);
    await check.arrayBuffer();

    // The reference peer: same token checks, one Graph token, the same Graph request forwarded.
    const forwarder = await startReferenceForwarder({
      oidcMetadataUrl: `${stack.simUrl}/${demoTenant.tenantId}/v2.0/.well-known/openid-configuration`,
      audienceOf: apiTokens[0] ?? "",
      graphUrl,
      graphToken: graphTokens[0] ?? "",
    });
    const bffRssAtRestMb = rssMb(stack.bff.pid);
    const get = (url: string, tokens: string[]) => async (i: number) => {
      const response = await fetch(url, {
        headers: { authorization: `Bearer ${tokens[i % tokens.length] ?? ""}` },
      });
      await response.arrayBuffer();
      return response.status;
    };
    const direct = get(graphUrl, graphTokens);
    const viaBff = get(`${stack.bffUrl}${LIST_PATH}`, apiTokens);
    const viaForwarder = get(forwarder.url, apiTokens);
    const viaCompare =
      compareBff === undefined ? undefined : get(`${compareBff.url}${LIST_PATH}`, apiTokens);
    const rows: OverheadRow[] = [];
    try {
      for (const concurrency of concurrencies) {
        await runLoad(concurrency, WARMUP_MS, direct);
        const directResult = await runLoad(concurrency, PHASE_MS, direct);
        // Forwarder and BFF take turns, ROUNDS times: a slow moment of the machine then falls
        // on one round of one side, not on the whole of one side, and the median round is kept.
        const rounds: Round[] = [];
        let peakRss = 0;
        for (let round = 0; round < ROUNDS; round++) {
          await runLoad(concurrency, WARMUP_MS, viaForwarder);
          const forwarderCpu0 = cpuMs(forwarder.pid);
          const forwarderResult = await runLoad(concurrency, PHASE_MS, viaForwarder);
          const forwarderCpu = cpuMs(forwarder.pid) - forwarderCpu0;
          const measureBff = async () => {
            await runLoad(concurrency, WARMUP_MS, viaBff);
            const sampler = setInterval(() => {
              peakRss = Math.max(peakRss, rssMb(stack.bff.pid));
            }, 250);
            const cpu0 = cpuMs(stack.bff.pid);
            const result = await runLoad(concurrency, PHASE_MS, viaBff);
            const cpu = cpuMs(stack.bff.pid) - cpu0;
            clearInterval(sampler);
            return { result, cpu };
          };
          let compare: Pick<Round, "compare" | "compareCpuMsPerRequest"> = {};
          const measureCompare = async () => {
            if (viaCompare === undefined || compareBff === undefined) return;
            await runLoad(concurrency, WARMUP_MS, viaCompare);
            const cpu0 = cpuMs(compareBff.bff.pid);
            const result = await runLoad(concurrency, PHASE_MS, viaCompare);
            compare = {
              compare: result,
              compareCpuMsPerRequest:
                (cpuMs(compareBff.bff.pid) - cpu0) / (result.requests + result.errors),
            };
          };
          // The two BFFs swap places each round, so neither always runs right after the forwarder.
          if (round % 2 === 1) await measureCompare();
          const { result: bffResult, cpu: bffCpu } = await measureBff();
          if (round % 2 === 0) await measureCompare();
          rounds.push({
            ...compare,
            forwarder: forwarderResult,
            bff: bffResult,
            bffCpuMsPerRequest: bffCpu / (bffResult.requests + bffResult.errors),
            forwarderCpuMsPerRequest:
              forwarderCpu / (forwarderResult.requests + forwarderResult.errors),
          });
        }
        const medianOf = (figure: (round: Round) => number) => percentile(rounds.map(figure), 50);
        const kept = medianRound(rounds);
        rows.push({
          concurrency,
          direct: directResult,
          forwarder: kept.forwarder,
          bff: kept.bff,
          medianRatio: kept.bff.medianMs / directResult.medianMs,
          p95Ratio: kept.bff.p95Ms / directResult.p95Ms,
          throughputRatio: kept.bff.perSecond / directResult.perSecond,
          forwarderMedianRatio: medianOf((r) => r.bff.medianMs / r.forwarder.medianMs),
          forwarderP95Ratio: medianOf((r) => r.bff.p95Ms / r.forwarder.p95Ms),
          forwarderThroughputRatio: medianOf((r) => r.bff.perSecond / r.forwarder.perSecond),
          bffCpuMsPerRequest: medianOf((r) => r.bffCpuMsPerRequest),
          forwarderCpuMsPerRequest: medianOf((r) => r.forwarderCpuMsPerRequest),
          roundForwarderMedianRatios: rounds.map((r) => r.bff.medianMs / r.forwarder.medianMs),
          bffRssUnderLoadMb: peakRss,
          ...(compareBff === undefined
            ? {}
            : {
                compare: {
                  forwarderMedianRatio: medianOf(
                    (r) => (r.compare?.medianMs ?? NaN) / r.forwarder.medianMs,
                  ),
                  cpuMsPerRequest: medianOf((r) => r.compareCpuMsPerRequest ?? NaN),
                  roundRatios: rounds.map(
                    (r) => (r.compare?.medianMs ?? NaN) / r.forwarder.medianMs,
                  ),
                  errors: rounds.reduce((sum, r) => sum + (r.compare?.errors ?? 0), 0),
                },
              }),
        });
      }
    } finally {
      forwarder.close();
      compareBff?.bff.kill("SIGTERM");
    }
    return {
      listPath: LIST_PATH,
      graphCall: `GET ${graphRequest.path}`,
      users: USERS,
      phaseSeconds: PHASE_MS / 1000,
      rounds: ROUNDS,
      bffRssAtRestMb,
      rows,
    };
  } finally {
    stack.close();
  }
};
