import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { createControlRouter } from "./control/control-router.js";
import { MintTokenOptionsSchema, type MintTokenOptions } from "./control/mint-token-options.js";
import { FaultInjector } from "./faults/fault-injector.js";
import { FaultRulesSchema, type FaultRule } from "./faults/fault-rule.js";
import { ScenarioPatchSchema, ScenarioState, type Scenario } from "./faults/scenario.js";
import { Throttler, ThrottlingPatchSchema, type ThrottlingPatch } from "./faults/throttling.js";
import { createGraphRouter } from "./graph/graph-router.js";
import { ReceivedLog } from "./graph/received-log.js";
import { AuthCodeStore } from "./identity/auth-code-store.js";
import { createIdentityRouter } from "./identity/identity-router.js";
import { KeyStore } from "./identity/key-store.js";
import { RefreshTokenStore } from "./identity/refresh-token-store.js";
import { TokenIssuer } from "./identity/token-issuer.js";
import { mintToken } from "./identity/token-minter.js";
import { WorkloadIssuer } from "./identity/workload-issuer.js";
import { requestLogger } from "./request-logger.js";
import { resetTenant } from "./tenant-reset.js";
import { checkInDevice } from "./store/device-check-in.js";
import { demoAccounts, demoTenant } from "./seed/demo-tenant.js";
import type { Simulator, SimulatorApps, SimulatorOptions } from "./simulator.js";
import type { SimulatorContext } from "./simulator-context.js";
import { TenantStore } from "./store/tenant-store.js";
import { VppTimingPatchSchema, VppTimingState, type VppTiming } from "./store/vpp-timing.js";

/** Starts the tenant simulator: Entra ID, Microsoft Graph and the /_sim control API. */
export async function createSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const spaOrigins = (options.spaOrigins ?? ["http://localhost:5173"]).map(
    (o) => new URL(o).origin,
  );
  if (
    options.publicUrl !== undefined &&
    new URL(options.publicUrl).pathname.replace(/\/+$/, "") !== ""
  ) {
    // MSAL reads the tenant from the first path segment of authorization_endpoint.
    throw new Error(`publicUrl must be an origin without a path, got ${options.publicUrl}`);
  }
  // Keys first: once the port is bound, the app is built without awaiting anything, so no
  // request can arrive before it is ready.
  const keys = await KeyStore.create();
  // The tenant too: a large one takes seconds to generate, and the port should not be open
  // (answering 503) all that time.
  const size = options.size ?? "demo";
  const store = new TenantStore({ seed: options.seed ?? 1, size });
  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => {
    res.writeHead(503, { "Retry-After": "1" }).end();
  };
  const server = createServer((req, res) => {
    handler(req, res);
  });
  // Idle keep-alive connections stay open longer than its clients keep them (Node's 5 s
  // default would close one just as a test's client reuses it: ECONNRESET on a request that
  // never arrived, seen twice in e2e). Graph's own front door keeps them longer than that too.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const host = options.host ?? "127.0.0.1";
  await listen(server, options.port ?? 4010, host);
  const { port } = server.address() as AddressInfo;

  const shutdown = new AbortController();
  try {
    const url = (options.publicUrl ?? `http://localhost:${port}`).replace(/\/+$/, "");
    const tenantId = demoTenant.tenantId;
    const issuer = `${url}/${tenantId}/v2.0`;
    const ctx: SimulatorContext = {
      url,
      tenantId,
      issuer,
      spaOrigins,
      keys,
      workloadIssuer: new WorkloadIssuer(url),
      tokens: new TokenIssuer({ tenantId, issuer, v1Issuer: `${url}/${tenantId}/`, keys }),
      seed: options.seed ?? 1,
      size,
      store,
      timing: new VppTimingState(),
      throttling: new Throttler(),
      profile: options.profile ?? "demo",
      scenario: new ScenarioState(options.profile ?? "demo", options.timeScale),
      faults: new FaultInjector(),
      received: new ReceivedLog(),
      codes: new AuthCodeStore(),
      refreshTokens: new RefreshTokenStore(),
      loopbackUrl: loopbackUrl(host, port),
      batchSecret: randomUUID(),
      shutdown: shutdown.signal,
    };
    handler = createApp(ctx, options.log);
    return simulatorHandle(ctx, () => close(server, shutdown));
  } catch (error) {
    await close(server, shutdown);
    throw error;
  }
}

