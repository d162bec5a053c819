import { percentile } from "./measure.js";

export interface LoadResult {
  concurrency: number;
  requests: number;
  errors: number;
  medianMs: number;
  p95Ms: number;
  perSecond: number;
}

/**
 * `concurrency` workers send requests back to back for `durationMs`; each request is
 * `send(i)` (i counts up across workers) and must resolve to its HTTP status. Latency is from
 * the call to the full body read; non-2xx answers count as errors and not in the latency.
 */
export const runLoad = async (
  concurrency: number,
  durationMs: number,
  send: (i: number) => Promise<number>,
): Promise<LoadResult> => {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const end = started + durationMs;
  const worker = async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      const status = await send(next++);
      if (status >= 200 && status < 300) latencies.push(performance.now() - t0);
      else errors += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  return {
    concurrency,
    requests: latencies.length,
    errors,
    medianMs: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    perSecond: latencies.length / seconds,
  };
};
