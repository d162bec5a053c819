import { randomUUID } from "node:crypto";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  ActionRecordSchema,
  AssignedLicenseListSchema,
  type ActionRecord,
  type AssignedLicense,
  type LicenseRef,
} from "@ihc/contracts";
import { largeTenantIosVppAppSeeds, seededIds } from "@ihc/tenant-sim";
import { MAX_BULK_LICENSES } from "@ihc/contracts";
import { startLoopbackStack } from "../lib/loopback-stack.js";
import { rssMb, sleep } from "../lib/measure.js";
import { openSse } from "../lib/sse-client.js";

export interface BulkRevokeResult {
  licenses: number;
  /** Bulk requests, one after the other (at most MAX_BULK_LICENSES each, one running per app). */
  requests: number;
  writesPerWindow: number;
  windowSeconds: number;
  /** M/N × W: the time Intune's limit allows at best. */
  floorSeconds: number;
  /** The first request's createdAt → the last one's completedAt (Intune's confirmations included). */
  seconds: number;
  timeOverFloor: number;
  state: string;
  succeeded: number;
  throttled429: number;
  /** Graph reads the BFF made while the run lasted (settling items from the licenses Intune lists). */
  graphReads: number;
  /** Licenses never revoked (no 2xx revoke seen by Graph). */
  lost: number;
  /** Licenses Graph revoked more than once. */
  doubled: number;
  /**
   * BFF resident memory sampled every 500 ms: when a tenth of the floor had passed, halfway
   * through the run, peak, end. Memory that follows the items grows from halfway to the end as
   * it did before; a heap that has found its size does not.
   */
  rssEarlyMb: number;
  rssHalfwayMb: number;
  rssPeakMb: number;
  rssEndMb: number;
  /** Growth of the BFF's data folder per license, weighed after a clean stop (WAL checkpointed). */
  journalBytesPerItem: number;
}

export interface BulkRevokeOptions {
  licenses: number;
  /** The simulator's and the BFF's write limit per app: writes per window. */
  writes: number;
  windowSeconds: number;
  /** The 50,000-user tenant and its 20,000-license app, for runs beyond the demo's apps. */
  large?: boolean;
}

/** The data folder's files, without SQLite's shared-memory index (`-shm`, not data). */
const folderBytes = (dir: string): number =>
  readdirSync(dir).reduce((sum, name) => {
    const stat = statSync(join(dir, name));
    return sum + (stat.isFile() && !name.endsWith("-shm") ? stat.size : 0);
  }, 0);

interface Received {
  at: string;
  method: string;
  path: string;
  status: number | string;
  body: unknown;
}

/** Intune's limit is 100 writes per 20 s per app; scaled by ten on both sides, as in ADR 0008. */
export const DEFAULT_BULK: BulkRevokeOptions = { licenses: 200, writes: 20, windowSeconds: 2 };
/**
 * 10,000 licenses of the large tenant's 20,000-license app at Intune's own 20 s window with ten
 * times its writes (floor 200 s): the budget returns a write's token one window after its
 * answer, so a 2 s window would add the answer's time ten times over (issue #19).
 */
export const LARGE_BULK: BulkRevokeOptions = {
  licenses: 10_000,
  writes: 1_000,
  windowSeconds: 20,
  large: true,
};
/** Both runs, with the large tenant's start: the floors are 20 s and 200 s. */
export const LARGE_BULK_TIMEOUT_MS = 420_000;

const refOf = (license: AssignedLicense): LicenseRef =>
  license.kind === "device"
    ? { kind: "device", managedDeviceId: license.managedDeviceId ?? "" }
    : { kind: "user", userId: license.userId ?? "" };

/**
 * A bulk revoke of M licenses (`POST /api/apps/:id/revoke-licenses`, in requests of at most
 * MAX_BULK_LICENSES, each sent the moment the previous one ended: one bulk runs per app at a
 * time) with the simulator at Intune's write limit for the applications service and the BFF's
 * write budget set to the same limit. Every revoke the simulator answered 2xx is counted per license: each must be
 * exactly one. The BFF's memory is sampled throughout, and its data folder weighed before and after.
 */
