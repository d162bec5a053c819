import type { ChildProcess } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import { ActionRecordSchema, VppTokenListSchema, type ActionRecord } from "@ihc/contracts";
import { createSimulator, seededUserIds, type Simulator } from "@ihc/tenant-sim";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { freePort, startBff } from "./test-support/bff-process.js";
import { bffEnvFor, TEST_WEB_ORIGIN } from "./test-support/start-stack.js";

// Two BFF processes start per test: on a loaded 2-core machine that alone takes seconds.
describe("a BFF killed right after answering 202", () => {
  let sim: Simulator;
  let bff: ChildProcess | undefined;
  beforeAll(async () => {
    sim = await createSimulator({ port: 0, spaOrigins: [TEST_WEB_ORIGIN] });
    sim.setTiming({ vppRevokeSeconds: 4, retireSeconds: 4 });
  });
  /** SIGKILL of the running BFF, if any, once it has exited (no shutdown hook runs). */
  const killBff = async () => {
    const child = bff;
    bff = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    await exited;
  };
  // Each test ends with a BFF restarted: stopped here, or it outlives the run (it once did,
  // and kept a core busy through the e2e suite).
  afterEach(killBff);
  afterAll(async () => {
    await sim.close();
  });

  /** A BFF process of its own (port, journal folder), as server.ts runs it. */
  const bffEnv = async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const env = {
      ...bffEnvFor(sim),
      PORT: String(port),
      DATA_DIR: await mkdtemp(join(tmpdir(), "bff-restart-")),
      LOG_LEVEL: "warn",
    };
    return { url, env };
  };

  /** Reads the record until `done` (or 20 s), as the SPA would after the restart. */
  const pollRecord = async (
    url: string,
    auth: Record<string, string>,
    record: ActionRecord,
    done: (r: ActionRecord) => boolean,
  ): Promise<ActionRecord> => {
    const deadline = Date.now() + 20_000;
    let latest = record;
    while (!done(latest) && Date.now() < deadline) {
      const read = await fetch(`${url}/api/actions/${record.id}`, { headers: auth });
      expect(read.status).toBe(200);
      latest = ActionRecordSchema.parse(await read.json());
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return latest;
  };

  it("keeps the record and resumes the revoke's progress after a restart", async () => {
    const { url, env } = await bffEnv();
    const token = await sim.mintToken({ account: "agent" });
    const auth = { authorization: `Bearer ${token}` };

    bff = await startBff(env, url);
    const tokens = VppTokenListSchema.parse(
      await (await fetch(`${url}/api/vpp-tokens`, { headers: auth })).json(),
    ).items;
    const valid = tokens.find((t) => t.state === "valid");
    if (!valid) throw new Error("no valid token seeded");
    const response = await fetch(`${url}/api/vpp-tokens/${valid.id}/revoke-licenses`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json", "idempotency-key": randomUUID() },
      body: JSON.stringify({
        notifyManagedDevices: false,
        revokeUntrackedLicenses: false,
        confirmDisplayName: valid.displayName,
      }),
    });
    expect(response.status).toBe(202);
    const record = ActionRecordSchema.parse(await response.json());
    await killBff();

    bff = await startBff(env, url);
    const latest = await pollRecord(url, auth, record, (r) => r.progress?.actionState === "done");
    expect(latest).toMatchObject({ id: record.id, state: "succeeded" });
    expect(latest.progress?.actionState).toBe("done");
    const revokes = sim
      .received()
      .filter((c) => c.method === "POST" && c.path.endsWith("/revokeLicenses"));
    expect(revokes).toHaveLength(1);
  }, 60_000);

  it("follows a retire's devices to the end after a restart, without sending it again", async () => {
    const { url, env } = await bffEnv();
    const token = await sim.mintToken({ account: "senior" });
    const auth = { authorization: `Bearer ${token}` };
    // Noor's two devices are both ones a retire takes (no Android Enterprise device-owner mode).
    const userId = seededUserIds.noorAlHassan;

    bff = await startBff(env, url);
    const response = await fetch(`${url}/api/users/${userId}/retire-all-devices`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json", "idempotency-key": randomUUID() },
      body: JSON.stringify({
        confirmUserPrincipalName: "noor.al-hassan@contoso-sim.onmicrosoft.com",
      }),
    });
    expect(response.status).toBe(202);
    const record = ActionRecordSchema.parse(await response.json());
    expect(record.items).toHaveLength(2);
    await killBff();

    bff = await startBff(env, url);
    const latest = await pollRecord(url, auth, record, (r) => r.completedAt !== undefined);
    expect(latest).toMatchObject({ id: record.id, state: "succeeded" });
    expect(latest.items?.map((i) => i.state)).toEqual(["succeeded", "succeeded"]);
    const retires = sim
      .received()
      .filter((c) => c.method === "POST" && c.path.endsWith("/removeAllDevicesFromManagement"));
    expect(retires).toHaveLength(1);
  }, 60_000);
});
