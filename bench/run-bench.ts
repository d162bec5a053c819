import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { bffNodeOptions, stopAllStacks } from "./lib/loopback-stack.js";
import {
  checksTable,
  fixed,
  markdownTable,
  printTable,
  type Check,
  type Table,
} from "./lib/report.js";
import { targets } from "./lib/targets.js";
import { bffOverhead } from "./scenarios/bff-overhead.js";
import {
  bulkRevokeThrottled,
  DEFAULT_BULK,
  LARGE_BULK,
  LARGE_BULK_TIMEOUT_MS,
} from "./scenarios/bulk-revoke-throttled.js";
import { fairShare } from "./scenarios/fair-share.js";
import { journalStore } from "./scenarios/journal-store.js";
import { progressFanout } from "./scenarios/progress-fanout.js";
import { spaBundle, spaInChromium } from "./scenarios/spa.js";
import { userSearch } from "./scenarios/user-search.js";
import { userVppLicenses } from "./scenarios/user-vpp-licenses.js";
import { watchCost } from "./scenarios/watch-cost.js";

/**
 * `pnpm bench`: measures on this machine, on loopback, prints a table per scenario and the
 * figures against their targets, and writes bench/results/latest.json and latest.md (the
 * summary docs/benchmarks.md quotes). Every scenario is bounded in time; one that fails or
 * overruns is reported as an error and the run exits non-zero.
 */
const SCENARIO_TIMEOUT_MS = 180_000;
const startedAt = new Date();
const loadAtStart = loadavg();
const tables: Table[] = [];
const checks: Check[] = [];
const results: Record<string, unknown> = {};
const errors: string[] = [];

const run = async <T>(
  name: string,
  scenario: () => Promise<T>,
  timeoutMs = SCENARIO_TIMEOUT_MS,
): Promise<T | undefined> => {
  const t0 = performance.now();
  console.log(`\n▶ ${name}`);
  let timer: NodeJS.Timeout | undefined;
  try {
    const result = await Promise.race([
      scenario(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          reject(new Error(`over ${timeoutMs / 1000} s`));
        }, timeoutMs);
      }),
    ]);
    results[name] = result;
    return result;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    errors.push(`${name}: ${message}`);
    results[name] = { error: message };
    console.error(`✗ ${name}: ${message}`);
    return undefined;
  } finally {
    clearTimeout(timer);
    console.log(`  (${fixed((performance.now() - t0) / 1000, 1)} s)`);
  }
};

const check = (figure: string, value: string, target: string, met: Check["met"]) => {
  checks.push({ figure, value, target, met });
};

