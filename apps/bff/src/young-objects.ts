import { setFlagsFromString } from "node:v8";

/**
 * V8 option for the BFF's heap, set before any other module of the BFF is evaluated (it is
 * server.ts's first import). `--no-allocation-site-pretenuring`: V8 otherwise watches where
 * objects are allocated and, once every object from one place has survived a young-generation
 * collection, allocates the next ones from there straight into the old generation — for good,
 * since it no longer sees them die young. At start-up (schemas, routes, caches built once)
 * whole places qualify, and afterwards the same code's per-request objects (zod's parse
 * results, among others) were born old: a full mark-compact every ~0.3 s under load, a quarter
 * of the BFF's CPU per request on a list read, on helper threads a main-thread profile does not
 * show (ADR 0043; measured with `BENCH_BFF_COMPARE` in `pnpm bench:overhead`).
 *
 * Set here rather than on each command line (the container's, `pnpm start`, the e2e and bench
 * launchers), so no way of starting the BFF runs without it; Node accepts it in neither
 * NODE_OPTIONS nor a config file. A V8 that ignores it only loses the gain.
 */
setFlagsFromString("--no-allocation-site-pretenuring");
