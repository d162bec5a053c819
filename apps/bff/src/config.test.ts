import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./config.js";

const minimal = {
  TENANT_ID: "0b1a8c4e-5f3d-4e2a-9c1b-7d6e5f4a3b21",
  API_CLIENT_ID: "9c2d4e6f-8a1b-4c3d-b5e7-0f1a2b3c4d5e",
  API_CLIENT_SECRET: "secret",
  SPA_CLIENT_ID: "5e0c7a1d-2b3f-4c8e-9a6d-1f2e3d4c5b6a",
};

describe("parseConfig", () => {
  it("fills Entra ID defaults from the minimum", () => {
    const config = parseConfig(minimal);
    expect(config).toMatchObject({
      apiAudiences: [minimal.API_CLIENT_ID, `api://${minimal.API_CLIENT_ID}`],
      authority: `https://login.microsoftonline.com/${minimal.TENANT_ID}`,
      oidcMetadataUrl: `https://login.microsoftonline.com/${minimal.TENANT_ID}/v2.0/.well-known/openid-configuration`,
      graphBaseUrl: "https://graph.microsoft.com",
      tenantKind: "entra",
      host: "127.0.0.1",
      port: 3001,
      dataDir: ".data",
      logLevel: "info",
      logPretty: false,
      webOrigin: undefined,
      // Intune shows some results minutes late: a lost answer is "not visible yet" for 30 min.
      reconcileWindowMs: 30 * 60_000,
    });
    expect(
      parseConfig({ ...minimal, ACTION_RECONCILE_WINDOW_SECONDS: "5" }).reconcileWindowMs,
    ).toBe(5_000);
  });

  it("names every missing or invalid variable", () => {
    const attempt = () =>
      parseConfig({ TENANT_ID: "not-a-guid", AUTHORITY_HOST: "http://login.example", PORT: "x" });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const message = (error as ConfigError).message;
      for (const name of [
        "TENANT_ID",
        "API_CLIENT_ID",
        "API_CLIENT_SECRET",
        "SPA_CLIENT_ID",
        "AUTHORITY_HOST",
        "PORT",
      ]) {
        expect(message).toContain(name);
      }
      expect(message).toContain("API_CLIENT_SECRET: is required");
      expect(message).toContain("TENANT_ID: must be a GUID");
    }
  });

  it("rejects a WEB_ORIGIN with a path and splits API_AUDIENCES", () => {
    expect(() => parseConfig({ ...minimal, WEB_ORIGIN: "http://localhost:5173/app" })).toThrow(
      /WEB_ORIGIN/,
    );
    expect(
      parseConfig({ ...minimal, API_AUDIENCES: " a , b ,", LOG_PRETTY: "true" }),
    ).toMatchObject({ apiAudiences: ["a", "b"], logPretty: true });
  });

  it("takes Intune's app write limit by default, and a configured one", () => {
    expect(parseConfig(minimal).appWriteBudget).toEqual({ writes: 100, windowSeconds: 20 });
    expect(
      parseConfig({
        ...minimal,
        GRAPH_APP_WRITES_PER_WINDOW: "20",
        GRAPH_WRITE_WINDOW_SECONDS: "2",
      }).appWriteBudget,
    ).toEqual({ writes: 20, windowSeconds: 2 });
    expect(() => parseConfig({ ...minimal, GRAPH_APP_WRITES_PER_WINDOW: "0" })).toThrow(
      /GRAPH_APP_WRITES_PER_WINDOW/,
    );
  });

  it("reads the Graph cost budget, the tenant's read rate and the view cache (ADR 0024)", () => {
    const defaults = parseConfig(minimal);
    expect(defaults.graphBudget).toEqual({
      perUser: 600,
      windowSeconds: 60,
      tenantReadsPerSecond: 40,
      readMaxWaitSeconds: 10,
    });
    expect(defaults.viewCacheSeconds).toBe(30);
    const set = parseConfig({
      ...minimal,
      GRAPH_BUDGET_PER_USER: "100",
      GRAPH_BUDGET_WINDOW_SECONDS: "10",
      GRAPH_TENANT_READS_PER_SECOND: "5",
      GRAPH_READ_MAX_WAIT_SECONDS: "2",
      VIEW_CACHE_SECONDS: "0",
    });
    expect(set.graphBudget).toEqual({
      perUser: 100,
      windowSeconds: 10,
      tenantReadsPerSecond: 5,
      readMaxWaitSeconds: 2,
    });
    expect(set.viewCacheSeconds).toBe(0);
    for (const variable of [
      "GRAPH_BUDGET_PER_USER",
      "GRAPH_BUDGET_WINDOW_SECONDS",
      "GRAPH_TENANT_READS_PER_SECOND",
      "GRAPH_READ_MAX_WAIT_SECONDS",
    ]) {
      expect(() => parseConfig({ ...minimal, [variable]: "0" })).toThrow(new RegExp(variable));
    }
    expect(() => parseConfig({ ...minimal, VIEW_CACHE_SECONDS: "-1" })).toThrow(
      /VIEW_CACHE_SECONDS/,
    );
  });

  it("reads request deadlines and the trusted proxy, with safe defaults", () => {
    expect(parseConfig(minimal)).toMatchObject({
      requestTimeouts: { headersMs: 10_000, requestMs: 30_000 },
      trustProxy: undefined,
    });
    expect(
      parseConfig({
        ...minimal,
        REQUEST_TIMEOUT_SECONDS: "5",
        HEADERS_TIMEOUT_SECONDS: "2",
        TRUST_PROXY: "1",
      }),
    ).toMatchObject({ requestTimeouts: { headersMs: 2000, requestMs: 5000 }, trustProxy: 1 });
    expect(parseConfig({ ...minimal, TRUST_PROXY: "loopback, 10.0.0.0/8" }).trustProxy).toBe(
      "loopback, 10.0.0.0/8",
    );
    expect(() => parseConfig({ ...minimal, TRUST_PROXY: "true" })).toThrow(/TRUST_PROXY/);
    expect(() =>
      parseConfig({ ...minimal, REQUEST_TIMEOUT_SECONDS: "5", HEADERS_TIMEOUT_SECONDS: "6" }),
    ).toThrow(/HEADERS_TIMEOUT_SECONDS/);
    expect(() => parseConfig({ ...minimal, REQUEST_TIMEOUT_SECONDS: "0" })).toThrow(
      /REQUEST_TIMEOUT_SECONDS/,
    );
  });
  it("takes an https EXPIRY_WEBHOOK_URL (http only to loopback) with WEB_ORIGIN, and never echoes it", () => {
    const web = { ...minimal, WEB_ORIGIN: "https://console.contoso.example" };
    expect(parseConfig(web).expiryWebhook).toBeUndefined();
    const teams = "https://contoso.webhook.office.com/webhookb2/abc@def/IncomingWebhook/s3cr3t/x";
    expect(parseConfig({ ...web, EXPIRY_WEBHOOK_URL: teams }).expiryWebhook).toEqual({
      url: teams,
      consoleOrigin: "https://console.contoso.example",
    });
    for (const local of ["http://127.0.0.1:4000/hook", "http://localhost:9/x", "http://[::1]:9/"]) {
      expect(parseConfig({ ...web, EXPIRY_WEBHOOK_URL: local }).expiryWebhook?.url).toBe(local);
    }
    for (const bad of [
      "http://hooks.contoso.example/s3cr3t",
      "http://10.0.0.5/s3cr3t",
      "ftp://127.0.0.1/s3cr3t",
      "https://user:s3cr3t@hooks.example/",
      "not a url s3cr3t",
    ]) {
      const attempt = () => parseConfig({ ...web, EXPIRY_WEBHOOK_URL: bad });
      expect(attempt).toThrow(/EXPIRY_WEBHOOK_URL: must be an https URL/);
      expect(attempt).not.toThrow(/s3cr3t/);
    }
    expect(() => parseConfig({ ...minimal, EXPIRY_WEBHOOK_URL: teams })).toThrow(
      /EXPIRY_WEBHOOK_URL: needs WEB_ORIGIN/,
    );
  });

  it("reads the journal's settings: Postgres URL and retention days, both optional", () => {
    expect(parseConfig(minimal)).toMatchObject({
      databaseUrl: undefined,
      journalRetentionDays: undefined,
    });
    expect(
      parseConfig({
        ...minimal,
        DATABASE_URL: "postgres://bff@db.internal:5432/console",
        JOURNAL_RETENTION_DAYS: "90",
      }),
    ).toMatchObject({
      databaseUrl: "postgres://bff@db.internal:5432/console",
      journalRetentionDays: 90,
    });
    expect(() => parseConfig({ ...minimal, DATABASE_URL: "mysql://x/y" })).toThrow(/DATABASE_URL/);
    expect(() => parseConfig({ ...minimal, JOURNAL_RETENTION_DAYS: "0" })).toThrow(
      /JOURNAL_RETENTION_DAYS/,
    );
  });
  it("reads Redis's URL, key prefix and token cache key; without a URL everything stays in-process", () => {
    const tokenKey = Buffer.alloc(32, 7);
    const withKey = { ...minimal, TOKEN_CACHE_KEY: tokenKey.toString("base64") };
    expect(parseConfig(minimal).redis).toBeUndefined();
    expect(parseConfig(minimal).leaseSeconds).toBe(15);
    expect(parseConfig({ ...minimal, LEASE_SECONDS: "2" }).leaseSeconds).toBe(2);
    expect(() => parseConfig({ ...minimal, LEASE_SECONDS: "0" })).toThrow(/LEASE_SECONDS/);
    expect(parseConfig({ ...withKey, REDIS_URL: "redis://cache.internal:6379/2" }).redis).toEqual({
      url: "redis://cache.internal:6379/2",
      keyPrefix: "ihc:",
      tokenCacheKey: tokenKey,
    });
    expect(
      parseConfig({ ...withKey, REDIS_URL: "rediss://c:6380", REDIS_KEY_PREFIX: "console-a:" })
        .redis,
    ).toEqual({ url: "rediss://c:6380", keyPrefix: "console-a:", tokenCacheKey: tokenKey });
    expect(() => parseConfig({ ...withKey, REDIS_URL: "http://x" })).toThrow(/REDIS_URL/);
    expect(() =>
      parseConfig({ ...withKey, REDIS_URL: "redis://x", REDIS_KEY_PREFIX: "a b" }),
    ).toThrow(/REDIS_KEY_PREFIX/);
  });
  it("requires a 32-byte TOKEN_CACHE_KEY with Redis, and never echoes it", () => {
    expect(() => parseConfig({ ...minimal, REDIS_URL: "redis://x" })).toThrow(
      /TOKEN_CACHE_KEY: is required when REDIS_URL is set/,
    );
    const short = Buffer.alloc(16, 9).toString("base64");
    for (const bad of [short, "not base64!", `${Buffer.alloc(32, 9).toString("base64")}AAAA`]) {
      let message = "";
      try {
        parseConfig({ ...minimal, REDIS_URL: "redis://x", TOKEN_CACHE_KEY: bad });
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/TOKEN_CACHE_KEY: must be 32 bytes in base64/);
      expect(message).not.toContain(bad);
    }
  });
});