// 1. BFF overhead
const overhead = await run("bffOverhead", () => bffOverhead([1, 50]));
if (overhead) {
  tables.push({
    title:
      "BFF overhead: the VPP token list through the BFF vs a reference forwarder vs Graph direct",
    note: `${overhead.listPath} vs ${overhead.graphCall}: direct with an on-behalf-of-equivalent token; the reference forwarder (bench/lib/reference-forwarder.ts: node:http, the same JWT checks, one Graph token, the request piped) in the same run. ${overhead.users} agents in rotation, ${overhead.phaseSeconds} s per phase; forwarder and BFF take turns ${overhead.rounds} times per concurrency, and each BFF ÷ forwarder figure is the median of the rounds (the latencies and req/s shown are the median round's). BFF RSS at rest ${fixed(overhead.bffRssAtRestMb)} MB.`,
    columns: [
      "concurrency",
      "direct median / p95 (ms)",
      "forwarder median / p95 (ms)",
      "BFF median / p95 (ms)",
      "BFF ÷ forwarder median / p95",
      "direct / forwarder / BFF req/s",
      "BFF ÷ forwarder throughput",
      "CPU ms per request BFF / forwarder",
      "BFF RSS under load (MB)",
    ],
    rows: overhead.rows.map((r) => [
      r.concurrency,
      `${fixed(r.direct.medianMs, 1)} / ${fixed(r.direct.p95Ms, 1)}`,
      `${fixed(r.forwarder.medianMs, 1)} / ${fixed(r.forwarder.p95Ms, 1)}`,
      `${fixed(r.bff.medianMs, 1)} / ${fixed(r.bff.p95Ms, 1)}`,
      `${fixed(r.forwarderMedianRatio, 2)} / ${fixed(r.forwarderP95Ratio, 2)}`,
      `${fixed(r.direct.perSecond)} / ${fixed(r.forwarder.perSecond)} / ${fixed(r.bff.perSecond)}`,
      fixed(r.forwarderThroughputRatio, 2),
      `${fixed(r.bffCpuMsPerRequest, 2)} / ${fixed(r.forwarderCpuMsPerRequest, 2)}`,
      fixed(r.bffRssUnderLoadMb),
    ]),
  });
  for (const r of overhead.rows) {
    const c = r.concurrency;
    // Issue #19's targets hold at concurrency 50; at 1 the figures are reported, not judged.
    const judged = c >= 50;
    check(
      `BFF/forwarder latency, median, c=${c}`,
      `${fixed(r.forwarderMedianRatio, 2)}×`,
      judged ? `≤ ${targets.forwarderLatencyRatio}×` : "reported",
      judged ? r.forwarderMedianRatio <= targets.forwarderLatencyRatio : "reported",
    );
    check(
      `BFF/forwarder latency, p95, c=${c}`,
      `${fixed(r.forwarderP95Ratio, 2)}×`,
      "reported",
      "reported",
    );
    check(
      `BFF/forwarder throughput, c=${c}`,
      `${fixed(r.forwarderThroughputRatio, 2)}×`,
      judged ? `≥ ${targets.forwarderThroughputRatio}×` : "reported",
      judged ? r.forwarderThroughputRatio >= targets.forwarderThroughputRatio : "reported",
    );
    check(
      `BFF/direct latency, median, c=${c}`,
      `${fixed(r.medianRatio, 2)}×`,
      `≤ ${targets.overheadLatencyRatio}×`,
      r.medianRatio <= targets.overheadLatencyRatio,
    );
    check(
      `BFF CPU per request, c=${c}`,
      `${fixed(r.bffCpuMsPerRequest, 2)} ms`,
      "reported",
      "reported",
    );
    check(
      `BFF RSS under load, c=${c}`,
      `${fixed(r.bffRssUnderLoadMb)} MB`,
      `≤ ${targets.bffRssMb} MB`,
      r.bffRssUnderLoadMb <= targets.bffRssMb,
    );
    const failed = r.direct.errors + r.forwarder.errors + r.bff.errors;
    if (failed > 0) errors.push(`bffOverhead: ${failed} failed requests at c=${c}`);
  }
}

