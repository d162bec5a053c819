import type { ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ActionRecordSchema, AssignedLicenseListSchema, type ActionRecord } from "@ihc/contracts";
import { createSimulator, seededIds, type Simulator } from "@ihc/tenant-sim";
import {
  createPostgresSchema,
  nginxAvailable,
  startNginxFront,
  testDatabaseUrl,
  type NginxFront,
  type PostgresSchema,
} from "@ihc/test-topology";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { freePort, killBff, startBuiltBff } from "../test-support/bff-process.js";
import { describeWithRedis, dropRedisPrefix, testRedisUrl } from "../test-support/needs-redis.js";
import { bffEnvFor, TEST_WEB_ORIGIN } from "../test-support/start-stack.js";

/**
 * Two real BFF processes on one simulator, one Postgres schema and one Redis prefix: the
 * deployment of several instances behind a load balancer (ADR 0020), driven instance by
 * instance so each test knows which one it talks to.
 */
const databaseUrl = process.env.TEST_DATABASE_URL ?? testDatabaseUrl;
const app: string = seededIds.iosVppApps.eduExplainEverything; // 400 device licenses
const otherApp = seededIds.iosVppApps.eduKeynote; // 40
const LEASE_SECONDS = 2;
const RECONCILE_WINDOW_SECONDS = 10;
const inCi = process.env.CI !== undefined && process.env.CI !== "" && process.env.CI !== "false";

/** The id of the app's single device-license revoke journaled `sent`, read from Postgres. */
const sentSingleRevoke = async (schema: string, appId: string): Promise<string | undefined> => {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      `SELECT id FROM ${schema}.actions WHERE kind = 'app.revoke-device-license' AND target_id = $1 AND state = 'sent'`,
      [appId],
    );
    return rows[0]?.id;
  } finally {
    await client.end();
  }
};

interface Instance {
  url: string;
  child: ChildProcess;
}

