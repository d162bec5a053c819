import { bffOverhead } from "/work/wt-19/bench/scenarios/bff-overhead.ts";
const r = await bffOverhead([1, 50]);
for (const row of r.rows) console.log(JSON.stringify({c: row.concurrency, direct: [row.direct.medianMs, row.direct.p95Ms, row.direct.perSecond], fwd: [row.forwarder.medianMs, row.forwarder.p95Ms, row.forwarder.perSecond], bff: [row.bff.medianMs, row.bff.p95Ms, row.bff.perSecond], ratio: [row.forwarderMedianRatio, row.forwarderP95Ratio, row.forwarderThroughputRatio], cpu: [row.bffCpuMsPerRequest, row.forwarderCpuMsPerRequest]}));
process.exit(0);