// 2. Writes against throttling: the demo's 200 licenses at the scaled limit (ADR 0008), and
// 10,000 of the large tenant's app at Intune's 20 s window with ten times its writes (#19).
const bulkRuns = await run(
  "bulkRevokeThrottled",
  async () => [await bulkRevokeThrottled(DEFAULT_BULK), await bulkRevokeThrottled(LARGE_BULK)],
  LARGE_BULK_TIMEOUT_MS,
);
if (bulkRuns) {
  tables.push({
    title: "Writes against throttling: bulk revokes at the Intune limit (scaled)",
    note: "Simulator and BFF budget at the same limit (Intune: 100 writes / 20 s per app); floor = M/N × W. 10,000 licenses go as ten requests of 1,000 (the console's limit per request, one running per app), each sent when the previous ended (followed on the event stream). Memory: the BFF's RSS sampled every 500 ms; journal: the data folder's growth after a clean stop.",
    columns: [
      "licenses (M)",
      "N / W",
      "floor (s)",
      "took (s)",
      "time over floor",
      "state",
      "succeeded",
      "429s",
      "lost / doubled",
      "Graph reads",
      "BFF RSS early / halfway / peak / end (MB)",
      "journal bytes per item",
    ],
    rows: bulkRuns.map((bulk) => [
      bulk.licenses,
      `${bulk.writesPerWindow} / ${bulk.windowSeconds} s`,
      fixed(bulk.floorSeconds, 1),
      fixed(bulk.seconds, 1),
      `${fixed(bulk.timeOverFloor, 2)}×`,
      bulk.state,
      bulk.succeeded,
      bulk.throttled429,
      `${bulk.lost} / ${bulk.doubled}`,
      bulk.graphReads,
      `${fixed(bulk.rssEarlyMb)} / ${fixed(bulk.rssHalfwayMb)} / ${fixed(bulk.rssPeakMb)} / ${fixed(bulk.rssEndMb)}`,
      fixed(bulk.journalBytesPerItem),
    ]),
  });
  for (const bulk of bulkRuns) {
    const m = bulk.licenses.toLocaleString("en");
    const target =
      bulk.licenses >= 10_000 ? targets.largeBulkTimeOverFloor : targets.bulkTimeOverFloor;
    check(
      `Bulk revoke of ${m}: time over floor`,
      `${fixed(bulk.timeOverFloor, 2)}×`,
      `≤ ${target}×`,
      bulk.timeOverFloor <= target,
    );
    check(
      `Bulk revoke of ${m}: 429s from Graph`,
      String(bulk.throttled429),
      "0 (the budget mirrors the limit)",
      bulk.throttled429 === 0,
    );
    check(
      `Bulk revoke of ${m}: licenses lost / doubled`,
      `${bulk.lost} / ${bulk.doubled}`,
      "0 / 0",
      bulk.lost === 0 && bulk.doubled === 0 && bulk.succeeded === bulk.licenses,
    );
    if (bulk.licenses >= 10_000) {
      check(
        `Bulk revoke of ${m}: BFF RSS growth, halfway → end`,
        `${fixed(bulk.rssEndMb - bulk.rssHalfwayMb)} MB`,
        `≤ ${targets.largeBulkRssGrowthMb} MB (flat)`,
        bulk.rssEndMb - bulk.rssHalfwayMb <= targets.largeBulkRssGrowthMb,
      );
      check(
        `Bulk revoke of ${m}: BFF RSS peak`,
        `${fixed(bulk.rssPeakMb)} MB`,
        "reported",
        "reported",
      );
      check(
        `Bulk revoke of ${m}: journal bytes per item`,
        fixed(bulk.journalBytesPerItem),
        `≤ ${targets.journalBytesPerItem}`,
        bulk.journalBytesPerItem <= targets.journalBytesPerItem,
      );
    }
  }
}

// 2a. What watching costs Graph (issue #15)
const watch = await run("watchCost", watchCost);
if (watch) {
  tables.push({
    title: "Watch cost: Graph requests while 10 actions are watched (large tenant)",
    note: `${watch.watched} single-license revokes on ${watch.watched} apps, Intune's real timings (each runs for minutes); requests over ${watch.windowSeconds} s after they were sent. Intune's per-tenant limit: 2,000 / 20 s.`,
    columns: ["watched", "Graph requests / min", "tenant limit / min", "share"],
    rows: [
      [
        watch.watched,
        fixed(watch.requestsPerMinute),
        watch.tenantLimitPerMinute,
        `${fixed(watch.shareOfTenantLimit * 100, 1)} %`,
      ],
    ],
  });
  check(
    "Watch cost, share of Intune's per-tenant limit",
    `${fixed(watch.shareOfTenantLimit * 100, 1)} %`,
    `≤ ${targets.watchCostShareOfTenantLimit * 100} %`,
    watch.shareOfTenantLimit <= targets.watchCostShareOfTenantLimit,
  );
}

// 2b. The embedded journal (ADR 0018)
const journal = await run("journalStore", journalStore);
if (journal) {
  tables.push({
    title: "Embedded journal (SQLite): bytes per bulk item, start-up by record count",
    note: `A ${journal.bulkItems}-item bulk record, items updated one by one; start-up = open + listOpen + first Activity page, in a fresh process, median of five; RSS read with the journal open, after a full collection.`,
    columns: ["records", "start-up (ms)", "RSS (MB)", "RSS before open (MB)"],
    rows: journal.startup.map((s) => [
      s.records,
      fixed(s.ms),
      fixed(s.rssMb, 1),
      fixed(s.baselineRssMb, 1),
    ]),
  });
  const [few, many] = journal.startup;
  const growth = few && many ? many.rssMb - few.rssMb : Number.NaN;
  check(
    "Journal bytes per bulk item",
    fixed(journal.fileBytesPerItem),
    `≤ ${targets.journalBytesPerItem}`,
    journal.fileBytesPerItem <= targets.journalBytesPerItem,
  );
  check(
    "Journal start-up, 100,000 records",
    `${fixed(many?.ms ?? Number.NaN)} ms`,
    `≤ ${targets.journalStartupMs} ms`,
    (many?.ms ?? Infinity) <= targets.journalStartupMs,
  );
  check(
    "Journal RSS growth, 1,000 → 100,000 records",
    `${fixed(growth, 1)} MB`,
    `≤ ${targets.journalStartupRssGrowthMb} MB`,
    growth <= targets.journalStartupRssGrowthMb,
  );
}