function createApp(
  ctx: SimulatorContext,
  log: ((line: string) => void) | undefined,
): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false);
  if (log !== undefined) app.use(requestLogger(log));
  app.use("/_sim", createControlRouter(ctx));
  app.use("/workload-issuer", ctx.workloadIssuer.router());
  const graph = createGraphRouter(ctx);
  app.use("/v1.0", graph);
  app.use("/beta", graph);
  app.use(createIdentityRouter(ctx));
  app.use((_req, res) => {
    res.status(404).json({ error: "not_found", message: "The tenant simulator has nothing here." });
  });
  return app;
}

function simulatorHandle(ctx: SimulatorContext, closeServer: () => Promise<void>): Simulator {
  const apps: SimulatorApps = {
    spa: { clientId: demoTenant.spa.clientId, displayName: demoTenant.spa.displayName },
    api: {
      clientId: demoTenant.api.clientId,
      displayName: demoTenant.api.displayName,
      clientSecret: demoTenant.api.clientSecret,
      identifierUri: demoTenant.api.identifierUri,
      scope: `${demoTenant.api.identifierUri}/${demoTenant.api.scope}`,
      graphScopes: demoTenant.api.graphScopes,
    },
  };
  let closing: Promise<void> | undefined;
  return {
    url: ctx.url,
    tenantId: ctx.tenantId,
    issuer: ctx.issuer,
    metadataUrl: `${ctx.issuer}/.well-known/openid-configuration`,
    graphUrl: ctx.url,
    apps,
    accounts: demoAccounts,
    size: ctx.size,
    profile: ctx.profile,
    scenario: () => ({ ...ctx.scenario.get() }),
    rotateSigningKey: (options = {}) => ctx.keys.rotate(options),
    checkInDevice: (id: string) => checkInDevice(ctx, id),
    mintToken: (options: MintTokenOptions) => mintToken(ctx, MintTokenOptionsSchema.parse(options)),
    mintWorkloadToken: (options = {}) => ctx.workloadIssuer.mint(options),
    received: () => ctx.received.list(),
    clearReceived: () => {
      ctx.received.clear();
    },
    setFaults: (faults: FaultRule[]) => {
      ctx.faults.set(FaultRulesSchema.parse(faults));
    },
    clearFaults: () => {
      ctx.faults.clear();
    },
    setScenario: (scenario: Partial<Scenario>) => {
      const patch = ScenarioPatchSchema.parse(scenario);
      ctx.scenario.update(
        Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
      );
    },
    resetScenario: () => {
      ctx.scenario.reset();
    },
    setThrottling: (patch: ThrottlingPatch) => {
      ctx.throttling.update(ThrottlingPatchSchema.parse(patch));
    },
    throttling: () => ctx.throttling.get(),
    resetThrottling: () => {
      ctx.throttling.reset();
    },
    setTiming: (timing: Partial<VppTiming>) => {
      const patch = VppTimingPatchSchema.parse(timing);
      ctx.timing.update(
        Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
      );
    },
    timing: () => ({ ...ctx.timing.get() }),
    resetTiming: () => {
      ctx.timing.reset();
    },
    resetTenant: () => {
      resetTenant(ctx);
    },
    close: () => (closing ??= closeServer()),
  };
}

function loopbackUrl(host: string, port: number): string {
  const reachable = host === "0.0.0.0" ? "127.0.0.1" : host === "::" ? "::1" : host;
  return `http://${reachable.includes(":") ? `[${reachable}]` : reachable}:${port}`;
}

function listen(
  server: ReturnType<typeof createServer>,
  port: number,
  host: string,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => {
      reject(
        new Error(`The tenant simulator could not listen on ${host}:${port}: ${error.message}`, {
          cause: error,
        }),
      );
    };
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolve();
    });
  });
}

function close(server: ReturnType<typeof createServer>, shutdown: AbortController): Promise<void> {
  shutdown.abort();
  return new Promise((resolve) => {
    server.close(() => {
      resolve();
    });
    // Keep-alive connections would hold close() open; the simulator owns them all.
    server.closeAllConnections();
  });
}
