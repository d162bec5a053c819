import { randomUUID } from "node:crypto";
import {
  ActionRecordSchema,
  AssignedLicenseListSchema,
  type ActionRecord,
  type AssignedLicense,
  type LicenseRef,
} from "@ihc/contracts";
import { seededIds } from "@ihc/tenant-sim";
import { startLoopbackStack } from "../lib/loopback-stack.js";
import { sleep } from "../lib/measure.js";

export interface BulkRevokeResult {
  licenses: number;
  writesPerWindow: number;
  windowSeconds: number;
  /** M/N × W: the time Intune's limit allows at best. */
  floorSeconds: number;
  /** The action record's createdAt → completedAt. */
  seconds: number;
  timeOverFloor: number;
  state: string;
  succeeded: number;
  throttled429: number;
  /** Licenses never revoked (no 2xx revoke seen by Graph). */
  lost: number;
  /** Licenses Graph revoked more than once. */
  doubled: number;
}

interface Received {
  method: string;
  path: string;
  status: number | string;
  body: unknown;
}

const app = seededIds.iosVppApps.eduExplainEverything;
const LICENSES = 200;
// Intune's limit is 100 writes per 20 s per app; scaled by ten on both sides, as in ADR 0008.
const WRITES = 20;
const WINDOW_SECONDS = 2;

const refOf = (license: AssignedLicense): LicenseRef =>
  license.kind === "device"
    ? { kind: "device", managedDeviceId: license.managedDeviceId ?? "" }
    : { kind: "user", userId: license.userId ?? "" };

/**
 * A bulk revoke of M licenses (`POST /api/apps/:id/revoke-licenses`) with the simulator at
 * Intune's write limit for the applications service and the BFF's write budget set to the same
 * limit. Every revoke the simulator answered 2xx is counted per license: each must be exactly one.
 */
export const bulkRevokeThrottled = async (): Promise<BulkRevokeResult> => {
  const stack = await startLoopbackStack({
    bffEnv: {
      GRAPH_APP_WRITES_PER_WINDOW: String(WRITES),
      GRAPH_WRITE_WINDOW_SECONDS: String(WINDOW_SECONDS),
    },
  });
  try {
    await stack.sim("PUT", "/_sim/throttling", {
      service: "applications",
      writes: WRITES,
      windowSeconds: WINDOW_SECONDS,
    });
    const auth = { authorization: `Bearer ${await stack.mintToken("agent")}` };
    const page = AssignedLicenseListSchema.parse(
      await (
        await fetch(`${stack.bffUrl}/api/apps/${app}/licenses?limit=${LICENSES}`, { headers: auth })
      ).json(),
    );
    const licenses = page.items.slice(0, LICENSES).map(refOf);
    if (licenses.length < LICENSES) throw new Error(`only ${licenses.length} licenses`);

    await stack.sim("DELETE", "/_sim/received");
    const response = await fetch(`${stack.bffUrl}/api/apps/${app}/revoke-licenses`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json", "idempotency-key": randomUUID() },
      body: JSON.stringify({ licenses, notifyManagedDevices: false, reason: "pnpm bench" }),
    });
    if (response.status !== 202) throw new Error(`revoke-licenses: ${response.status}`);
    let record = ActionRecordSchema.parse(await response.json());
    const deadline = Date.now() + 120_000;
    const read = async (id: string): Promise<ActionRecord> =>
      ActionRecordSchema.parse(
        await (await fetch(`${stack.bffUrl}/api/actions/${id}`, { headers: auth })).json(),
      );
    while (record.completedAt === undefined && Date.now() < deadline) {
      await sleep(100);
      record = await read(record.id);
    }
    if (record.completedAt === undefined)
      throw new Error("the bulk revoke did not finish in 120 s");

    const received = await stack.sim<Received[]>("GET", "/_sim/received");
    const applied = new Map<string, number>();
    for (const call of received) {
      if (call.method !== "POST" || typeof call.status !== "number") continue;
      if (call.status < 200 || call.status >= 300) continue;
      const body = call.body as { userId?: string; managedDeviceId?: string } | null;
      const key = call.path.endsWith("/revokeUserLicense")
        ? `user:${body?.userId ?? ""}`
        : call.path.endsWith("/revokeDeviceLicense")
          ? `device:${body?.managedDeviceId ?? ""}`
          : undefined;
      if (key !== undefined)
        applied.set(key.toLowerCase(), (applied.get(key.toLowerCase()) ?? 0) + 1);
    }
    const keys = licenses.map((l) =>
      (l.kind === "user" ? `user:${l.userId}` : `device:${l.managedDeviceId}`).toLowerCase(),
    );
    const floorSeconds = (LICENSES / WRITES) * WINDOW_SECONDS;
    const seconds = (Date.parse(record.completedAt) - Date.parse(record.createdAt)) / 1000;
    return {
      licenses: LICENSES,
      writesPerWindow: WRITES,
      windowSeconds: WINDOW_SECONDS,
      floorSeconds,
      seconds,
      timeOverFloor: seconds / floorSeconds,
      state: record.state,
      succeeded: record.itemCounts?.succeeded ?? 0,
      throttled429: received.filter((r) => r.status === 429).length,
      lost: keys.filter((k) => (applied.get(k) ?? 0) === 0).length,
      doubled: keys.filter((k) => (applied.get(k) ?? 0) > 1).length,
    };
  } finally {
    stack.close();
  }
};
