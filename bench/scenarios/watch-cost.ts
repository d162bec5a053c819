import { randomUUID } from "node:crypto";
import { AssignedLicenseListSchema, IosVppAppListSchema } from "@ihc/contracts";
import { startLoopbackStack } from "../lib/loopback-stack.js";
import { sleep } from "../lib/measure.js";

export interface WatchCostResult {
  watched: number;
  windowSeconds: number;
  /** Graph requests the BFF made while only the watches ran, per minute. */
  requestsPerMinute: number;
  /** Intune's per-tenant limit for all apps, per minute (2,000 per 20 s). */
  tenantLimitPerMinute: number;
  shareOfTenantLimit: number;
}

/**
 * Intune applications service, "Any" request: 2,000 per 20 s per tenant for all apps (1,000 per
 * app per tenant). https://learn.microsoft.com/graph/throttling-limits#intune-applications-service-limits
 */
export const INTUNE_TENANT_REQUESTS_PER_20_S = 2_000;
const WATCHED = 10;
const WINDOW_SECONDS = 60;

interface Received {
  method: string;
  path: string;
}

/**
 * Ten single-license revokes on ten apps of the large tenant, with Intune's real timings (a revoke
 * runs for minutes, so every watch stays open): the Graph requests the BFF makes in the minute
 * after they were sent, as a share of Intune's per-tenant limit.
 */
export const watchCost = async (): Promise<WatchCostResult> => {
  const stack = await startLoopbackStack({ simArgs: ["--size", "large"] });
  try {
    await stack.sim("PUT", "/_sim/scenario", { realTimings: true, timeScale: 1 });
    const auth = { authorization: `Bearer ${await stack.mintToken("agent")}` };
    const get = async (path: string): Promise<unknown> =>
      (await fetch(`${stack.bffUrl}${path}`, { headers: auth })).json();
    const apps = IosVppAppListSchema.parse(await get("/api/apps")).items.filter(
      (app) => app.usedLicenseCount > 0,
    );
    const sends: { path: string; body: Record<string, unknown> }[] = [];
    for (const app of apps) {
      if (sends.length === WATCHED) break;
      const [license] = AssignedLicenseListSchema.parse(
        await get(`/api/apps/${app.id}/licenses?limit=1`),
      ).items;
      if (license === undefined) continue;
      sends.push(
        license.kind === "device"
          ? {
              path: `/api/apps/${app.id}/revoke-device-license`,
              body: { managedDeviceId: license.managedDeviceId, notifyManagedDevices: false },
            }
          : {
              path: `/api/apps/${app.id}/revoke-user-license`,
              body: { userId: license.userId, notifyManagedDevices: false },
            },
      );
    }
    if (sends.length < WATCHED) throw new Error(`only ${sends.length} licensed apps`);
    for (const send of sends) {
      const response = await fetch(`${stack.bffUrl}${send.path}`, {
        method: "POST",
        headers: { ...auth, "content-type": "application/json", "idempotency-key": randomUUID() },
        body: JSON.stringify({ ...send.body, reason: "pnpm bench" }),
      });
      if (response.status !== 202) throw new Error(`${send.path}: ${response.status}`);
    }
    await stack.sim("DELETE", "/_sim/received");
    await sleep(WINDOW_SECONDS * 1000);
    const received = await stack.sim<Received[]>("GET", "/_sim/received");
    const graph = received.filter(
      (r) => r.path.startsWith("/beta/") || r.path.startsWith("/v1.0/"),
    );
    const requestsPerMinute = (graph.length * 60) / WINDOW_SECONDS;
    const tenantLimitPerMinute = INTUNE_TENANT_REQUESTS_PER_20_S * 3;
    return {
      watched: WATCHED,
      windowSeconds: WINDOW_SECONDS,
      requestsPerMinute,
      tenantLimitPerMinute,
      shareOfTenantLimit: requestsPerMinute / tenantLimitPerMinute,
    };
  } finally {
    stack.close();
  }
};