describe("parseConfig: the API credential and the cloud", () => {
  const { API_CLIENT_SECRET: _secret, ...noCredential } = minimal;

  it("takes exactly one credential: a secret, a certificate or a client assertion file", () => {
    expect(parseConfig(minimal).apiCredential).toEqual({ kind: "secret", secret: "secret" });
    expect(
      parseConfig({
        ...noCredential,
        API_CLIENT_CERTIFICATE_KEY_FILE: "/run/secrets/bff.key",
        API_CLIENT_CERTIFICATE_THUMBPRINT: "AB:".repeat(31) + "AB",
      }).apiCredential,
    ).toEqual({
      kind: "certificate",
      privateKeyFile: "/run/secrets/bff.key",
      thumbprint: "ab".repeat(32),
      certificateFile: undefined,
    });
    expect(
      parseConfig({ ...noCredential, API_CLIENT_ASSERTION_FILE: "/var/run/token" }).apiCredential,
    ).toEqual({ kind: "assertion", assertionFile: "/var/run/token" });
    // What AKS workload identity and Container Apps set, used when nothing else is.
    expect(
      parseConfig({ ...noCredential, AZURE_FEDERATED_TOKEN_FILE: "/var/run/azure/token" })
        .apiCredential,
    ).toEqual({ kind: "assertion", assertionFile: "/var/run/azure/token" });
    expect(
      parseConfig({ ...minimal, AZURE_FEDERATED_TOKEN_FILE: "/var/run/azure/token" }).apiCredential
        .kind,
    ).toBe("secret");
  });

  it.each([
    ["none", noCredential, /API_CLIENT_SECRET: is required, or API_CLIENT_CERTIFICATE_KEY_FILE/],
    [
      "two",
      { ...minimal, API_CLIENT_ASSERTION_FILE: "/var/run/token" },
      /API_CLIENT_SECRET, API_CLIENT_ASSERTION_FILE: set only one API credential/,
    ],
    [
      "a certificate without its thumbprint",
      { ...noCredential, API_CLIENT_CERTIFICATE_KEY_FILE: "/k.pem" },
      /API_CLIENT_CERTIFICATE_THUMBPRINT: is required with a certificate/,
    ],
    [
      "a thumbprint that is no hash",
      {
        ...noCredential,
        API_CLIENT_CERTIFICATE_KEY_FILE: "/k.pem",
        API_CLIENT_CERTIFICATE_THUMBPRINT: "xyz",
      },
      /SHA-256 \(64 hex digits\) or SHA-1 \(40\)/,
    ],
  ])("stops the start with a clear error for %s", (_name, env, message) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(message);
  });

  it.each([
    ["global Azure (default)", undefined, "https://graph.microsoft.com/.default"],
    [
      "US Government L4 (GCC High)",
      "https://graph.microsoft.us",
      "https://graph.microsoft.us/.default",
    ],
    [
      "US Government L5 (DoD)",
      "https://dod-graph.microsoft.us",
      "https://dod-graph.microsoft.us/.default",
    ],
    [
      "China (21Vianet)",
      "https://microsoftgraph.chinacloudapi.cn/",
      "https://microsoftgraph.chinacloudapi.cn/.default",
    ],
  ])("derives the Graph scope from GRAPH_BASE_URL: %s", (_name, graphBaseUrl, scope) => {
    const config = parseConfig({
      ...minimal,
      ...(graphBaseUrl === undefined ? {} : { GRAPH_BASE_URL: graphBaseUrl }),
    });
    expect(config.graphScope).toBe(scope);
  });
});