export const bulkRevokeThrottled = async ({
  licenses: count,
  writes,
  windowSeconds,
  large = false,
}: BulkRevokeOptions = DEFAULT_BULK): Promise<BulkRevokeResult> => {
  const app = large ? largeTenantIosVppAppSeeds.edge.id : seededIds.iosVppApps.eduExplainEverything;
  const stack = await startLoopbackStack({
    simArgs: large ? ["--size", "large"] : [],
    bffEnv: {
      GRAPH_APP_WRITES_PER_WINDOW: String(writes),
      GRAPH_WRITE_WINDOW_SECONDS: String(windowSeconds),
    },
  });
  try {
    // Intune's other limits of the applications service kept in proportion to the writes per
    // app (per window: 100 writes per app, 200 per tenant, 1,000 requests of any kind per app,
    // 2,000 per tenant), so that the per-app write limit is the one that binds.
    await stack.sim("PUT", "/_sim/throttling", {
      service: "applications",
      writes,
      tenantWrites: writes * 2,
      requests: writes * 10,
      tenantRequests: writes * 20,
      windowSeconds,
    });
    // A fresh token every minute, as the SPA renews its own: the BFF sends an agent's bulk items
    // only while it holds a token of theirs with more than a minute left.
    let token = { value: "", at: 0 };
    const authOf = async () => {
      if (Date.now() - token.at > 60_000)
        token = { value: await stack.mintToken("agent"), at: Date.now() };
      return { authorization: `Bearer ${token.value}` };
    };
    const auth = await authOf();
    const licenses: LicenseRef[] = [];
    for (
      let cursor: string | undefined, first = true;
      first || cursor !== undefined;
      first = false
    ) {
      const query = cursor === undefined ? `limit=999` : `cursor=${cursor}`;
      const page = AssignedLicenseListSchema.parse(
        await (
          await fetch(`${stack.bffUrl}/api/apps/${app}/licenses?${query}`, { headers: auth })
        ).json(),
      );
      // A license Graph lists without its user or device cannot be revoked by id (the console
      // does not offer it either).
      licenses.push(
        ...page.items
          .filter((l) => (l.kind === "device" ? l.managedDeviceId : l.userId) !== undefined)
          .map(refOf),
      );
      cursor = licenses.length >= count ? undefined : page.cursor;
    }
    licenses.length = Math.min(licenses.length, count);
    if (licenses.length < count) throw new Error(`only ${licenses.length} licenses`);

    await stack.sim("DELETE", "/_sim/received");
    const bytesBefore = folderBytes(stack.dataDir);
    const floorSeconds = (count / writes) * windowSeconds;
    const rss: { at: number; mb: number }[] = [];
    const t0 = Date.now();
    const sampler = setInterval(() => {
      rss.push({ at: Date.now() - t0, mb: rssMb(stack.bff.pid) });
    }, 500);
    const chunks: LicenseRef[][] = [];
    for (let i = 0; i < licenses.length; i += MAX_BULK_LICENSES)
      chunks.push(licenses.slice(i, i + MAX_BULK_LICENSES));
    const read = async (id: string): Promise<ActionRecord> =>
      ActionRecordSchema.parse(
        await (
          await fetch(`${stack.bffUrl}/api/actions/${id}`, { headers: await authOf() })
        ).json(),
      );
    // One bulk per app runs at a time (a second is refused with 409 while the first runs), so
    // each request is sent the moment the previous one has ended, as a script would.
    const deadline = Date.now() + Math.max(120_000, floorSeconds * 2_000);
    const records: ActionRecord[] = [];
    const received: Received[] = [];
    const events = await openSse(
      `${stack.bffUrl}/api/events`,
      (await authOf()).authorization.slice(7),
    );
    for (const chunk of chunks) {
      const response = await fetch(`${stack.bffUrl}/api/apps/${app}/revoke-licenses`, {
        method: "POST",
        headers: {
          ...(await authOf()),
          "content-type": "application/json",
          "idempotency-key": randomUUID(),
        },
        body: JSON.stringify({
          licenses: chunk,
          notifyManagedDevices: false,
          reason: "pnpm bench",
        }),
      });
      if (response.status !== 202)
        throw new Error(`revoke-licenses: ${response.status} ${await response.text()}`);
      let record = ActionRecordSchema.parse(await response.json());
      // Followed on the event stream, as the SPA follows it (polling the whole record of 1,000
      // items would weigh on the BFF being measured); read once when it has ended.
      const id = record.id;
      while (Date.now() < deadline) {
        const ended = events.received.some(
          ({ event }) =>
            (event.type === "action" || event.type === "action-items") &&
            event.action.id === id &&
            event.action.completedAt !== undefined,
        );
        if (ended) break;
        await sleep(50);
      }
      record = await read(id);
      records.push(record);
      // The simulator keeps its last 10,000 requests: collected after each request's run, while
      // nothing else is sent.
      received.push(...(await stack.sim<Received[]>("GET", "/_sim/received")));
      await stack.sim("DELETE", "/_sim/received");
      if (record.completedAt === undefined) break;
    }
    clearInterval(sampler);
    if (process.env.BENCH_RSS_SERIES)
      console.error(JSON.stringify(rss.map((r) => [Math.round(r.at / 1000), Math.round(r.mb)])));
    events.close();
    if (records.some((r) => r.completedAt === undefined))
      throw new Error(
        `the bulk revoke did not finish in ${(deadline - t0) / 1000} s: ${records.length - 1} of ${chunks.length} requests ended, the last at ${JSON.stringify(records.at(-1)?.itemCounts)}`,
      );
    // Stopped cleanly, the BFF checkpoints its WAL into the database file and removes it: what
    // is left is what the run stored, not the WAL's reusable space.
    const exited = new Promise((resolve) => stack.bff.once("exit", resolve));
    stack.bff.kill("SIGTERM");
    await exited;
    const bytesAfter = folderBytes(stack.dataDir);

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
    const created = Math.min(...records.map((r) => Date.parse(r.createdAt)));
    const completed = Math.max(...records.map((r) => Date.parse(r.completedAt ?? r.createdAt)));
    const seconds = (completed - created) / 1000;
    const early = rss.find((sample) => sample.at >= floorSeconds * 100) ?? rss[0];
    return {
      licenses: count,
      requests: chunks.length,
      writesPerWindow: writes,
      windowSeconds,
      floorSeconds,
      seconds,
      timeOverFloor: seconds / floorSeconds,
      state: [...new Set(records.map((r) => r.state))].join(", "),
      succeeded: records.reduce((sum, r) => sum + (r.itemCounts?.succeeded ?? 0), 0),
      throttled429: received.filter((r) => r.status === 429).length,
      graphReads: received.filter((r) => r.method === "GET").length,
      lost: keys.filter((k) => (applied.get(k) ?? 0) === 0).length,
      doubled: keys.filter((k) => (applied.get(k) ?? 0) > 1).length,
      rssEarlyMb: early?.mb ?? 0,
      rssHalfwayMb:
        (rss.find((sample) => sample.at >= (rss.at(-1)?.at ?? 0) / 2) ?? rss[0])?.mb ?? 0,
      rssPeakMb: Math.max(0, ...rss.map((sample) => sample.mb)),
      rssEndMb: rss.at(-1)?.mb ?? 0,
      journalBytesPerItem: (bytesAfter - bytesBefore) / count,
    };
  } finally {
    stack.close();
  }
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [licenses, writes, windowSeconds, size] = process.argv.slice(2);
  console.log(
    JSON.stringify(
      await bulkRevokeThrottled(
        licenses === undefined
          ? DEFAULT_BULK
          : {
              licenses: Number(licenses),
              writes: Number(writes ?? 20),
              windowSeconds: Number(windowSeconds ?? 2),
              large: size === "large",
            },
      ),
      null,
      2,
    ),
  );
}
