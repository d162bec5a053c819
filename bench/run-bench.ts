import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { progressFanout } from "./scenarios/progress-fanout.js";

/**
 * `pnpm bench`: measures on this machine, on loopback, and writes bench/results/latest.json.
 * Scenarios are added here one by one; each is bounded in time.
 */
const fanout = [];
for (const watchers of [1, 50, 500]) fanout.push(await progressFanout(watchers));

console.log("\nProgress fan-out: one VPP revoke watched by N event streams");
console.table(
  fanout.map((r) => ({
    watchers: r.watchers,
    "Graph polls": r.graphPolls,
    "revoke (s)": r.revokeSeconds.toFixed(1),
    "delay median (ms)": Math.round(r.delayMedianMs),
    "delay p95 (ms) [target < 2000]": Math.round(r.delayP95Ms),
    "events/watcher": r.eventsPerWatcher.toFixed(1),
    "BFF RSS (MB)": r.bffRssMb.toFixed(0),
  })),
);

mkdirSync(new URL("./results/", import.meta.url), { recursive: true });
writeFileSync(
  new URL("./results/latest.json", import.meta.url),
  `${JSON.stringify(
    {
      at: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model,
        memoryGb: totalmem() / 2 ** 30,
        node: process.version,
      },
      progressFanout: fanout,
    },
    null,
    2,
  )}\n`,
);
