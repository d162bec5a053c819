import { z } from "zod";
import type { MetricsAccess } from "./observability/metrics-access.js";

/**
 * The BFF's settings, parsed once from the environment. This is the only module that reads
 * `process.env` (STYLE.md "Avoid"); everything else receives a `Config`.
 */

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no", ""])
  .transform((value) => value === "true" || value === "1" || value === "yes");

const httpUrl = z
  .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
  .transform((value) => value.replace(/\/+$/, ""));

const guid = z.guid({ error: "must be a GUID" });

const EnvSchema = z.object({
  TENANT_ID: guid,
  API_CLIENT_ID: guid,
  API_CLIENT_SECRET: z.string().min(1, "is required"),
  SPA_CLIENT_ID: guid,
  /** Comma-separated; defaults to the API's client id and its `api://` identifier URI. */
  API_AUDIENCES: z.string().optional(),
  AUTHORITY_HOST: z
    .url({ protocol: /^https$/, error: "must be an https URL (MSAL refuses http authorities)" })
    .transform((value) => value.replace(/\/+$/, ""))
    .default("https://login.microsoftonline.com"),
  OIDC_METADATA_URL: httpUrl.optional(),
  GRAPH_BASE_URL: httpUrl.default("https://graph.microsoft.com"),
  /**
   * Intune's write limit for the applications service, per app per tenant: the bulk revoke
   * queue paces itself to stay under it. https://learn.microsoft.com/graph/throttling-limits#intune-service-limits
   */
  GRAPH_APP_WRITES_PER_WINDOW: z.coerce.number().int().min(1).max(10_000).default(100),
  GRAPH_WRITE_WINDOW_SECONDS: z.coerce.number().positive().max(3600).default(20),
  TENANT_KIND: z.enum(["simulator", "entra"]).default("entra"),
  WEB_ORIGIN: httpUrl
    .refine((value) => new URL(value).origin === value, "must be an origin (no path)")
    .optional(),
  HOST: z.string().min(1).default("127.0.0.1"),
  /**
   * A request (headers and body) must arrive within this time, its headers within
   * HEADERS_TIMEOUT_SECONDS, else 408 and the connection is closed: a slow or never-ending
   * body cannot hold a connection (Node's own defaults are 5 minutes and 1 minute).
   */
  REQUEST_TIMEOUT_SECONDS: z.coerce.number().positive().max(600).default(30),
  HEADERS_TIMEOUT_SECONDS: z.coerce.number().positive().max(600).default(10),
  /**
   * Express's "trust proxy" (a hop count, or comma-separated addresses, subnets or
   * loopback/linklocal/uniquelocal): set it when a reverse proxy terminates TLS, so the
   * BFF reads X-Forwarded-Proto from that proxy only, knows it is served over https and
   * sends HSTS. Unset: no proxy is trusted.
   */
  TRUST_PROXY: z
    .string()
    .regex(/^(\d+|[\w.:/\s,-]+)$/, "must be a hop count or addresses/subnets")
    .refine((value) => !/^\s*true\s*$/i.test(value), "name the proxy; true would trust anyone")
    .optional(),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3001),
  EVENT_STREAMS_PER_USER: z.coerce.number().int().min(1).max(100).default(5),
  SPA_DIST_DIR: z.string().min(1).optional(),
  DATA_DIR: z.string().min(1).default(".data"),
  /**
   * Postgres for the action journal when several BFF instances share it (ADR 0018); unset, the
   * journal is the embedded SQLite file DATA_DIR/console.sqlite.
   */
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// or postgresql:// URL" })
    .optional(),
  /** Finished actions older than this are deleted; unset keeps every record. */
  JOURNAL_RETENTION_DAYS: z.coerce.number().int().min(1).max(36_500).optional(),
  /**
   * Who may read `GET /metrics` (Prometheus): `off` (default; 404), `loopback` (connections
   * from this machine that came through no proxy), `bearer` (METRICS_TOKEN, 32+ characters).
   */
  METRICS_ACCESS: z.enum(["off", "loopback", "bearer"]).default("off"),
  METRICS_TOKEN: z.string().min(32, "must be at least 32 characters").optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  LOG_PRETTY: booleanFlag.default(false),
  NODE_ENV: z.string().optional(),
});

export interface Config {
  tenantId: string;
  apiClientId: string;
  apiClientSecret: string;
  spaClientId: string;
  apiAudiences: string[];
  authorityHost: string;
  /** `${authorityHost}/${tenantId}`: what MSAL (node and browser) is given as `authority`. */
  authority: string;
  oidcMetadataUrl: string;
  graphBaseUrl: string;
  /** Writes Graph's applications service allows this app per window (Intune: 100 per 20 s). */
  appWriteBudget: { writes: number; windowSeconds: number };
  tenantKind: "simulator" | "entra";
  webOrigin: string | undefined;
  host: string;
  port: number;
  /** How long a request's headers, and the whole request, may take to arrive. */
  requestTimeouts: { headersMs: number; requestMs: number };
  /** Open event streams one user may hold; a new one closes their oldest. */
  eventStreamsPerUser: number;
  /** Express's "trust proxy" setting; undefined trusts none. */
  trustProxy: number | string | undefined;
  spaDistDir: string | undefined;
  dataDir: string;
  /** Postgres connection string for the journal; undefined = SQLite in `dataDir`. */
  databaseUrl: string | undefined;
  /** Days finished actions are kept; undefined = forever. */
  journalRetentionDays: number | undefined;
  /** Who may read `GET /metrics`. */
  metricsAccess: MetricsAccess;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  logPretty: boolean;
  /** Stack traces appear in problem responses only in development. */
  isDevelopment: boolean;
}

