import { DEFAULT_EXPIRY_WARNING_DAYS } from "@ihc/contracts";
import { z } from "zod";
import { chooseApiCredential, type ApiCredential } from "./auth/api-credential.js";
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

const LOOPBACK_HOSTS = new Set(["localhost", "[::1]"]);

/** https anywhere; plain http only to this machine (a test's receiver). */
function isWebhookUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  if (url.username !== "" || url.password !== "") return false;
  if (url.protocol === "https:") return true;
  return (
    url.protocol === "http:" &&
    (LOOPBACK_HOSTS.has(url.hostname) || /^127(\.\d{1,3}){3}$/.test(url.hostname))
  );
}

const EnvSchema = z.object({
  TENANT_ID: guid,
  API_CLIENT_ID: guid,
  /** One API credential (auth/api-credential.ts): a secret, a certificate or an assertion file. */
  API_CLIENT_SECRET: z.string().min(1).optional(),
  API_CLIENT_CERTIFICATE_KEY_FILE: z.string().min(1).optional(),
  API_CLIENT_CERTIFICATE_THUMBPRINT: z.string().min(1).optional(),
  API_CLIENT_CERTIFICATE_FILE: z.string().min(1).optional(),
  API_CLIENT_ASSERTION_FILE: z.string().min(1).optional(),
  AZURE_FEDERATED_TOKEN_FILE: z.string().min(1).optional(),
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
  /**
   * Graph calls one user may cost per GRAPH_BUDGET_WINDOW_SECONDS, each route charged its
   * measured Graph cost (ADR 0024); the tenant's Graph reads are paced at
   * GRAPH_TENANT_READS_PER_SECOND, shared fairly between users, and a user's reads queue at most
   * GRAPH_READ_MAX_WAIT_SECONDS. VIEW_CACHE_SECONDS keeps expensive views per user (0: off).
   */
  GRAPH_BUDGET_PER_USER: z.coerce.number().int().min(1).max(1_000_000).default(600),
  GRAPH_BUDGET_WINDOW_SECONDS: z.coerce.number().positive().max(3600).default(60),
  GRAPH_TENANT_READS_PER_SECOND: z.coerce.number().positive().max(10_000).default(40),
  GRAPH_READ_MAX_WAIT_SECONDS: z.coerce.number().positive().max(600).default(10),
  VIEW_CACHE_SECONDS: z.coerce.number().min(0).max(3600).default(30),
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
  /** Requests one user may make per minute, one count across instances (user-rate-limit.ts). */
  REQUESTS_PER_USER_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
  /**
   * How long an action whose answer was lost (`unknown`) is shown "not visible yet" before no
   * trace of it in Graph proves it did not happen (issue #15): Intune shows some results minutes
   * late, so the default is 30 minutes.
   */
  ACTION_RECONCILE_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(1800),
  SPA_DIST_DIR: z.string().min(1).optional(),
  DATA_DIR: z.string().min(1).default(".data"),
  /**
   * Postgres for the action journal when several BFF instances share it (ADR 0018); unset, the
   * journal is the embedded SQLite file DATA_DIR/console.sqlite.
   */
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// or postgresql:// URL" })
    .optional(),
  /**
   * Redis, for several BFF instances (ADR 0020): events fan out to every instance, and the
   * per-user rate limit and the Graph write budget are shared. Unset: all of it is in-process.
   */
  REDIS_URL: z
    .url({ protocol: /^rediss?$/, error: "must be a redis:// or rediss:// URL" })
    .optional(),
  /** Every Redis key this BFF writes starts with this (one namespace per deployment or test). */
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[\w:.-]{1,64}$/, "must be 1-64 letters, digits, or _ : . -")
    .default("ihc:"),
  /**
   * With Redis: the key (32 bytes, base64) that encrypts the users' Graph tokens msal-node
   * caches there (AES-256-GCM, ADR 0020). Required with REDIS_URL; every instance needs the same.
   */
  TOKEN_CACHE_KEY: z
    .string()
    .refine(
      (value) => /^[A-Za-z0-9+/]+={0,2}$/.test(value) && Buffer.from(value, "base64").length === 32,
      "must be 32 bytes in base64 (openssl rand -base64 32)",
    )
    .optional(),
  /**
   * With Redis: how long a bulk revoke's lease outlives an instance that died; another
   * instance takes its work over after about this long (and at most twice it).
   */
  LEASE_SECONDS: z.coerce.number().min(1).max(600).default(15),
  /** Finished actions older than this are deleted; unset keeps every record. */
  JOURNAL_RETENTION_DAYS: z.coerce.number().int().min(1).max(36_500).optional(),
  /** VPP and enrollment tokens expiring within this many days show in the console's banner. */
  EXPIRY_WARNING_DAYS: z.coerce.number().int().min(1).max(365).default(DEFAULT_EXPIRY_WARNING_DAYS),
  /**
   * A Teams incoming webhook (or Workflows webhook) that gets one message a day per token of the
   * expiry banner (ADR 0033). https only; http only to a loopback address (tests). Its URL is a
   * secret: it is never logged, and a bad value is reported without it.
   */
  EXPIRY_WEBHOOK_URL: z
    .string()
    .refine(isWebhookUrl, "must be an https URL (http only to a loopback address, for tests)")
    .optional(),
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
  /** How the API registration authenticates to the token service. */
  apiCredential: ApiCredential;
  spaClientId: string;
  apiAudiences: string[];
  authorityHost: string;
  /** `${authorityHost}/${tenantId}`: what MSAL (node and browser) is given as `authority`. */
  authority: string;
  oidcMetadataUrl: string;
  graphBaseUrl: string;
  /** `<Graph host>/.default`: follows GRAPH_BASE_URL, so a national cloud's Graph gets its scope. */
  graphScope: string;
  /** Writes Graph's applications service allows this app per window (Intune: 100 per 20 s). */
  appWriteBudget: { writes: number; windowSeconds: number };
  /** Per-user Graph cost budget and the tenant's fair-shared read rate (ADR 0024). */
  graphBudget: {
    perUser: number;
    windowSeconds: number;
    tenantReadsPerSecond: number;
    readMaxWaitSeconds: number;
  };
  /** How long an expensive view is kept per user; 0 = not kept. */
  viewCacheSeconds: number;
  tenantKind: "simulator" | "entra";
  webOrigin: string | undefined;
  host: string;
  port: number;
  /** How long a request's headers, and the whole request, may take to arrive. */
  requestTimeouts: { headersMs: number; requestMs: number };
  /** Open event streams one user may hold; a new one closes their oldest. */
  eventStreamsPerUser: number;
  requestsPerUserPerMinute: number;
  /** ACTION_RECONCILE_WINDOW_SECONDS, in ms. */
  reconcileWindowMs: number;
  /** Express's "trust proxy" setting; undefined trusts none. */
  trustProxy: number | string | undefined;
  spaDistDir: string | undefined;
  dataDir: string;
  /** Postgres connection string for the journal; undefined = SQLite in `dataDir`. */
  databaseUrl: string | undefined;
  /** Redis for several instances (events, shared limits); undefined = in-process. */
  redis: { url: string; keyPrefix: string; tokenCacheKey: Buffer } | undefined;
  /** With Redis: lease time of a bulk revoke's sender (takeover after an instance dies). */
  leaseSeconds: number;
  /** Days finished actions are kept; undefined = forever. */
  journalRetentionDays: number | undefined;
  /** Days before expiry a token shows in the SPA's expiry banner (sent in `GET /api/me`). */
  expiryWarningDays: number;
  /** The daily expiry notice (ADR 0033): where it goes, and the console it links to. */
  expiryWebhook: { url: string; consoleOrigin: string } | undefined;
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
  const credential = chooseApiCredential(present);
  const credentialProblems = "problems" in credential ? credential.problems : [];
  if (!result.success) {
    throw new ConfigError([
      ...result.error.issues.map((issue) => {
        const variable = issue.path.join(".");
        return `${variable}: ${present[variable] === undefined ? "is required" : issue.message}`;
      }),
      ...credentialProblems,
    ]);
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
  if (e.REDIS_URL !== undefined && e.TOKEN_CACHE_KEY === undefined) {
    throw new ConfigError([
      "TOKEN_CACHE_KEY: is required when REDIS_URL is set (the Graph tokens cached in Redis are encrypted with it; openssl rand -base64 32)",
    ]);
  }
  if (e.EXPIRY_WEBHOOK_URL !== undefined && e.WEB_ORIGIN === undefined) {
    throw new ConfigError([
      "EXPIRY_WEBHOOK_URL: needs WEB_ORIGIN, the console's address its messages link to",
    ]);
  }
  if (apiAudiences.length === 0) {
    throw new ConfigError(["API_AUDIENCES: must name at least one audience"]);
  }
  if ("problems" in credential) throw new ConfigError(credential.problems);
  return {
    tenantId: e.TENANT_ID,
    apiClientId: e.API_CLIENT_ID,
    apiCredential: credential.credential,
    spaClientId: e.SPA_CLIENT_ID,
    apiAudiences,
    authorityHost: e.AUTHORITY_HOST,
    authority: `${e.AUTHORITY_HOST}/${e.TENANT_ID}`,
    oidcMetadataUrl:
      e.OIDC_METADATA_URL ??
      `${e.AUTHORITY_HOST}/${e.TENANT_ID}/v2.0/.well-known/openid-configuration`,
    graphBaseUrl: e.GRAPH_BASE_URL,
    graphScope: `${new URL(e.GRAPH_BASE_URL).origin}/.default`,
    appWriteBudget: {
      writes: e.GRAPH_APP_WRITES_PER_WINDOW,
      windowSeconds: e.GRAPH_WRITE_WINDOW_SECONDS,
    },
    graphBudget: {
      perUser: e.GRAPH_BUDGET_PER_USER,
      windowSeconds: e.GRAPH_BUDGET_WINDOW_SECONDS,
      tenantReadsPerSecond: e.GRAPH_TENANT_READS_PER_SECOND,
      readMaxWaitSeconds: e.GRAPH_READ_MAX_WAIT_SECONDS,
    },
    viewCacheSeconds: e.VIEW_CACHE_SECONDS,
    tenantKind: e.TENANT_KIND,
    webOrigin: e.WEB_ORIGIN,
    host: e.HOST,
    port: e.PORT,
    requestTimeouts: {
      headersMs: e.HEADERS_TIMEOUT_SECONDS * 1000,
      requestMs: e.REQUEST_TIMEOUT_SECONDS * 1000,
    },
    eventStreamsPerUser: e.EVENT_STREAMS_PER_USER,
    requestsPerUserPerMinute: e.REQUESTS_PER_USER_PER_MINUTE,
    reconcileWindowMs: e.ACTION_RECONCILE_WINDOW_SECONDS * 1000,
    trustProxy:
      e.TRUST_PROXY === undefined
        ? undefined
        : /^\d+$/.test(e.TRUST_PROXY)
          ? Number(e.TRUST_PROXY)
          : e.TRUST_PROXY,
    spaDistDir: e.SPA_DIST_DIR,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    redis:
      e.REDIS_URL === undefined
        ? undefined
        : {
            url: e.REDIS_URL,
            keyPrefix: e.REDIS_KEY_PREFIX,
            tokenCacheKey: Buffer.from(e.TOKEN_CACHE_KEY ?? "", "base64"),
          },
    leaseSeconds: e.LEASE_SECONDS,
    journalRetentionDays: e.JOURNAL_RETENTION_DAYS,
    expiryWarningDays: e.EXPIRY_WARNING_DAYS,
    expiryWebhook:
      e.EXPIRY_WEBHOOK_URL === undefined || e.WEB_ORIGIN === undefined
        ? undefined
        : { url: e.EXPIRY_WEBHOOK_URL, consoleOrigin: e.WEB_ORIGIN },
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
