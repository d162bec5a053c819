import { randomUUID } from "node:crypto";
import {
  ActionRecordSchema,
  DeviceDetailSchema,
  ProblemSchema,
  type ActionRecord,
} from "@ihc/contracts";
import { seededDeviceIds, seededUserIds } from "@ihc/tenant-sim";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { postAction, waitForAction } from "../test-support/action-helpers.js";
import { startStack, type Stack } from "../test-support/start-stack.js";

const mateo = seededDeviceIds.mateoRossi;
const hana = seededDeviceIds.hanaKobayashi;
const isFinal = (record: ActionRecord): boolean => record.completedAt !== undefined;

describe("one device: page, retire, sync, wipe (issue #14)", () => {
  let stack: Stack;
  let agent: string;
  let senior: string;
  let nointune: string;
  beforeAll(async () => {
    stack = await startStack({ watcherTuning: { pollMs: 150, reconcileWindowMs: 2000 } });
    stack.sim.setTiming({ retireSeconds: 1, wipeSeconds: 1 });
    [agent, senior, nointune] = await Promise.all([
      stack.tokenFor("agent"),
      stack.tokenFor("senior"),
      stack.tokenFor("nointune"),
    ]);
  });
  afterAll(() => stack.close());
  afterEach(() => {
    stack.sim.resetTenant();
    stack.sim.clearReceived();
  });

  // Writes only: the device page's license read is a POST to $batch.
  const posts = () =>
    stack.graphCalls().filter((c) => c.method === "POST" && !c.path.endsWith("/$batch"));
  const detail = async (id: string, token = agent) => {
    const response = await stack.fetch(`/api/devices/${id}`, { token });
    expect(response.status).toBe(200);
    return DeviceDetailSchema.parse(await response.json());
  };
  const problem = async (response: Response, status: number, code: string) => {
    expect(response.status).toBe(status);
    const body = ProblemSchema.parse(await response.json());
    expect(body.code).toBe(code);
    return body;
  };

  it("shows a device with its enrollment type, primary user and state; 404 for an unknown one", async () => {
    const device = await detail(mateo.corporateWorkProfile);
    expect(device).toMatchObject({
      deviceName: "FIELD-TAB-0112",
      operatingSystem: "Android",
      deviceEnrollmentType: "androidEnterpriseCorporateWorkProfile",
      managedDeviceOwnerType: "company",
      managementState: "managed",
      userId: seededUserIds.mateoRossi,
      userDisplayName: "Mateo Rossi",
      vppLicenses: [],
    });
    expect(device.serialNumber).toBeDefined();
    await problem(
      await stack.fetch(`/api/devices/${randomUUID()}`, { token: agent }),
      404,
      "not_found",
    );
  });

  it("retires a work profile with one Graph call, a double send included, and follows it out", async () => {
    const key = randomUUID();
    const path = `/api/devices/${mateo.workProfile}/retire`;
    const [first, second] = await Promise.all([
      postAction(stack, path, senior, { reason: "INC-1" }, key),
      postAction(stack, path, senior, { reason: "INC-1" }, key),
    ]);
    // The second of two at once is answered from the journal (202, the same record) or, while
    // the first is still running, refused as open (409): never a second call.
    const accepted = first.status === 202 ? first : second;
    const other = accepted === first ? second : first;
    expect([202, 409]).toContain(other.status);
    const record = ActionRecordSchema.parse(await accepted.json());
    const replay = await postAction(stack, path, senior, { reason: "INC-1" }, key);
    expect(ActionRecordSchema.parse(await replay.json()).id).toBe(record.id);
    expect(record.subjects?.[0]).toMatchObject({ retireEffect: "removesWorkProfile" });
    // Whose device it was, kept for when the device has left Intune (the page links there).
    expect(record.subjects?.[1]).toMatchObject({ type: "user", displayName: "Mateo Rossi" });
    const final = await waitForAction(stack, record.id, senior, isFinal);
    expect(final).toMatchObject({ state: "succeeded", itemCounts: { total: 1, succeeded: 1 } });
    // Gone: the device page is answered 404, and says so (ADR 0023).
    expect((await stack.fetch(`/api/devices/${mateo.workProfile}`, { token: senior })).status).toBe(
      404,
    );
    expect(posts().map((c) => c.path)).toEqual([
      `/v1.0/deviceManagement/managedDevices/${mateo.workProfile}/retire`,
    ]);
  });

  it("answers a double click with one record when the first is sent before the second reads the device", async () => {
    // The first read of the device waits: meanwhile the other request journals and sends the
    // retire, so the late one reads a device already being retired — by its own double click.
    stack.sim.setFaults([
      {
        method: "GET",
        path: `managedDevices/${mateo.workProfile}$`,
        kind: "latency",
        latencyMs: 800,
        times: 1,
      },
    ]);
    const key = randomUUID();
    const path = `/api/devices/${mateo.workProfile}/retire`;
    const [first, second] = await Promise.all([
      postAction(stack, path, senior, { reason: "INC-2" }, key),
      postAction(stack, path, senior, { reason: "INC-2" }, key),
    ]);
    expect([first.status, second.status]).toEqual([202, 202]);
    const [a, b] = [
      ActionRecordSchema.parse(await first.json()),
      ActionRecordSchema.parse(await second.json()),
    ];
    expect(b.id).toBe(a.id);
    // Another request under that key is still refused, not answered with that record.
    await problem(
      await postAction(stack, path, senior, { reason: "another" }, key),
      422,
      "idempotency_key_reused",
    );
    await waitForAction(stack, a.id, senior, isFinal);
    expect(posts().map((c) => c.path)).toEqual([
      `/v1.0/deviceManagement/managedDevices/${mateo.workProfile}/retire`,
    ]);
  });

  it("refuses a fully managed or dedicated device with the reason, sending nothing", async () => {
    for (const id of [mateo.fullyManaged, mateo.dedicated]) {
      const body = await problem(
        await postAction(stack, `/api/devices/${id}/retire`, senior, {}),
        409,
        "conflict",
      );
      expect(body.detail).toContain("only wipe it");
    }
    expect(posts()).toEqual([]);
  });

  it("asks the wipe's care where retire resets the device: Devices.Wipe and the serial", async () => {
    const id = mateo.corporateWorkProfile;
    const { serialNumber } = await detail(id);
    await problem(
      await postAction(stack, `/api/devices/${id}/retire`, nointune, {
        confirmDevice: serialNumber,
      }),
      403,
      "forbidden",
    );
    await problem(
      await postAction(stack, `/api/devices/${id}/retire`, senior, { confirmDevice: "nope" }),
      400,
      "validation_failed",
    );
    expect(posts()).toEqual([]);
    const response = await postAction(stack, `/api/devices/${id}/retire`, senior, {
      confirmDevice: serialNumber?.toLowerCase(),
    });
    expect(response.status).toBe(202);
    expect(posts()).toHaveLength(1);
  });

  it("refuses retire-all for a user whose devices include one retire resets or Graph refuses", async () => {
    const response = await postAction(
      stack,
      `/api/users/${seededUserIds.mateoRossi}/retire-all-devices`,
      senior,
      { confirmUserPrincipalName: "mateo.rossi@contoso-sim.onmicrosoft.com" },
    );
    const body = await problem(response, 409, "conflict");
    expect(body.detail).toContain("FIELD-PHONE-0112");
    expect(body.detail).toContain("FIELD-TAB-0112");
    expect(posts()).toEqual([]);
  });

  it("syncs a device with one call and no confirmation", async () => {
    const response = await postAction(stack, `/api/devices/${hana.laptop}/sync`, senior, {});
    expect(response.status).toBe(202);
    const record = ActionRecordSchema.parse(await response.json());
    expect(record).toMatchObject({ kind: "device.sync", state: "succeeded" });
    expect(posts().map((c) => c.path)).toEqual([
      `/v1.0/deviceManagement/managedDevices/${hana.laptop}/syncDevice`,
    ]);
  });

  it("wipes with the serial typed and Devices.Wipe, sending the keep flags as chosen", async () => {
    const id = mateo.fullyManaged;
    const { serialNumber } = await detail(id);
    const body = { confirmDevice: serialNumber, keepEnrollmentData: false, keepUserData: true };
    await problem(
      await postAction(stack, `/api/devices/${id}/wipe`, agent, body),
      403,
      "forbidden",
    );
    await problem(
      await postAction(stack, `/api/devices/${id}/wipe`, senior, { ...body, confirmDevice: "x" }),
      400,
      "validation_failed",
    );
    const response = await postAction(stack, `/api/devices/${id}/wipe`, senior, body);
    expect(response.status).toBe(202);
    expect(ActionRecordSchema.parse(await response.json())).toMatchObject({
      kind: "device.wipe",
      state: "succeeded",
      target: { type: "device", id },
    });
    expect(posts()).toHaveLength(1);
    expect(posts()[0]?.path).toBe(`/v1.0/deviceManagement/managedDevices/${id}/wipe`);
    expect((await detail(id)).managementState).toBe("wipePending");
  });
});
