/** Who may read `/metrics` (METRICS_ACCESS): nobody, this machine only, or a bearer token. */
export type MetricsAccess =
  { mode: "off" } | { mode: "loopback" } | { mode: "bearer"; token: string };