// 3. Progress fan-out
const fanout = await run("progressFanout", async () => {
  const rows = [];
  for (const watchers of [1, 50, 500]) rows.push(await progressFanout(watchers));
  return rows;
});
if (fanout) {
  tables.push({
    title: "Progress fan-out: one VPP revoke watched by N event streams",
    note: "Delay = event received by a watcher − the simulator's lastUpdatedDateTime of that state.",
    columns: [
      "watchers",
      "Graph polls",
      "revoke (s)",
      "delay median (ms)",
      "delay p95 (ms)",
      "events/watcher",
      "BFF RSS (MB)",
    ],
    rows: fanout.map((r) => [
      r.watchers,
      r.graphPolls,
      fixed(r.revokeSeconds, 1),
      fixed(r.delayMedianMs),
      fixed(r.delayP95Ms),
      fixed(r.eventsPerWatcher, 1),
      fixed(r.bffRssMb),
    ]),
  });
  for (const r of fanout) {
    check(
      `Progress delay p95, watchers: ${r.watchers}`,
      `${fixed(r.delayP95Ms)} ms`,
      `< ${targets.progressDelayP95Ms} ms`,
      r.delayP95Ms < targets.progressDelayP95Ms,
    );
  }
  const [one] = fanout;
  const most = fanout.at(-1);
  if (one && most) {
    check(
      "Graph polls, 500 vs 1 watcher",
      `${most.graphPolls} vs ${one.graphPolls}`,
      "do not grow with watchers (±2)",
      most.graphPolls <= one.graphPolls + 2,
    );
    check(
      "BFF RSS with 500 watchers",
      `${fixed(most.bffRssMb)} MB`,
      `≤ ${targets.bffRssMb} MB`,
      most.bffRssMb <= targets.bffRssMb,
    );
  }
}

