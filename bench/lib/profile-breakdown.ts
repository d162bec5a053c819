import { readFileSync } from "node:fs";

/**
 * Reads a V8 `.cpuprofile` (node --cpu-prof) and prints, for each part of the BFF, the share
 * of its busy samples (idle excluded) whose stack holds a frame of that part: inclusive shares,
 * so nested parts overlap (a zod parse inside a route counts for both). Issue #19's profile
 * breakdown in docs/benchmarks.md comes from this.
 * `node --import tsx lib/profile-breakdown.ts <file.cpuprofile>`
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
}

/** A part of the request path: a frame belongs to it when its URL or name matches. */
const parts: [string, (url: string, name: string) => boolean][] = [
  ["token validation (jose, webcrypto)", (u) => u.includes("/jose/")],
  [
    "validate-bearer-token / authenticate",
    (u) => /auth\/(validate-bearer-token|authenticate|validated-token-cache)/.test(u),
  ],
  ["on-behalf-of (msal-node)", (u) => u.includes("@azure/msal")],
  ["obo-token-provider", (u) => u.includes("obo-token-provider")],
  ["zod", (u) => u.includes("/zod/")],
  [
    "pino / pino-http",
    (u) => /\/pino(-http|-std-serializers)?\//.test(u) || u.includes("request-logging"),
  ],
  ["Graph client library", (u) => u.includes("microsoft-graph-client")],
  [
    "Graph over node:http (GraphHttpHandler, node's HTTP client)",
    (u) =>
      u.includes("graph-http-handler") || u === "node:_http_client" || u === "node:_http_agent",
  ],
  [
    "Graph gateway + our middlewares",
    (u) => /bff\/dist\/graph\/(graph-gateway|graph-call|middleware\/)/.test(u),
  ],
  ["fair read scheduler", (u) => u.includes("fair-read-scheduler")],
  ["fetch (undici)", (u) => u.includes("undici") || u.includes("internal/deps/undici")],
  [
    "express + router",
    (u) => /\/(express|router|body-parser|finalhandler|send|serve-static)\//.test(u),
  ],
  ["express-rate-limit", (u) => u.includes("express-rate-limit")],
  ["graph cost budget", (u) => u.includes("graph-cost-budget")],
  ["query guard", (u) => u.includes("query-guard")],
  ["request id", (u) => u.includes("request-id")],
  [
    "request metrics (prom-client)",
    (u) => u.includes("request-metrics") || u.includes("prom-client"),
  ],
  ["security headers (helmet)", (u) => u.includes("security-headers") || u.includes("/helmet/")],
  ["identity pool offer", (u) => u.includes("identity-pool")],
  ["vpp-tokens route", (u) => /bff\/dist\/(routes|graph)\/vpp-tokens/.test(u)],
  [
    "node:http (server side, and what the client shares with it)",
    (u) => u === "node:_http_server" || u === "node:_http_outgoing" || u === "node:_http_common",
  ],
  ["JSON.parse / stringify", (_u, n) => n === "parse" || n === "stringify"],
  ["crypto (node:crypto)", (u) => u.includes("internal/crypto")],
  ["garbage collector", (_u, n) => n === "(garbage collector)"],
];

const profile = JSON.parse(readFileSync(process.argv[2] ?? "", "utf8")) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of profile.nodes)
  for (const child of node.children ?? []) parent.set(child, node.id);
let busy = 0;
const counts = new Map<string, number>();
/** Exclusive: each sample to the deepest frame of its stack that belongs to a part. */
const owners = new Map<string, number>();
const ownerOf = (id: number | undefined): string => {
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const node = byId.get(at);
    if (!node) break;
    const part = parts.find(([, matches]) =>
      matches(node.callFrame.url, node.callFrame.functionName),
    );
    if (part) return part[0];
  }
  return "other";
};
const stackParts = new Map<number, Set<string>>();
const partsOf = (id: number): Set<string> => {
  const known = stackParts.get(id);
  if (known) return known;
  const node = byId.get(id);
  const up = parent.get(id);
  const set = new Set(up === undefined ? [] : partsOf(up));
  if (node) {
    for (const [name, matches] of parts) {
      if (matches(node.callFrame.url, node.callFrame.functionName)) set.add(name);
    }
  }
  stackParts.set(id, set);
  return set;
};
for (const sample of profile.samples) {
  const name = byId.get(sample)?.callFrame.functionName;
  if (name === "(idle)" || name === "(program)") continue;
  busy++;
  for (const part of partsOf(sample)) counts.set(part, (counts.get(part) ?? 0) + 1);
  const owner = ownerOf(sample);
  owners.set(owner, (owners.get(owner) ?? 0) + 1);
}
console.log("exclusive (deepest part on the stack):");
for (const [part, count] of [...owners].sort((a, b) => b[1] - a[1])) {
  console.log(`${((100 * count) / busy).toFixed(1).padStart(5)} %  ${part}`);
}
console.log("inclusive:");
console.log(`busy samples: ${busy} of ${profile.samples.length}`);
for (const [part, count] of [...counts].sort((a, b) => b[1] - a[1])) {
  console.log(`${((100 * count) / busy).toFixed(1).padStart(5)} %  ${part}`);
}
