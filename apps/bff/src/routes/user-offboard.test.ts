import { randomUUID } from "node:crypto";
import { ActionRecordSchema, ProblemSchema, type ActionRecord } from "@ihc/contracts";
import { seededDeviceIds, seededUserIds } from "@ihc/tenant-sim";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { BulkRevokeQueue } from "../actions/bulk-revoke-queue.js";
import { recoverActions } from "../actions/recover-actions.js";
import { WriteBudget } from "../actions/write-budget.js";
import { postAction, readAction, waitForAction } from "../test-support/action-helpers.js";
import { startStack, type Stack } from "../test-support/start-stack.js";

const hana = seededUserIds.hanaKobayashi;
const hanaDevices = Object.values(seededDeviceIds.hanaKobayashi);
const UPN = "hana.kobayashi@contoso-sim.onmicrosoft.com";
const done = (r: ActionRecord) => r.completedAt !== undefined;

/** Offboarding over HTTP against the simulator (issue #14, 4; ADR 0030). */
describe("POST /api/users/:id/offboard and /revoke-all-licenses", () => {
  let stack: Stack;
  let senior: string;
  let agent: string;
  beforeAll(async () => {
    stack = await startStack({ watcherTuning: { pollMs: 150, reconcileWindowMs: 2000 } });
    stack.sim.setTiming({ retireSeconds: 1, vppRevokeSeconds: 1 });
    [senior, agent] = await Promise.all([stack.tokenFor("senior"), stack.tokenFor("agent")]);
  });
  afterAll(() => stack.close());
  afterEach(() => {
    stack.sim.clearFaults();
    stack.sim.resetTenant();
    stack.sim.clearReceived();
  });

  const body = (extra: Record<string, unknown> = {}) => ({
    confirmUserPrincipalName: UPN,
    confirmDeviceIds: hanaDevices,
    confirmLicenseCount: 5,
    ...extra,
  });
  const offboard = (b: unknown = body(), key = randomUUID(), token = senior) =>
    postAction(stack, `/api/users/${hana}/offboard`, token, b, key);
  const posts = () => stack.graphCalls().filter((c) => c.method === "POST" && c.path !== "/$batch");
  const writes = () =>
    posts().filter((c) => /\/(retire|revokeUserLicense|revokeDeviceLicense)$/.test(c.path));
  const expectProblem = async (response: Response, status: number) => {
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    return ProblemSchema.parse(await response.json());
  };

  it("retires 3 devices and revokes 5 licenses across 4 apps, one Graph call each", async () => {
    const response = await offboard();
    expect(response.status).toBe(202);
    const record = ActionRecordSchema.parse(await response.json());
    expect(record.kind).toBe("user.offboard");
    expect(record.items).toHaveLength(8);
    expect(new Set(record.items?.flatMap((i) => i.appId ?? [])).size).toBe(4);
    const final = await waitForAction(stack, record.id, senior, done, 30_000);
    expect(final.state).toBe("succeeded");
    expect(final.items?.every((i) => i.state === "succeeded")).toBe(true);
    const calls = writes();
    expect(calls).toHaveLength(8);
    expect(
      calls.filter((c) => c.path.endsWith("/retire")).map((c) => c.path.split("/")[4]),
    ).toEqual(expect.arrayContaining(hanaDevices));
    expect(new Set(calls.map((c) => JSON.stringify([c.path, c.body]))).size).toBe(8);
    const left = await stack.fetch(`/api/users/${hana}/vpp-licenses`, { token: senior });
    expect(((await left.json()) as { items: unknown[] }).items).toHaveLength(0);
  }, 40_000);

  it("a double send under one key makes one action; another tab's key is refused", async () => {
    const key = randomUUID();
    const [a, b] = await Promise.all([offboard(body(), key), offboard(body(), key)]);
    const [ra, rb] = [await a.json(), await b.json()] as { id: string }[];
    expect([a.status, b.status]).toEqual([202, 202]);
    expect(ra?.id).toBe(rb?.id);
    const other = await offboard(body(), randomUUID());
    expect((await expectProblem(other, 409)).code).toBe("conflict");
    await waitForAction(stack, ra?.id ?? "", senior, done, 30_000);
    expect(writes()).toHaveLength(8);
  }, 40_000);

  it("Retry failed (a new offboard) sends only what failed", async () => {
    stack.sim.setFaults([
      { method: "POST", path: "/revokeUserLicense$", kind: "status", status: 403, times: 1 },
    ]);
    const first = ActionRecordSchema.parse(await (await offboard()).json());
    const ended = await waitForAction(stack, first.id, senior, done, 30_000);
    expect(ended.state).toBe("failed");
    expect(ended.itemCounts?.failed).toBe(1);
    const failed = ended.items?.find((i) => i.state === "failed");
    stack.sim.clearReceived();
    const retry = await offboard(body({ confirmDeviceIds: [], confirmLicenseCount: 1 }));
    expect(retry.status).toBe(202);
    const second = ActionRecordSchema.parse(await retry.json());
    expect(second.id).not.toBe(first.id);
    expect(second.items?.map((i) => i.key)).toEqual([failed?.key]);
    await waitForAction(stack, second.id, senior, done, 30_000);
    expect(writes()).toHaveLength(1);
  }, 60_000);

  it("refuses a user with a device retire would reset or Intune cannot retire, and sends nothing", async () => {
    const mateo = seededUserIds.mateoRossi;
    const response = await postAction(stack, `/api/users/${mateo}/offboard`, senior, {
      confirmUserPrincipalName: "mateo.rossi@contoso-sim.onmicrosoft.com",
    });
    const problem = await expectProblem(response, 409);
    expect(problem.detail).toMatch(/FIELD-PHONE-0112/);
    expect(posts()).toHaveLength(0);
  });

  it("answers bad input with 400 problems and the agent role with 403, before any Graph write", async () => {
    expect(
      (await expectProblem(await offboard(body({ confirmUserPrincipalName: "x" })), 400)).code,
    ).toBe("validation_failed");
    await expectProblem(await offboard({ ...body(), extra: 1 }), 400);
    await expectProblem(await offboard(body({ confirmLicenseCount: -1 })), 400);
    await expectProblem(
      await postAction(stack, `/api/users/not%20an%20id/offboard`, senior, body()),
      400,
    );
    await expectProblem(await offboard(body(), randomUUID(), agent), 403);
    expect(await expectProblem(await offboard(body({ confirmLicenseCount: 4 })), 409)).toBeTruthy();
    expect(writes()).toHaveLength(0);
  });

  it("revokes all of the user's licenses alone: 5 items, no retire", async () => {
    const response = await postAction(stack, `/api/users/${hana}/revoke-all-licenses`, agent, {
      confirmUserPrincipalName: UPN,
      confirmLicenseCount: 5,
    });
    expect(response.status).toBe(202);
    const record = ActionRecordSchema.parse(await response.json());
    expect(record.items).toHaveLength(5);
    const final = await waitForAction(stack, record.id, agent, done, 30_000);
    expect(final.state).toBe("succeeded");
    expect(writes()).toHaveLength(5);
    expect(writes().some((c) => c.path.endsWith("/retire"))).toBe(false);
    expect((await readAction(stack, record.id, agent)).kind).toBe("user.revoke-all-licenses");
  }, 40_000);
  // Last: it stops the stack's queue.
  it("resumes after the queue restarts with items pending, without sending anything twice", async () => {
    stack.sim.setFaults([
      { method: "POST", path: "/retire$", kind: "throttle", retryAfterSeconds: 30, times: 3 },
    ]);
    const record = ActionRecordSchema.parse(await (await offboard()).json());
    await waitForAction(stack, record.id, senior, (r) =>
      (r.items ?? []).every((i) =>
        i.operation === "retire"
          ? i.state === "queued" && i.graph?.status === 429
          : i.state !== "queued",
      ),
    );
    const services = stack.deps.actions;
    await services.bulkRevokes.stop();
    stack.sim.clearFaults();
    stack.sim.clearReceived();
    const queue = new BulkRevokeQueue({
      journal: services.journal,
      graph: stack.deps.graph,
      identities: services.identities,
      budget: new WriteBudget({ writes: 100, windowMs: 20_000 }),
      logger: stack.deps.logger,
      pollMs: 150,
    });
    try {
      await recoverActions({ ...services, bulkRevokes: queue });
      const final = await waitForAction(stack, record.id, senior, done, 30_000);
      expect(final.state).toBe("succeeded");
      expect(writes().map((c) => c.path.split("/").at(-1))).toEqual(["retire", "retire", "retire"]);
    } finally {
      await queue.stop();
    }
  }, 60_000);
});