// 4. SPA
const bundle = await run("spaBundle", () => Promise.resolve(spaBundle()));
if (bundle) {
  tables.push({
    title: "SPA bundle (gzip, KB = 1024 B) against apps/web/bundle-budget.json",
    columns: [
      "initial JS (KB)",
      "initial budget (KB)",
      "initial files",
      "largest lazy chunk",
      "lazy size (KB)",
      "lazy budget (KB)",
    ],
    rows: [
      [
        bundle.initialKb,
        bundle.initialBudgetKb,
        bundle.initialFiles,
        bundle.largestLazyChunk,
        bundle.largestLazyKb,
        bundle.largestLazyBudgetKb,
      ],
    ],
  });
  check(
    "SPA initial JS (gzip)",
    `${bundle.initialKb} KB`,
    `≤ ${bundle.initialBudgetKb} KB (budget)`,
    bundle.initialKb <= bundle.initialBudgetKb,
  );
  check(
    "SPA largest lazy chunk (gzip)",
    `${bundle.largestLazyKb} KB`,
    `≤ ${bundle.largestLazyBudgetKb} KB (budget)`,
    bundle.largestLazyKb <= bundle.largestLazyBudgetKb,
  );
}
const chromium = await run("spaInChromium", spaInChromium);
if (chromium) {
  const { render, bigList } = chromium;
  tables.push({
    title: "SPA in Chromium: signed-in start, cold cache (a new context per load)",
    note: "From navigation start to /vpp-tokens: the shell's navigation in the DOM, then the first table row (data through the BFF). Each load's new window settles first (an agent's browser is already open). Main thread: the page's task time until the row. Office link: Chromium's emulation of 20 Mbit/s down, 5 up, 20 ms RTT.",
    columns: [
      "loads",
      "shell median (ms)",
      "shell p95 (ms)",
      "first data row median (ms)",
      "first data row p95 (ms)",
      "main thread median (ms)",
      "first data row over an office link, median (ms)",
    ],
    rows: [
      [
        render.loads,
        fixed(render.shellMedianMs),
        fixed(render.shellP95Ms),
        fixed(render.dataMedianMs),
        fixed(render.dataP95Ms),
        fixed(render.mainThreadMedianMs),
        fixed(render.officeLinkDataMedianMs),
      ],
    ],
  });
  check(
    "Signed-in shell first render, median",
    `${fixed(render.shellMedianMs)} ms`,
    `< ${targets.shellRenderMs} ms`,
    render.shellMedianMs < targets.shellRenderMs,
  );
  check(
    "Navigation start → first data row of /vpp-tokens, cold, median",
    `${fixed(render.dataMedianMs)} ms`,
    `≤ ${targets.firstDataRowMs} ms`,
    render.dataMedianMs <= targets.firstDataRowMs,
  );
  if ("skipped" in bigList) {
    check(
      "Virtualized user list: DOM rows",
      `skipped: ${bigList.skipped}`,
      `≤ ${targets.listDomRows} rows`,
      "skipped",
    );
  } else {
    tables.push({
      title: "Virtualized user list on a 50,000-user tenant",
      columns: ["search", "matches", "rows loaded", "DOM rows"],
      rows: [[bigList.query, bigList.matches, bigList.loaded, bigList.domRows]],
    });
    check(
      `Virtualized user list: DOM rows with ${bigList.loaded} loaded`,
      String(bigList.domRows),
      `≤ ${targets.listDomRows} rows`,
      bigList.domRows <= targets.listDomRows,
    );
  }
}

// 5. User search at 50,000 users
const search = await run("userSearch", userSearch);
if (search) {
  if ("skipped" in search) {
    check(
      "User search, last keystroke → results",
      `skipped: ${search.skipped}`,
      `median < ${targets.searchMedianMs} ms, p95 < ${targets.searchP95Ms} ms`,
      "skipped",
    );
  } else {
    tables.push({
      title: "User search at 50,000 users: last keystroke → full response (BFF HTTP API)",
      note: `${search.names} names typed ${search.keystrokesPerName} keys each, one key every ${search.keystrokeIntervalMs} ms; each key aborts the previous request.`,
      columns: ["names", "median (ms)", "p95 (ms)", "aborted requests", "results (median)"],
      rows: [
        [
          search.names,
          fixed(search.medianMs),
          fixed(search.p95Ms),
          search.aborted,
          search.medianResults,
        ],
      ],
    });
    check(
      "User search, last keystroke → results, median",
      `${fixed(search.medianMs)} ms`,
      `< ${targets.searchMedianMs} ms`,
      search.medianMs < targets.searchMedianMs,
    );
    check(
      "User search, last keystroke → results, p95",
      `${fixed(search.p95Ms)} ms`,
      `< ${targets.searchP95Ms} ms`,
      search.p95Ms < targets.searchP95Ms,
    );
  }
}

// 6. Graph fair share: a light agent beside a heavy one (issue #17, ADR 0024)
const share = await run("fairShare", fairShare);
if (share) {
  tables.push({
    title: "Graph fair share: a light agent's reads while a heavy agent hammers the expensive view",
    note: `${share.heavyConcurrency} heavy requests in flight on ${share.heavyPath} (a different user each time); the light agent reads ${share.lightPaths.join(" and ")} one at a time; ${share.phaseSeconds} s per phase.`,
    columns: [
      "settings",
      "light alone median / p95 (ms)",
      "light with heavy median / p95 (ms)",
      "p95 ratio",
      "heavy answered / refused",
      "Graph req/s (busiest second)",
      "Graph 429s",
    ],
    rows: share.rows.map((row) => [
      row.settings,
      `${fixed(row.lightAlone.medianMs)} / ${fixed(row.lightAlone.p95Ms)}`,
      `${fixed(row.lightWithHeavy.medianMs)} / ${fixed(row.lightWithHeavy.p95Ms)}`,
      fixed(row.p95Ratio, 2),
      `${row.heavyAnswered} / ${row.heavyRefused}`,
      `${fixed(row.graphPerSecond)} (${row.graphBusiestSecond})`,
      row.graph429,
    ]),
  });
  for (const row of share.rows) {
    check(
      `Light agent's read p95 with a heavy agent ÷ alone (${row.settings})`,
      fixed(row.p95Ratio, 2),
      `≤ ${targets.fairShareP95Ratio}`,
      row.p95Ratio <= targets.fairShareP95Ratio,
    );
  }
}