/** Thrown when the environment is unusable; the message names every bad variable. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
  }
}

/** Parses an environment (a plain record, so tests can pass their own) into a `Config`. */
export const parseConfig = (env: Record<string, string | undefined>): Config => {
  // Treat empty strings as unset, as shells and .env files produce them for "no value".
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ""),
  );
  const result = EnvSchema.safeParse(present);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const variable = issue.path.join(".");
        return `${variable}: ${present[variable] === undefined ? "is required" : issue.message}`;
      }),
    );
  }
  const e = result.data;
  const apiAudiences =
    e.API_AUDIENCES === undefined
      ? [e.API_CLIENT_ID, `api://${e.API_CLIENT_ID}`]
      : e.API_AUDIENCES.split(",")
          .map((audience) => audience.trim())
          .filter((audience) => audience !== "");
  if (e.HEADERS_TIMEOUT_SECONDS > e.REQUEST_TIMEOUT_SECONDS) {
    throw new ConfigError([
      "HEADERS_TIMEOUT_SECONDS: must not be longer than REQUEST_TIMEOUT_SECONDS",
    ]);
  }
  if (e.METRICS_ACCESS === "bearer" && e.METRICS_TOKEN === undefined) {
    throw new ConfigError(["METRICS_TOKEN: is required when METRICS_ACCESS=bearer"]);
  }
  if (apiAudiences.length === 0) {
    throw new ConfigError(["API_AUDIENCES: must name at least one audience"]);
  }
  return {
    tenantId: e.TENANT_ID,
    apiClientId: e.API_CLIENT_ID,
    apiClientSecret: e.API_CLIENT_SECRET,
    spaClientId: e.SPA_CLIENT_ID,
    apiAudiences,
    authorityHost: e.AUTHORITY_HOST,
    authority: `${e.AUTHORITY_HOST}/${e.TENANT_ID}`,
    oidcMetadataUrl:
      e.OIDC_METADATA_URL ??
      `${e.AUTHORITY_HOST}/${e.TENANT_ID}/v2.0/.well-known/openid-configuration`,
    graphBaseUrl: e.GRAPH_BASE_URL,
    appWriteBudget: {
      writes: e.GRAPH_APP_WRITES_PER_WINDOW,
      windowSeconds: e.GRAPH_WRITE_WINDOW_SECONDS,
    },
    tenantKind: e.TENANT_KIND,
    webOrigin: e.WEB_ORIGIN,
    host: e.HOST,
    port: e.PORT,
    requestTimeouts: {
      headersMs: e.HEADERS_TIMEOUT_SECONDS * 1000,
      requestMs: e.REQUEST_TIMEOUT_SECONDS * 1000,
    },
    eventStreamsPerUser: e.EVENT_STREAMS_PER_USER,
    trustProxy:
      e.TRUST_PROXY === undefined
        ? undefined
        : /^\d+$/.test(e.TRUST_PROXY)
          ? Number(e.TRUST_PROXY)
          : e.TRUST_PROXY,
    spaDistDir: e.SPA_DIST_DIR,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    journalRetentionDays: e.JOURNAL_RETENTION_DAYS,
    metricsAccess:
      e.METRICS_ACCESS === "bearer"
        ? { mode: "bearer", token: e.METRICS_TOKEN ?? "" }
        : { mode: e.METRICS_ACCESS },
    logLevel: e.LOG_LEVEL,
    logPretty: e.LOG_PRETTY,
    isDevelopment: e.NODE_ENV === "development",
  };
};

/** The journal's settings alone, for tools run beside the BFF (`pnpm journal:backup`). */
export interface JournalSettings {
  dataDir: string;
  databaseUrl: string | undefined;
  /** Where the command was typed (pnpm's INIT_CWD): relative paths given to a tool start here. */
  invokedFrom: string;
}

export const loadJournalSettings = (
  env: Record<string, string | undefined> = process.env,
): JournalSettings => {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ""),
  );
  const result = EnvSchema.pick({ DATA_DIR: true, DATABASE_URL: true }).safeParse(present);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`),
    );
  }
  return {
    dataDir: result.data.DATA_DIR,
    databaseUrl: result.data.DATABASE_URL,
    invokedFrom: env.INIT_CWD ?? process.cwd(),
  };
};

/** The process's configuration, from `process.env`. */
export const loadConfig = (): Config => parseConfig(process.env);
