import type { AddressInfo } from "node:net";
import { securityHeaderValues } from "../http/security-headers.js";
import { createHash } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  createSimulator,
  type DemoAccountKey,
  type MintTokenOptions,
  type Simulator,
  type TenantSize,
} from "@ihc/tenant-sim";
import type { DestinationStream } from "pino";
import { createApp, type AppDeps } from "../app.js";
import { parseConfig, type Config } from "../config.js";
import { createAppDeps, type CreateAppDepsOptions } from "../create-app-deps.js";
import { createHttpServer } from "../http/http-server.js";
import type { WatcherTuning } from "../actions/action-services.js";
import type { RetryPolicyOptions } from "../graph/middleware/retry-policy.js";
import type { UserRateLimitOptions } from "../http/user-rate-limit.js";
import { createLogger } from "../logger.js";
import { shutDown } from "../shutdown.js";

export type AccountKey = DemoAccountKey;

export const TEST_WEB_ORIGIN = "http://localhost:5173";

/** Every log line the BFF writes during a test, as text. */
export class LogCapture implements DestinationStream {
  readonly lines: string[] = [];
  write(chunk: string): void {
    for (const line of chunk.split("\n")) if (line !== "") this.lines.push(line);
  }
  get text(): string {
    return this.lines.join("\n");
  }
}

export interface StartStackOptions {
  /** Extra or overriding BFF environment variables. */
  env?: Record<string, string>;
  /** Defaults to fast backoff so retry tests do not sleep long (Retry-After is still honoured). */
  graphRetry?: Partial<RetryPolicyOptions>;
  rateLimit?: UserRateLimitOptions;
  /** Defaults to a fast poll so progress tests run in seconds. */
  watcherTuning?: WatcherTuning;
  /** Reuse a journal folder (a restart test); default a fresh temp folder. */
  dataDir?: string;
  /** The simulated tenant's size; default the simulator's (`demo`). */
  size?: TenantSize;
  /** A simulator another stack already runs (a second instance on one tenant); not closed here. */
  sim?: Simulator;
  /** The expiry notice's clock and timer (createAppDeps). */
  expiryNotices?: CreateAppDepsOptions["expiryNotices"];
}

export interface Stack {
  sim: Simulator;
  bffUrl: string;
  config: Config;
  deps: AppDeps;
  logs: LogCapture;
  /** An access token for the BFF's API, as the SPA would hold it. */
  tokenFor(account: AccountKey, options?: Omit<MintTokenOptions, "account">): Promise<string>;
  /** GET/POST to the BFF, with a bearer token when one is given. */
  fetch(path: string, init?: RequestInit & { token?: string }): Promise<Response>;
  /** What the simulator received on its Graph face (/v1.0, /beta), oldest first. */
  graphCalls(): ReturnType<Simulator["received"]>;
  close(): Promise<void>;
}

export const sha256Hex = (text: string): string => createHash("sha256").update(text).digest("hex");

/** The BFF's environment for a simulator, derived exactly as simulator.env is. */
export const bffEnvFor = (sim: Simulator): Record<string, string> => ({
  TENANT_ID: sim.tenantId,
  API_CLIENT_ID: sim.apps.api.clientId,
  API_CLIENT_SECRET: sim.apps.api.clientSecret,
  SPA_CLIENT_ID: sim.apps.spa.clientId,
  AUTHORITY_HOST: "https://login.simulator.invalid",
  OIDC_METADATA_URL: sim.metadataUrl,
  GRAPH_BASE_URL: sim.graphUrl,
  WEB_ORIGIN: TEST_WEB_ORIGIN,
  TENANT_KIND: "simulator",
});

/**
 * The simulator and the BFF, both on ephemeral loopback ports, wired exactly as server.ts
 * wires them (createAppDeps), with the BFF's env derived from the simulator like simulator.env.
 */
export const startStack = async (options: StartStackOptions = {}): Promise<Stack> => {
  const sim =
    options.sim ??
    (await createSimulator({
      host: "127.0.0.1",
      port: 0,
      spaOrigins: [TEST_WEB_ORIGIN],
      ...(options.size === undefined ? {} : { size: options.size }),
    }));
  const config = parseConfig({
    ...bffEnvFor(sim),
    PORT: "0",
    DATA_DIR: options.dataDir ?? (await mkdtemp(join(tmpdir(), "bff-journal-"))),
    LOG_LEVEL: "debug",
    // Suites send far more than a person would; the Graph budget's own tests set theirs.
    GRAPH_BUDGET_PER_USER: "1000000",
    ...options.env,
  });
  const logs = new LogCapture();
  const deps = await createAppDeps(config, {
    logger: createLogger(config, logs),
    version: "0.0.0-test",
    graphRetry: { baseDelayMs: 20, ...options.graphRetry },
    watcherTuning: { pollMs: 200, maxPollMs: 1000, maxBackoffMs: 1000, ...options.watcherTuning },
    ...(options.rateLimit === undefined ? {} : { rateLimit: options.rateLimit }),
    ...(options.expiryNotices === undefined ? {} : { expiryNotices: options.expiryNotices }),
  });
  const server = createHttpServer(
    createApp(deps),
    config.requestTimeouts,
    securityHeaderValues(deps.metadata),
  ).listen(0, "127.0.0.1");
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve).once("error", reject);
  });
  const { port } = server.address() as AddressInfo;
  const bffUrl = `http://127.0.0.1:${port}`;

  const isGraphPath = (path: string) => path.startsWith("/v1.0/") || path.startsWith("/beta/");

  return {
    sim,
    bffUrl,
    config,
    deps,
    logs,
    tokenFor: (account, mint = {}) => sim.mintToken({ account, ...mint }),
    fetch: (path, { token, headers, ...init } = {}) =>
      fetch(`${bffUrl}${path}`, {
        ...init,
        headers: {
          ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
          ...(headers as Record<string, string> | undefined),
        },
      }),
    graphCalls: () => sim.received().filter((call) => isGraphPath(call.path)),
    close: async () => {
      // As server.ts stops, with a short grace: a test's last requests are its own business.
      await shutDown(server, deps.actions, { graceMs: 1_000 });
      if (options.sim === undefined) await sim.close();
    },
  };
};