// 7. A user's VPP licenses: Graph calls per open, cold and warm (issue #19)
const userView = await run("userVppLicenses", userVppLicenses);
if (userView) {
  tables.push({
    title: "A user's VPP licenses: what one open costs Graph",
    note: `GET /api/users/:id/vpp-licenses on the demo tenant (${userView.apps} VPP apps, ${userView.licensesShown} licenses shown): the user, the app list, then each app's licenses filtered on the user in $batches of 20. Warm: the same agent within VIEW_CACHE_SECONDS (default ${userView.viewCacheSeconds}); the cache is per caller (ADR 0024).`,
    columns: ["open", "HTTP requests to Graph", "Graph reads ($batch items counted)", "took (ms)"],
    rows: (
      [
        ["cold (first open)", userView.cold],
        ["warm (same agent again)", userView.warm],
        ["another agent, same user", userView.otherAgent],
      ] as const
    ).map(([label, cost]) => [label, cost.httpRequests, cost.graphReads, fixed(cost.ms)]),
  });
  check(
    "User VPP licenses, Graph requests per warm open",
    String(userView.warm.httpRequests),
    `≤ ${targets.userVppLicensesWarmGraphCalls}`,
    userView.warm.httpRequests <= targets.userVppLicensesWarmGraphCalls,
  );
  check(
    "User VPP licenses, Graph requests / reads per cold open",
    `${userView.cold.httpRequests} / ${userView.cold.graphReads}`,
    "reported",
    "reported",
  );
}

stopAllStacks();
const summary = checksTable(checks);
for (const table of [...tables, summary]) printTable(table);
const wallSeconds = (Date.now() - startedAt.getTime()) / 1000;
const machine = {
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model,
  memoryGb: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  bffNodeOptions: bffNodeOptions(),
  loadAverageAtStart: loadAtStart.map((l) => Math.round(l * 10) / 10),
  loadAverageAtEnd: loadavg().map((l) => Math.round(l * 10) / 10),
};
console.log(
  `\nWall time ${fixed(wallSeconds)} s; load average ${machine.loadAverageAtStart.join(" ")} → ${machine.loadAverageAtEnd.join(" ")}`,
);
if (errors.length > 0) console.error(`\nErrors:\n${errors.map((e) => `- ${e}`).join("\n")}`);

mkdirSync(new URL("./results/", import.meta.url), { recursive: true });
writeFileSync(
  new URL("./results/latest.json", import.meta.url),
  `${JSON.stringify({ at: startedAt.toISOString(), wallSeconds, machine, targets, checks, errors, results }, null, 2)}\n`,
);
writeFileSync(
  new URL("./results/latest.md", import.meta.url),
  [
    `Run ${startedAt.toISOString()}, wall time ${fixed(wallSeconds)} s, on ${machine.cpus} × ${machine.cpuModel ?? "CPU"}, ${machine.memoryGb} GB, Node ${machine.node}, the BFF with \`NODE_OPTIONS=${machine.bffNodeOptions}\`; load average ${machine.loadAverageAtStart.join(" / ")} at start, ${machine.loadAverageAtEnd.join(" / ")} at end.`,
    "",
    markdownTable(summary, checks),
    ...tables.map((table) => markdownTable(table)),
    ...(errors.length > 0 ? ["### Errors", "", ...errors.map((e) => `- ${e}`), ""] : []),
  ].join("\n"),
);
process.exitCode = errors.length > 0 ? 1 : 0;
