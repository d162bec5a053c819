import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/** Seconds: from a cached Graph read (tens of ms) to a request held by Graph's retries. */
const REQUEST_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
/** Seconds: a journal write is a local SQLite commit (sub-ms) or a Postgres round trip. */
const JOURNAL_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];

/**
 * The BFF's Prometheus metrics (`GET /metrics`, prom-client). One registry per app, never the
 * library's global one, so that tests can build several apps in one process. Labels are
 * bounded: route patterns (never raw URLs), Graph resources with ids cut out, action kinds.
 */
export class Metrics {
  readonly registry = new Registry();

  readonly httpRequestSeconds = new Histogram({
    name: "ihc_http_request_duration_seconds",
    help: "BFF requests by method, route pattern and status",
    labelNames: ["method", "route", "status"] as const,
    buckets: REQUEST_BUCKETS,
    registers: [this.registry],
  });

  readonly graphCalls = new Counter({
    name: "ihc_graph_calls_total",
    help: "Microsoft Graph calls (after retries) by resource, method and status or failure",
    labelNames: ["resource", "method", "status"] as const,
    registers: [this.registry],
  });

  readonly graphThrottled = new Counter({
    name: "ihc_graph_throttled_total",
    help: "429 answers from Microsoft Graph, each attempt counted",
    registers: [this.registry],
  });

  readonly graphRetryWaitSeconds = new Counter({
    name: "ihc_graph_retry_wait_seconds_total",
    help: "Seconds waited before sending a Graph request again, by what set the wait",
    labelNames: ["reason"] as const,
    registers: [this.registry],
  });

  readonly actionStates = new Counter({
    name: "ihc_action_states_total",
    help: "Journal writes that put an action in a state, by action kind and state",
    labelNames: ["kind", "state"] as const,
    registers: [this.registry],
  });

  readonly journalWriteSeconds = new Histogram({
    name: "ihc_journal_write_duration_seconds",
    help: "Action journal writes (insert, update, replace)",
    labelNames: ["operation"] as const,
    buckets: JOURNAL_BUCKETS,
    registers: [this.registry],
  });

  constructor({ processMetrics = true }: { processMetrics?: boolean } = {}) {
    if (processMetrics) collectDefaultMetrics({ register: this.registry });
  }

  /** A gauge read when scraped (open watchers, open event streams): no bookkeeping to forget. */
  gauge(name: string, help: string, read: () => number): void {
    new Gauge({
      name,
      help,
      registers: [this.registry],
      collect() {
        this.set(read());
      },
    });
  }
}
