import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { demoTenant } from "@ihc/tenant-sim";
import { deployedNodeOptions } from "./deployed-node-options.js";

// IHC_BENCH_ROOT: measure another checkout's build (its built sim, BFF and SPA) with this bench.
const defaultRoot = process.env.IHC_BENCH_ROOT ?? fileURLToPath(new URL("../..", import.meta.url));

/**
 * The BFF runs with the Node options it is deployed with (the Dockerfile's); another set through
 * BENCH_BFF_NODE_OPTIONS (empty: V8 sizes the heap from this machine's memory).
 */
export const bffNodeOptions = (root = defaultRoot): string =>
  process.env.BENCH_BFF_NODE_OPTIONS ?? deployedNodeOptions(root);

export const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => {
        resolve(port);
      });
    });
  });

const waitFor = async (url: string, timeoutMs = 30_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not come up`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

const running = new Set<ChildProcess>();

/** Stops every simulator and BFF still running (a scenario that timed out leaves its stack). */
export const stopAllStacks = (): void => {
  for (const child of running) child.kill("SIGTERM");
  running.clear();
};

export interface LoopbackStackOptions {
  /** Extra simulator CLI flags, e.g. `["--size", "large"]`. */
  simArgs?: string[];
  /** Extra BFF environment, e.g. the write budget. */
  bffEnv?: Record<string, string>;
  /** Serve the built SPA (apps/web/dist) from the BFF at `webOrigin`, as in production. */
  web?: boolean;
  /** The checkout whose built simulator, BFF and SPA run (default: IHC_BENCH_ROOT, else this one). */
  root?: string;
}

export interface LoopbackStack {
  simUrl: string;
  bffUrl: string;
  /** The SPA's origin when `web` is set (`http://localhost:<bff port>`, as the e2e stack). */
  webOrigin: string;
  /** The BFF's DATA_DIR (its SQLite store). */
  dataDir: string;
  bff: ChildProcess;
  mintToken(account: string, claims?: Record<string, unknown>): Promise<string>;
  sim<T>(method: string, path: string, body?: unknown): Promise<T>;
  close(): void;
}

export interface BffProcessOptions {
  /** The checkout whose built BFF (and SPA, with `web`) runs. */
  root: string;
  simUrl: string;
  bffPort: number;
  bffEnv?: Record<string, string>;
  web?: boolean;
}

/**
 * One built BFF against a running simulator, in a data directory of its own; resolves once it
 * answers /api/health. The overhead scenario starts a second one from another checkout with it
 * (BENCH_BFF_COMPARE).
 */
export const startBff = async ({
  root,
  simUrl,
  bffPort,
  bffEnv = {},
  web = false,
}: BffProcessOptions): Promise<{ bff: ChildProcess; dataDir: string }> => {
  const bffUrl = `http://127.0.0.1:${bffPort}`;
  const webOrigin = `http://localhost:${bffPort}`;
  // BENCH_BFF_CPU_PROF=<dir>: the BFF writes a V8 CPU profile there when it stops (issue #19).
  const profileDir = process.env.BENCH_BFF_CPU_PROF;
  const profile = profileDir ? ["--cpu-prof", "--cpu-prof-dir", profileDir] : [];
  const dataDir = await mkdtemp(join(tmpdir(), "ihc-bench-"));
  const bff = spawn(process.execPath, [...profile, "apps/bff/dist/server.js"], {
    cwd: root,
    stdio: "ignore",
    env: {
      ...process.env,
      TENANT_ID: demoTenant.tenantId,
      API_CLIENT_ID: demoTenant.api.clientId,
      API_CLIENT_SECRET: demoTenant.api.clientSecret,
      SPA_CLIENT_ID: demoTenant.spa.clientId,
      AUTHORITY_HOST: "https://login.simulator.invalid",
      OIDC_METADATA_URL: `${simUrl}/${demoTenant.tenantId}/v2.0/.well-known/openid-configuration`,
      GRAPH_BASE_URL: simUrl,
      TENANT_KIND: "simulator",
      PORT: String(bffPort),
      DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
      ...(web ? { WEB_ORIGIN: webOrigin, SPA_DIST_DIR: join(root, "apps/web/dist") } : {}),
      NODE_OPTIONS: bffNodeOptions(root),
      ...bffEnv,
    },
  });
  running.add(bff);
  await waitFor(`${bffUrl}/api/health`);
  return { bff, dataDir };
};

/** The built simulator and BFF as separate processes on loopback, as in production. */
export const startLoopbackStack = async ({
  simArgs = [],
  bffEnv = {},
  web = false,
  root = defaultRoot,
}: LoopbackStackOptions = {}): Promise<LoopbackStack> => {
  const simPort = await freePort();
  const bffPort = await freePort();
  const simUrl = `http://127.0.0.1:${simPort}`;
  const bffUrl = `http://127.0.0.1:${bffPort}`;
  const webOrigin = `http://localhost:${bffPort}`;
  const sim = spawn(
    process.execPath,
    [
      "packages/tenant-sim/dist/cli.js",
      "--port",
      String(simPort),
      "--public-url",
      simUrl,
      ...(web ? ["--spa-origin", webOrigin] : []),
      ...simArgs,
    ],
    { cwd: root, stdio: "ignore" },
  );
  running.add(sim);
  // A large tenant takes a while to generate.
  await waitFor(`${simUrl}/_sim/health`, 120_000);
  const { bff, dataDir } = await startBff({ root, simUrl, bffPort, bffEnv, web });
  const simCall = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${simUrl}${path}`, {
      method,
      headers: { "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return (text === "" ? undefined : JSON.parse(text)) as T;
  };
  return {
    simUrl,
    bffUrl,
    webOrigin,
    dataDir,
    bff,
    sim: simCall,
    mintToken: async (account, claims) =>
      (
        await simCall<{ token: string }>("POST", "/_sim/token", {
          account,
          ...(claims ? { claims } : {}),
        })
      ).token,
    close: () => {
      for (const child of [bff, sim]) {
        child.kill("SIGTERM");
        running.delete(child);
      }
    },
  };
};
