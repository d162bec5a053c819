import { randomUUID } from "node:crypto";
import { ActionRecordSchema, ProblemSchema, type ActionRecord } from "@ihc/contracts";
import { seededDeviceIds, seededUserIds } from "@ihc/tenant-sim";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { postAction, waitForAction } from "../test-support/action-helpers.js";
import { startStack, type Stack } from "../test-support/start-stack.js";

const hana = seededUserIds.hanaKobayashi;
const { iphone, ipad, laptop } = seededDeviceIds.hanaKobayashi;
const UPN = "hana.kobayashi@contoso-sim.onmicrosoft.com";
const done = (r: ActionRecord) => r.completedAt !== undefined;

/** Selected devices of one user retired together, over HTTP against the simulator (ADR 0031). */
describe("POST /api/users/:id/retire-selected-devices", () => {
  let stack: Stack;
  let senior: string;
  let agent: string;
  beforeAll(async () => {
    stack = await startStack({ watcherTuning: { pollMs: 150, reconcileWindowMs: 2000 } });
    stack.sim.setTiming({ retireSeconds: 1 });
    [senior, agent] = await Promise.all([stack.tokenFor("senior"), stack.tokenFor("agent")]);
  });
  afterAll(() => stack.close());
  afterEach(() => {
    stack.sim.clearFaults();
    stack.sim.resetTenant();
    stack.sim.clearReceived();
  });

  const body = (extra: Record<string, unknown> = {}) => ({
    deviceIds: [iphone, laptop],
    confirmUserPrincipalName: UPN,
    reason: "Leaver keeps the iPad for a week",
    ...extra,
  });
  const retire = (b: unknown = body(), key = randomUUID(), token = senior, user = hana) =>
    postAction(stack, `/api/users/${user}/retire-selected-devices`, token, b, key);
  /** Every Graph write, batched or not: the `$batch` sub-requests are listed one by one. */
  const writes = () =>
    stack.graphCalls().filter((c) => c.method === "POST" && !c.path.endsWith("/$batch"));
  const retiredIds = () =>
    writes()
      .filter((c) => c.path.endsWith("/retire"))
      .map((c) => c.path.split("/").at(-2));
  /** This kind's records about Hana in the journal. */
  const recordIds = async () => {
    const records = await stack.fetch(`/api/actions?targetId=${hana}`, { token: senior });
    return ((await records.json()) as { items: ActionRecord[] }).items
      .filter((r) => r.kind === "user.retire-selected-devices")
      .map((r) => r.id);
  };
  const expectProblem = async (response: Response, status: number) => {
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    return ProblemSchema.parse(await response.json());
  };

  it("retires exactly the selected devices, one Graph retire each, as one record", async () => {
    const response = await retire();
    expect(response.status).toBe(202);
    const record = ActionRecordSchema.parse(await response.json());
    expect(record.kind).toBe("user.retire-selected-devices");
    expect(record.target).toMatchObject({ type: "user", id: hana });
    expect(record.items?.map((i) => [i.id, i.operation])).toEqual([
      [iphone, "retire"],
      [laptop, "retire"],
    ]);
    const final = await waitForAction(stack, record.id, senior, done, 30_000);
    expect(final.state).toBe("succeeded");
    expect(final.items?.every((i) => i.state === "succeeded")).toBe(true);
    expect(retiredIds().sort()).toEqual([iphone, laptop].sort());
    expect(writes()).toHaveLength(2);
    // The iPad was not selected: it is still managed.
    const left = await stack.fetch(`/api/users/${hana}/devices`, { token: senior });
    const devices = ((await left.json()) as { items: { id: string; managementState: string }[] })
      .items;
    expect(devices.map((d) => [d.id, d.managementState])).toEqual([[ipad, "managed"]]);
  }, 40_000);

  it("the same key twice (a double click) is one record; another tab's key is refused", async () => {
    const before = await recordIds();
    const key = randomUUID();
    const [a, b] = await Promise.all([retire(body(), key), retire(body(), key)]);
    expect([a.status, b.status]).toEqual([202, 202]);
    const [ra, rb] = [await a.json(), await b.json()] as { id: string }[];
    expect(ra?.id).toBe(rb?.id);
    const again = await retire(body(), key);
    expect(((await again.json()) as { id: string }).id).toBe(ra?.id);
    const otherTab = await retire(body(), randomUUID());
    expect((await expectProblem(otherTab, 409)).code).toBe("conflict");
    // The same key with another selection is another request.
    expect((await expectProblem(await retire(body({ deviceIds: [ipad] }), key), 422)).code).toBe(
      "idempotency_key_reused",
    );
    await waitForAction(stack, ra?.id ?? "", senior, done, 30_000);
    expect(retiredIds().sort()).toEqual([iphone, laptop].sort());
    expect((await recordIds()).filter((id) => !before.includes(id))).toEqual([ra?.id]);
  }, 40_000);

  it("refuses a device of another user, naming it, and sends nothing", async () => {
    const foreign = seededDeviceIds.lukaszWisniewski.iphone;
    const problem = await expectProblem(await retire(body({ deviceIds: [iphone, foreign] })), 400);
    expect(problem.detail).toContain(foreign.toLowerCase());
    expect(problem.detail).toMatch(/not a managed device of Hana Kobayashi/);
    expect(JSON.stringify(problem)).toContain("body.deviceIds.1");
    const unknown = randomUUID();
    expect(
      (await expectProblem(await retire(body({ deviceIds: [unknown] })), 400)).detail,
    ).toContain(unknown);
    expect(writes()).toHaveLength(0);
  });

  it("refuses a selection holding a device retire would reset or Intune cannot retire", async () => {
    const mateo = seededDeviceIds.mateoRossi;
    const problem = await expectProblem(
      await retire(
        {
          deviceIds: [mateo.workProfile, mateo.corporateWorkProfile, mateo.fullyManaged],
          confirmUserPrincipalName: "mateo.rossi@contoso-sim.onmicrosoft.com",
        },
        randomUUID(),
        senior,
        seededUserIds.mateoRossi,
      ),
      409,
    );
    expect(problem.detail).toMatch(/FIELD-TAB-0112 resets it to factory settings/);
    expect(problem.detail).toMatch(/cannot retire FIELD-PHONE-0112/);
    expect(problem.detail).toMatch(/Nothing was sent/);
    expect(writes()).toHaveLength(0);
  });

  it("answers bad input with 400, the agent role with 403, before any Graph write", async () => {
    expect(
      (await expectProblem(await retire(body({ confirmUserPrincipalName: "x" })), 400)).code,
    ).toBe("validation_failed");
    await expectProblem(await retire(body({ deviceIds: [] })), 400);
    await expectProblem(await retire(body({ deviceIds: ["../wipe"] })), 400);
    await expectProblem(await retire({ ...body(), extra: 1 }), 400);
    await expectProblem(await retire(body(), randomUUID(), agent), 403);
    const noKey = await stack.fetch(`/api/users/${hana}/retire-selected-devices`, {
      method: "POST",
      token: senior,
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body()),
    });
    await expectProblem(noKey, 400);
    expect(writes()).toHaveLength(0);
  });

  it("Retry failed (a new action of the failed devices) sends only those", async () => {
    stack.sim.setFaults([
      { method: "POST", path: `${laptop}/retire$`, kind: "status", status: 403, times: 1 },
    ]);
    const first = ActionRecordSchema.parse(await (await retire()).json());
    const ended = await waitForAction(stack, first.id, senior, done, 30_000);
    expect(ended.state).toBe("failed");
    expect(ended.items?.filter((i) => i.state === "failed").map((i) => i.id)).toEqual([laptop]);
    stack.sim.clearReceived();
    const retry = await retire(body({ deviceIds: [laptop] }));
    expect(retry.status).toBe(202);
    const second = ActionRecordSchema.parse(await retry.json());
    expect((await waitForAction(stack, second.id, senior, done, 30_000)).state).toBe("succeeded");
    expect(retiredIds()).toEqual([laptop]);
  }, 60_000);
});
