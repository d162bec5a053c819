import { fileURLToPath } from "node:url";
import {
  AssignedLicenseListSchema,
  IosVppAppListSchema,
  UserVppLicenseListSchema,
} from "@ihc/contracts";
import { demoAccounts } from "@ihc/tenant-sim";
import { startLoopbackStack, type LoopbackStack } from "../lib/loopback-stack.js";

/** Graph's side of one open of a user's VPP licenses (`GET /api/users/:id/vpp-licenses`). */
export interface ViewOpenCost {
  /** HTTP requests the simulator received (a `$batch` counts once). */
  httpRequests: number;
  /** Graph reads, each request inside a `$batch` counted (what Intune's limits count). */
  graphReads: number;
  ms: number;
}

export interface UserVppLicensesResult {
  apps: number;
  licensesShown: number;
  viewCacheSeconds: number;
  /** The agent's first open of this user. */
  cold: ViewOpenCost;
  /** The same agent again, within VIEW_CACHE_SECONDS (back from another tab or page). */
  warm: ViewOpenCost;
  /** Another agent, the same user: the cache is per caller, so this is cold again. */
  otherAgent: ViewOpenCost;
}

interface Received {
  path: string;
  /** Set on a request that arrived inside a `$batch` (the `$batch` itself is listed too). */
  batch: unknown;
}

const upnOf = (key: string): string => {
  const account = demoAccounts.find((a) => a.key === key);
  if (account === undefined) throw new Error(`no demo account ${key}`);
  return account.userPrincipalName;
};

const open = async (
  stack: LoopbackStack,
  token: string,
  userId: string,
): Promise<{ cost: ViewOpenCost; licenses: number; apps: number }> => {
  await stack.sim("DELETE", "/_sim/received");
  const t0 = performance.now();
  const response = await fetch(`${stack.bffUrl}/api/users/${userId}/vpp-licenses`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (response.status !== 200) throw new Error(`vpp-licenses: ${response.status}`);
  const view = UserVppLicenseListSchema.parse(await response.json());
  const ms = performance.now() - t0;
  const received = (await stack.sim<Received[]>("GET", "/_sim/received")).filter(
    (r) => r.path.startsWith("/v1.0/") || r.path.startsWith("/beta/"),
  );
  const batches = received.filter((r) => r.path.endsWith("/$batch")).length;
  const inner = received.filter((r) => r.batch !== null).length;
  return {
    cost: { httpRequests: received.length - inner, graphReads: received.length - batches, ms },
    licenses: view.items.length,
    apps: view.appsScanned,
  };
};

/**
 * Issue #19, 3: what opening a user's VPP licenses costs Graph, cold and warm. Graph has no
 * per-user view of VPP licenses, so a cold open reads the user, the VPP app list and every VPP
 * app's licenses filtered on the user (in `$batch`es of 20); the BFF keeps the view per caller
 * for VIEW_CACHE_SECONDS (ADR 0024), and the caller's own actions drop it.
 */
export const userVppLicenses = async (): Promise<UserVppLicensesResult> => {
  const stack = await startLoopbackStack();
  try {
    const agent = await stack.mintToken(upnOf("agent"));
    // A user who holds a user license of some VPP app.
    const get = async (path: string): Promise<unknown> =>
      (
        await fetch(`${stack.bffUrl}${path}`, { headers: { authorization: `Bearer ${agent}` } })
      ).json();
    let userId: string | undefined;
    for (const app of IosVppAppListSchema.parse(await get("/api/apps")).items) {
      const licenses = AssignedLicenseListSchema.parse(
        await get(`/api/apps/${app.id}/licenses?limit=50`),
      ).items;
      userId = licenses.find((l) => l.kind === "user")?.userId;
      if (userId !== undefined) break;
    }
    if (userId === undefined) throw new Error("no user license to open");
    const senior = await stack.mintToken(upnOf("senior"));
    const cold = await open(stack, agent, userId);
    const warm = await open(stack, agent, userId);
    const otherAgent = await open(stack, senior, userId);
    return {
      apps: cold.apps,
      licensesShown: cold.licenses,
      viewCacheSeconds: 30,
      cold: cold.cost,
      warm: warm.cost,
      otherAgent: otherAgent.cost,
    };
  } finally {
    stack.close();
  }
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await userVppLicenses(), null, 2));
}
