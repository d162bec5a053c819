import type { ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ActionRecordSchema, AssignedLicenseListSchema, type ActionRecord } from "@ihc/contracts";
import { createSimulator, seededIds, type Simulator } from "@ihc/tenant-sim";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, killBff, startBff } from "./test-support/bff-process.js";
import { bffEnvFor, TEST_WEB_ORIGIN } from "./test-support/start-stack.js";

const app = seededIds.iosVppApps.eduExplainEverything;

describe("a BFF killed while a bulk revoke's batch is in flight", () => {
  let sim: Simulator;
  let bff: ChildProcess | undefined;
  beforeAll(async () => {
    sim = await createSimulator({ port: 0, spaOrigins: [TEST_WEB_ORIGIN] });
    sim.setThrottling({ service: "applications", writes: 20, windowSeconds: 2 });
  });
  afterAll(async () => {
    if (bff) await killBff(bff);
    await sim.close();
  });

  it("resumes after a restart: in-flight items reconciled, queued ones sent, none twice", async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const env = {
      ...bffEnvFor(sim),
      PORT: String(port),
      DATA_DIR: await mkdtemp(join(tmpdir(), "bff-bulk-restart-")),
      LOG_LEVEL: "warn",
      GRAPH_APP_WRITES_PER_WINDOW: "20",
      GRAPH_WRITE_WINDOW_SECONDS: "2",
    };
    const token = await sim.mintToken({ account: "agent" });
    const auth = { authorization: `Bearer ${token}` };
    const read = async (id: string): Promise<ActionRecord> => {
      const response = await fetch(`${url}/api/actions/${id}`, { headers: auth });
      expect(response.status).toBe(200);
      return ActionRecordSchema.parse(await response.json());
    };
    const until = async (id: string, done: (r: ActionRecord) => boolean): Promise<ActionRecord> => {
      const deadline = Date.now() + 30_000;
      for (;;) {
        const record = await read(id);
        if (done(record) || Date.now() > deadline) return record;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };

    bff = await startBff(env, url);
    const licenses = AssignedLicenseListSchema.parse(
      await (await fetch(`${url}/api/apps/${app}/licenses?limit=60`, { headers: auth })).json(),
    ).items;
    // Slow revokes: the first batch is still with Graph when the BFF dies. The rule is used up
    // as each sub-request arrives, so once it is gone all 20 are in the simulator's hands.
    sim.setFaults([
      {
        method: "POST",
        path: "/revokeDeviceLicense$",
        kind: "latency",
        latencyMs: 1500,
        times: 20,
      },
    ]);
    const response = await fetch(`${url}/api/apps/${app}/revoke-licenses`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json", "idempotency-key": randomUUID() },
      body: JSON.stringify({
        licenses: licenses.map((l) => ({ kind: "device", managedDeviceId: l.managedDeviceId })),
        notifyManagedDevices: false,
      }),
    });
    expect(response.status).toBe(202);
    const record = ActionRecordSchema.parse(await response.json());
    const arrived = Date.now() + 10_000;
    while (((await (await fetch(`${sim.url}/_sim/faults`)).json()) as unknown[]).length > 0) {
      if (Date.now() > arrived) throw new Error("The first batch never reached the simulator");
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect((await read(record.id)).itemCounts?.sent).toBe(20);
    await killBff(bff);

    bff = await startBff(env, url);
    // Reading the record signs the agent in again: the queue writes only as them.
    const final = await until(record.id, (r) => r.completedAt !== undefined);
    expect(final).toMatchObject({ state: "succeeded", itemCounts: { total: 60, succeeded: 60 } });
    const reconciled = final.items?.filter((i) => i.graph?.code === "reconciled") ?? [];
    expect(reconciled).toHaveLength(20);

    const applied = new Map<string, number>();
    for (const call of sim.received()) {
      if (call.method !== "POST" || !call.path.endsWith("/revokeDeviceLicense")) continue;
      if (call.status !== 204) continue;
      const id = (call.body as { managedDeviceId: string }).managedDeviceId;
      applied.set(id, (applied.get(id) ?? 0) + 1);
    }
    expect(applied.size).toBe(60);
    expect([...applied.values()].every((n) => n === 1)).toBe(true);
  }, 60_000);
});