describeWithRedis("two BFF instances sharing Postgres and Redis", () => {
  let sim: Simulator;
  let schema: PostgresSchema | undefined;
  const prefix = `ihc-topology-${randomBytes(4).toString("hex")}:`;
  let env: Record<string, string>;
  const instances: Instance[] = [];
  let auth: { authorization: string };

  const start = async (): Promise<Instance> => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const child = await startBuiltBff(
      {
        ...env,
        PORT: String(port),
        DATA_DIR: await mkdtemp(join(tmpdir(), "bff-topology-")),
      },
      url,
    );
    const instance = { url, child };
    instances.push(instance);
    return instance;
  };

  const read = async (url: string, id: string): Promise<ActionRecord> => {
    const response = await fetch(`${url}/api/actions/${id}`, { headers: auth });
    expect(response.status).toBe(200);
    return ActionRecordSchema.parse(await response.json());
  };

  const revoke = (url: string, managedDeviceIds: string[], key: string, appId = app) =>
    fetch(`${url}/api/apps/${appId}/revoke-licenses`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json", "idempotency-key": key },
      body: JSON.stringify({
        licenses: managedDeviceIds.map((id) => ({ kind: "device", managedDeviceId: id })),
        notifyManagedDevices: false,
      }),
    });

  /**
   * Revokes Graph applied, per app and device, as the simulator received them: answered 204, or
   * cut off when the instance that sent them was killed (recorded `aborted`: the simulator may
   * have applied it with no one left to answer) and that license is gone (`stillAssigned` holds
   * `${appId} ${deviceId}` of the licenses Graph still lists).
   */
  const applied = (stillAssigned = new Set<string>()) => {
    const counts = new Map<string, number>();
    for (const call of sim.received()) {
      if (call.method !== "POST" || !call.path.endsWith("/revokeDeviceLicense")) continue;
      const device = (call.body as { managedDeviceId: string }).managedDeviceId;
      const appId = /mobileApps\/([^/]+)/.exec(call.path)?.[1] ?? "";
      const cutOffButApplied =
        call.status === "aborted" && !stillAssigned.has(`${appId} ${device}`);
      if (call.status !== 204 && !cutOffButApplied) continue;
      // Per app and device: the two apps' licenses sit on some of the same devices.
      const id = `${call.path} ${device}`;
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return counts;
  };
  /** `${appId} ${deviceId}` of every license Graph still lists for the app. */
  const assigned = async (appId: string) =>
    AssignedLicenseListSchema.parse(
      await (
        await fetch(`${instances[1]?.url ?? ""}/api/apps/${appId}/licenses?limit=500`, {
          headers: auth,
        })
      ).json(),
    ).items.map((license) => `${appId} ${license.managedDeviceId ?? ""}`);
  const throttled = () =>
    sim
      .received()
      .filter((call) => call.path.endsWith("/revokeDeviceLicense") && call.status === 429).length;

  let devices: string[] = [];
  let front: NginxFront | undefined;

  beforeAll(async () => {
    sim = await createSimulator({ port: 0, spaOrigins: [TEST_WEB_ORIGIN] });
    // Intune's limit, scaled down so 400 items take seconds: 100 writes per 2 s.
    sim.setThrottling({ service: "applications", writes: 100, windowSeconds: 2 });
    schema = await createPostgresSchema(databaseUrl, "topology");
    env = {
      ...bffEnvFor(sim),
      LOG_LEVEL: "warn",
      DATABASE_URL: schema.url,
      REDIS_URL: testRedisUrl,
      REDIS_KEY_PREFIX: prefix,
      TOKEN_CACHE_KEY: randomBytes(32).toString("base64"),
      LEASE_SECONDS: String(LEASE_SECONDS),
      GRAPH_APP_WRITES_PER_WINDOW: "100",
      GRAPH_WRITE_WINDOW_SECONDS: "2",
      // A bulk item whose batch never left the killed instance is still assigned after this:
      // settled `notApplied` within the test instead of after the default half hour.
      ACTION_RECONCILE_WINDOW_SECONDS: String(RECONCILE_WINDOW_SECONDS),
    };
    auth = { authorization: `Bearer ${await sim.mintToken({ account: "agent" })}` };
    // One after the other: the first creates the schema's tables.
    await start();
    await start();
    const [a] = instances;
    devices = AssignedLicenseListSchema.parse(
      await (
        await fetch(`${a?.url ?? ""}/api/apps/${app}/licenses?limit=400`, { headers: auth })
      ).json(),
    ).items.map((license) => license.managedDeviceId ?? "");
    expect(devices).toHaveLength(400);
    // nginx in front of both (CI installs it); without it, the suite talks to each directly.
    if (nginxAvailable()) {
      front = await startNginxFront(
        await freePort(),
        instances.map((instance) => new URL(instance.url).host),
      );
    } else if (inCi) {
      throw new Error("nginx is not installed (.ci/run installs Debian's nginx-light)");
    } else {
      console.warn("nginx is not installed: the test through it is skipped here (CI fails)");
    }
  }, 150_000);

  afterAll(async () => {
    for (const instance of instances) {
      const running = instance.child.exitCode === null && instance.child.signalCode === null;
      if (running) await killBff(instance.child);
    }
    await front?.stop();
    await sim.close();
    await schema?.drop();
    await dropRedisPrefix(prefix);
  });

  it("one Idempotency-Key sent to both instances at once makes one record and one Graph write", async () => {
    const [a, b] = instances as [Instance, Instance];
    const key = randomUUID();
    const device = devices[0] ?? "";
    const answers = await Promise.all([revoke(a.url, [device], key), revoke(b.url, [device], key)]);
    const records = await Promise.all(
      answers.map(async (answer) => ActionRecordSchema.parse(await answer.json())),
    );
    expect(new Set(records.map((record) => record.id)).size).toBe(1);
    const id = records[0]?.id ?? "";
    const deadline = Date.now() + 20_000;
    let final = await read(b.url, id);
    while (final.completedAt === undefined && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      final = await read(b.url, id);
    }
    expect(final).toMatchObject({ state: "succeeded" });
    const writes = sim
      .received()
      .filter((call) => call.method === "POST" && call.path.endsWith("/revokeDeviceLicense"));
    console.info(`Graph writes for one key sent to two instances: ${writes.length}`);
    expect(writes).toHaveLength(1);
  }, 30_000);

  // Without nginx: skipped on a developer's machine, a failure under CI (which installs it).
  it.skipIf(!nginxAvailable() && !inCi)(
    "behind nginx (round robin, SSE unbuffered): ten sends of one key, one write; the stream sees it",
    async () => {
      if (front === undefined) throw new Error("nginx did not start");
      const controller = new AbortController();
      const stream = await fetch(`${front.url}/api/events`, {
        headers: auth,
        signal: controller.signal,
      });
      expect(stream.status).toBe(200);
      let seen = "";
      const reading = (async () => {
        const decoder = new TextDecoder();
        for await (const chunk of stream.body as unknown as AsyncIterable<Uint8Array>) {
          seen += decoder.decode(chunk, { stream: true });
        }
      })().catch(() => undefined);
      const key = randomUUID();
      const device = devices[1] ?? "";
      const url = front.url;
      const answers = await Promise.all(
        Array.from({ length: 10 }, () => revoke(url, [device], key)),
      );
      const ids = await Promise.all(
        answers.map(async (answer) => ActionRecordSchema.parse(await answer.json()).id),
      );
      expect(new Set(ids).size).toBe(1);
      const deadline = Date.now() + 20_000;
      while (!new RegExp(`"id":"${ids[0]}"[^\\n]*"state":"succeeded"`).test(seen)) {
        if (Date.now() > deadline) throw new Error(`the stream never saw ${ids[0]} succeed`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const writes = sim
        .received()
        .filter(
          (call) =>
            call.path.endsWith("/revokeDeviceLicense") &&
            (call.body as { managedDeviceId?: string }).managedDeviceId === device,
        );
      console.info(`Graph writes for one key sent ten times through nginx: ${writes.length}`);
      expect(writes).toHaveLength(1);
      controller.abort();
      await reading;
    },
    30_000,
  );

  it("a stream on B follows a 400-license bulk started on A; A is killed mid-way, B takes over: each license revoked once, within the budget", async () => {
    const [a, b] = instances as [Instance, Instance];
    // B's stream, opened before the action starts on A.
    const controller = new AbortController();
    const stream = await fetch(`${b.url}/api/events`, {
      headers: auth,
      signal: controller.signal,
    });
    expect(stream.status).toBe(200);
    let seen = "";
    const reading = (async () => {
      const decoder = new TextDecoder();
      for await (const chunk of stream.body as unknown as AsyncIterable<Uint8Array>) {
        seen += decoder.decode(chunk, { stream: true });
      }
    })().catch(() => undefined);

    const rest = devices.slice(2);
    const answer = await revoke(a.url, rest, randomUUID());
    expect(answer.status).toBe(202);
    const record = ActionRecordSchema.parse(await answer.json());
    // Meanwhile B sends a bulk of its own (another app, the same Intune limit): both instances
    // take from one budget, so Graph's limit holds with two senders.
    const others = AssignedLicenseListSchema.parse(
      await (
        await fetch(`${b.url}/api/apps/${otherApp}/licenses?limit=100`, { headers: auth })
      ).json(),
    ).items.map((license) => license.managedDeviceId ?? "");
    const otherAnswer = await revoke(b.url, others, randomUUID(), otherApp);
    expect(otherAnswer.status).toBe(202);
    const other = ActionRecordSchema.parse(await otherAnswer.json());

    // B's stream sees the action A started, and its progress.
    const streamDeadline = Date.now() + 10_000;
    while (!seen.includes(record.id) && Date.now() < streamDeadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(seen).toContain(`"id":"${record.id}"`);

    // Kill A once about a quarter has been sent.
    const killDeadline = Date.now() + 20_000;
    while (((await read(b.url, record.id)).itemCounts?.succeeded ?? 0) < 100) {
      if (Date.now() > killDeadline) throw new Error("A never got a quarter through");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await killBff(a.child);
    const killedAt = Date.now();
    const recordAtKill = await read(b.url, record.id);
    const atKill = recordAtKill.itemCounts;
    // Journaled `sent` by A and not answered: A may or may not have got them out before it died
    // (the journal write comes first, ADR 0008). Only these may end other than revoked.
    const inFlightAtKill = new Set(
      (recordAtKill.items ?? [])
        .filter((item) => item.state === "sent" && item.graph?.status === undefined)
        .map((item) => item.id),
    );

    // B takes over: the next item settled after the kill shows it.
    let takenOverAt: number | undefined;
    let final = await read(b.url, record.id);
    const deadline = Date.now() + 60_000;
    while (final.completedAt === undefined && Date.now() < deadline) {
      const settled = (final.itemCounts?.succeeded ?? 0) + (final.itemCounts?.failed ?? 0);
      if (takenOverAt === undefined && settled > (atKill?.succeeded ?? 0) + (atKill?.failed ?? 0)) {
        takenOverAt = Date.now();
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
      final = await read(b.url, record.id);
    }
    takenOverAt ??= Date.now();
    const takeoverMs = takenOverAt - killedAt;
    const counts = applied(new Set([...(await assigned(app)), ...(await assigned(otherApp))]));
    /** How many revokes of this app's license on this device Graph applied. */
    const revokesOf = (device: string, appId: string) =>
      [...counts].find(([id]) => id.includes(appId) && id.endsWith(` ${device}`))?.[1];
    const items = final.items ?? [];
    const notApplied = items.filter((item) => item.state !== "succeeded");
    console.info(
      `Takeover after SIGKILL: ${takeoverMs} ms (lease ${LEASE_SECONDS} s); at the kill ${JSON.stringify(atKill)}, ` +
        `${inFlightAtKill.size} in flight of which ${[...inFlightAtKill].filter((d) => revokesOf(d, app) !== undefined).length} reached Graph; ` +
        `not revoked at the end: ${notApplied.length} ${JSON.stringify(notApplied.slice(0, 3))}`,
    );
    expect(final.completedAt).toBeDefined();
    // An item is revoked, or — only if A died between journaling its batch `sent` and the
    // batch reaching Graph — settled from the licenses as not applied, never sent again.
    for (const item of notApplied) {
      expect(item).toMatchObject({ state: "failed", graph: { code: "notApplied" } });
      expect(inFlightAtKill.has(item.id)).toBe(true);
      expect(revokesOf(item.id, app)).toBeUndefined();
    }
    expect(final).toMatchObject(
      notApplied.length === 0
        ? { state: "succeeded", itemCounts: { total: 398, succeeded: 398 } }
        : {
            state: "failed",
            graph: { code: "someNotRevoked" },
            itemCounts: {
              total: 398,
              succeeded: 398 - notApplied.length,
              failed: notApplied.length,
            },
          },
    );
    // Within the lease time (plus one scan period, and the items' own settling).
    expect(takeoverMs).toBeLessThan(3 * LEASE_SECONDS * 1000);
    expect(await read(b.url, other.id)).toMatchObject({
      state: "succeeded",
      itemCounts: { total: others.length, succeeded: others.length },
    });
    expect(counts.size).toBe(400 + others.length - notApplied.length);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    // The shared budget kept both instances under Graph's limit: nothing was refused.
    expect(throttled()).toBe(0);
    // The stream on B followed the action to its end.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(seen).toMatch(new RegExp(`"id":"${record.id}"[^\\n]*"state":"${final.state}"`));
    controller.abort();
    await reading;
  }, 120_000);

  it("a single revoke in flight on an instance that dies is recovered by the other under its run's lease: one Graph write, not left `sent`", async () => {
    const [, b] = instances as [Instance, Instance];
    const c = await start();
    const singleApp: string = seededIds.iosVppApps.eduWord; // 10 device licenses
    const license = AssignedLicenseListSchema.parse(
      await (
        await fetch(`${b.url}/api/apps/${singleApp}/licenses?limit=100`, { headers: auth })
      ).json(),
    ).items.find((item) => item.managedDeviceId !== undefined);
    const device = license?.managedDeviceId ?? "";
    expect(device).not.toBe("");
    // The worst moment: Graph holds the call (and then applies it) while its sender dies.
    sim.setFaults([
      {
        method: "POST",
        path: `${singleApp}/.*revokeDeviceLicense$`,
        kind: "latency",
        latencyMs: 3000,
        times: 1,
      },
    ]);
    const answer = fetch(`${c.url}/api/apps/${singleApp}/revoke-device-license`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json", "idempotency-key": randomUUID() },
      body: JSON.stringify({ managedDeviceId: device, notifyManagedDevices: false }),
    }).catch(() => undefined);
    const sentDeadline = Date.now() + 20_000;
    let id: string | undefined;
    while (id === undefined) {
      if (Date.now() > sentDeadline) throw new Error("C never journaled the revoke `sent`");
      id = await sentSingleRevoke(schema?.name ?? "", singleApp);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    await killBff(c.child);
    const killedAt = Date.now();
    await answer;

    let final = await read(b.url, id);
    const deadline = Date.now() + 40_000;
    while (final.completedAt === undefined && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      final = await read(b.url, id);
    }
    const settledMs = Date.now() - killedAt;
    const writes = sim
      .received()
      .filter(
        (call) =>
          call.method === "POST" &&
          call.path.endsWith("/revokeDeviceLicense") &&
          call.path.includes(singleApp),
      );
    // Whether Graph acted: the simulator drops a request whose sender died before it read the
    // body; Graph could as well have acted. Either is settled by reading, never by sending again.
    const stillAssigned = AssignedLicenseListSchema.parse(
      await (
        await fetch(`${b.url}/api/apps/${singleApp}/licenses?limit=100`, { headers: auth })
      ).json(),
    ).items.some((item) => item.managedDeviceId === device);
    console.info(
      `Single revoke recovered after SIGKILL mid-call: settled in ${settledMs} ms ` +
        `(lease ${LEASE_SECONDS} s), ${writes.length} Graph write(s), license still assigned: ` +
        `${stillAssigned}: ${final.state} ${JSON.stringify(final.graph)}`,
    );
    // B took the run over (the lease was free) and settled it from Graph: revoked, or — the
    // license still assigned after the reconcile window — not applied. Never left `sent`.
    expect(final).toMatchObject(
      stillAssigned ? { state: "failed", graph: { code: "notApplied" } } : { state: "succeeded" },
    );
    expect(final.completedAt).toBeDefined();
    expect(writes).toHaveLength(1);
  }, 100_000);
});
