import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { demoTenant } from "@ihc/tenant-sim";

const root = fileURLToPath(new URL("../..", import.meta.url));

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

export interface LoopbackStack {
  simUrl: string;
  bffUrl: string;
  bff: ChildProcess;
  mintToken(account: string, claims?: Record<string, unknown>): Promise<string>;
  sim<T>(method: string, path: string, body?: unknown): Promise<T>;
  close(): void;
}

/** The built simulator and BFF as separate processes on loopback, as in production. */
export const startLoopbackStack = async (simArgs: string[] = []): Promise<LoopbackStack> => {
  const simPort = await freePort();
  const bffPort = await freePort();
  const simUrl = `http://127.0.0.1:${simPort}`;
  const bffUrl = `http://127.0.0.1:${bffPort}`;
  const sim = spawn(
    process.execPath,
    [
      "packages/tenant-sim/dist/cli.js",
      "--port",
      String(simPort),
      "--public-url",
      simUrl,
      ...simArgs,
    ],
    { cwd: root, stdio: "ignore" },
  );
  await waitFor(`${simUrl}/_sim/health`);
  const bff = spawn(process.execPath, ["apps/bff/dist/server.js"], {
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
      DATA_DIR: await mkdtemp(join(tmpdir(), "ihc-bench-")),
      LOG_LEVEL: "warn",
    },
  });
  await waitFor(`${bffUrl}/api/health`);
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
      bff.kill("SIGTERM");
      sim.kill("SIGTERM");
    },
  };
};

export const percentile = (values: number[], p: number): number => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
};
