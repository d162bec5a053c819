import { bffNodeOptions, stopAllStacks } from "./lib/loopback-stack.js";
import { fixed } from "./lib/report.js";
import { bffOverhead } from "./scenarios/bff-overhead.js";

/**
 * `pnpm bench:overhead`: the BFF overhead scenario alone (direct / reference forwarder / BFF at
 * concurrency 1 and 50), one line per concurrency. With BENCH_BFF_CPU_PROF=<dir> the BFF writes
 * a V8 CPU profile there when it stops (issue #19); BENCH_CONCURRENCY=50 runs one concurrency
 * only; BENCH_BFF_COMPARE=<checkout> measures that checkout's built BFF in every round too (an
 * A/B read in one run), BENCH_ROUNDS and BENCH_PHASE_MS set the rounds. The BFF runs with the Dockerfile's NODE_OPTIONS unless BENCH_BFF_NODE_OPTIONS says
 * otherwise. Needs `pnpm -r build` first.
 */
try {
  const result = await bffOverhead(
    (process.env.BENCH_CONCURRENCY ?? "1,50").split(",").map(Number),
  );
  for (const row of result.rows) {
    console.log(
      [
        `c=${row.concurrency}`,
        `forwarder ${fixed(row.forwarder.medianMs, 1)} / ${fixed(row.forwarder.p95Ms, 1)} ms`,
        `BFF ${fixed(row.bff.medianMs, 1)} / ${fixed(row.bff.p95Ms, 1)} ms`,
        `BFF÷forwarder median ${fixed(row.forwarderMedianRatio, 2)}× p95 ${fixed(row.forwarderP95Ratio, 2)}×`,
        `req/s ${fixed(row.forwarder.perSecond)} / ${fixed(row.bff.perSecond)} (${fixed(row.forwarderThroughputRatio, 2)}×)`,
        `CPU ms/request BFF ${fixed(row.bffCpuMsPerRequest, 3)} forwarder ${fixed(row.forwarderCpuMsPerRequest, 3)}`,
        `rounds ${row.roundForwarderMedianRatios.map((r) => `${fixed(r, 2)}×`).join(" ")}`,
        `errors ${row.bff.errors}`,
        ...(row.compare === undefined
          ? []
          : [
              `compare BFF÷forwarder median ${fixed(row.compare.forwarderMedianRatio, 2)}× CPU ms/request ${fixed(row.compare.cpuMsPerRequest, 3)} rounds ${row.compare.roundRatios.map((r) => `${fixed(r, 2)}×`).join(" ")} errors ${row.compare.errors}`,
            ]),
        `BFF RSS at rest ${fixed(result.bffRssAtRestMb)} MB, under load ${fixed(row.bffRssUnderLoadMb)} MB (NODE_OPTIONS=${bffNodeOptions()})`,
      ].join(" | "),
    );
  }
} finally {
  stopAllStacks();
}
