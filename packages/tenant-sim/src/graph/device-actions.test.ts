import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createSimulator } from "../create-simulator.js";
import { seededDeviceIds, seededUserIds } from "../seed/showcase-catalog.js";
import type { Simulator } from "../simulator.js";
import {
  graphErrorOf,
  graphGet,
  graphPost,
  intuneMessageOf,
  valueOf,
  waitUntil,
} from "../test-support/graph-client.js";

const { iphone, ipad, laptop, mac } = seededDeviceIds.lukaszWisniewski;
const lukasz = seededUserIds.lukaszWisniewski;
const devices = (version = "v1.0") => `/${version}/deviceManagement/managedDevices`;
const action = (id: string, name: string, version = "v1.0") => `${devices(version)}/${id}/${name}`;
const unknownDevice = "00000000-0000-4000-8000-000000000000";

let sim: Simulator;
let token: string;
beforeAll(async () => {
  sim = await createSimulator({ port: 0, size: "tiny" });
  token = await sim.mintToken({
    audience: "graph",
    scopes: [
      "DeviceManagementManagedDevices.PrivilegedOperations.All",
      "DeviceManagementManagedDevices.Read.All",
    ],
  });
});
afterEach(() => {
  sim.resetTenant();
  sim.resetTiming();
  sim.resetThrottling();
  sim.clearFaults();
  sim.clearReceived();
});
afterAll(() => sim.close());

const device = async (id: string, version = "v1.0") =>
  (await graphGet(sim, `${devices(version)}/${id}`, token)).body;
// Intune writes seven fraction digits in action results.
const intuneDateTime = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/;
const pendingAction = (actionName: string) => ({
  actionName,
  actionState: "pending",
  startDateTime: expect.stringMatching(intuneDateTime) as unknown,
  lastUpdatedDateTime: expect.stringMatching(intuneDateTime) as unknown,
});

describe.each(["v1.0", "beta"])("POST managedDevices/{id}/retire on %s", (version) => {
  it("answers 204, holds the device retirePending, then it leaves Intune", async () => {
    sim.setTiming({ retireSeconds: 0.5 });
    const answer = await graphPost(sim, action(iphone, "retire", version), token);
    expect(answer.status).toBe(204);
    expect(answer.body).toEqual({});
    expect(await device(iphone, version)).toMatchObject({
      managementState: "retirePending",
      deviceActionResults: [pendingAction("retire")],
    });
    expect((await device(ipad, version)).managementState).toBe("managed");
    await waitUntil(
      async () => (await graphGet(sim, `${devices(version)}/${iphone}`, token)).status,
      (status) => status === 404,
    );
    const left = valueOf(await graphGet(sim, `/${version}/users/${lukasz}/managedDevices`, token));
    expect(left.map((d) => d.id)).not.toContain(iphone);
    expect(left).toHaveLength(4);
  });

  it("takes no body, and a device already leaving keeps its schedule", async () => {
    sim.setTiming({ retireSeconds: 60 });
    const withBody = await graphPost(sim, action(laptop, "retire", version), token, {
      keepUserData: true,
    });
    expect(withBody.status).toBe(400);
    expect(graphErrorOf(withBody).message).toBe(
      "The parameter 'keepUserData' in the request payload is not a valid parameter for the operation 'retire'.",
    );
    expect((await device(laptop, version)).managementState).toBe("managed");
    expect((await graphPost(sim, action(laptop, "retire", version), token)).status).toBe(204);
    const first = await device(laptop, version);
    expect((await graphPost(sim, action(laptop, "retire", version), token)).status).toBe(204);
    expect((await graphPost(sim, action(laptop, "wipe", version), token)).status).toBe(204);
    expect(await device(laptop, version)).toEqual(first);
  });
});

describe.each(["v1.0", "beta"])("POST managedDevices/{id}/wipe on %s", (version) => {
  it("answers 204, holds the device wipePending, then it leaves Intune", async () => {
    sim.setTiming({ wipeSeconds: 0.5 });
    const answer = await graphPost(sim, action(mac, "wipe", version), token, {
      keepEnrollmentData: false,
      keepUserData: true,
      macOsUnlockCode: "123456",
      persistEsimDataPlan: null,
    });
    expect(answer.status).toBe(204);
    expect(await device(mac, version)).toMatchObject({
      managementState: "wipePending",
      deviceActionResults: [pendingAction("wipe")],
    });
    const pending = await graphGet(
      sim,
      `${devices(version)}?$filter=managementState eq 'wipePending'&$select=deviceName`,
      token,
    );
    expect(valueOf(pending).map((d) => d.id)).toEqual([mac]);
    await waitUntil(
      async () => (await graphGet(sim, `${devices(version)}/${mac}`, token)).status,
      (status) => status === 404,
    );
  });

  it("takes an empty body: every parameter is nullable", async () => {
    expect((await graphPost(sim, action(ipad, "wipe", version), token)).status).toBe(204);
    expect((await device(ipad, version)).managementState).toBe("wipePending");
  });

  it("validates the body against the action's parameters, moving nothing when it fails", async () => {
    const cases: [unknown, string][] = [
      [
        { keepUserData: "yes" },
        "Cannot convert the literal 'yes' to the expected type 'Edm.Boolean'.",
      ],
      [
        { macOsUnlockCode: 123456 },
        "Cannot convert a primitive value to the expected type 'Edm.String'. See the inner exception for more details.",
      ],
      [
        { keepData: true },
        "The parameter 'keepData' in the request payload is not a valid parameter for the operation 'wipe'.",
      ],
      [
        [],
        "An unexpected 'StartArray' node was found when reading from the JSON reader. A 'StartObject' node was expected.",
      ],
    ];
    for (const [body, message] of cases) {
      const result = await graphPost(sim, action(ipad, "wipe", version), token, body);
      expect(result.status).toBe(400);
      expect(graphErrorOf(result)).toEqual({ code: "BadRequest", message });
    }
    expect((await device(ipad, version)).managementState).toBe("managed");
  });
});

describe("wipe's beta-only parameters", () => {
  it("beta takes obliterationBehavior (an enum) and useProtectedWipe; v1.0 does not", async () => {
    const beta = await graphPost(sim, action(mac, "wipe", "beta"), token, {
      obliterationBehavior: "doNotObliterate",
      useProtectedWipe: false,
    });
    expect(beta.status).toBe(204);
    const badMember = await graphPost(sim, action(laptop, "wipe", "beta"), token, {
      obliterationBehavior: "sometimes",
    });
    expect(graphErrorOf(badMember).message).toBe("Requested value 'sometimes' was not found.");
    for (const parameter of ["obliterationBehavior", "useProtectedWipe"]) {
      const v1 = await graphPost(sim, action(laptop, "wipe"), token, { [parameter]: null });
      expect(graphErrorOf(v1).message).toBe(
        `The parameter '${parameter}' in the request payload is not a valid parameter for the operation 'wipe'.`,
      );
    }
    expect((await device(laptop)).managementState).toBe("managed");
  });
});

describe.each(["v1.0", "beta"])("POST managedDevices/{id}/syncDevice on %s", (version) => {
  it("answers 204 and moves lastSyncDateTime to now, the state unchanged", async () => {
    const before = await device(ipad, version);
    const startedAt = Date.now();
    expect((await graphPost(sim, action(ipad, "syncDevice", version), token)).status).toBe(204);
    const after = await device(ipad, version);
    const synced = Date.parse(String(after.lastSyncDateTime));
    expect(synced).toBeGreaterThan(Date.parse(String(before.lastSyncDateTime)));
    expect(synced).toBeGreaterThanOrEqual(Math.floor(startedAt / 1000) * 1000);
    expect(synced).toBeLessThanOrEqual(Date.now());
    expect(after.managementState).toBe("managed");
    const withBody = await graphPost(sim, action(ipad, "syncDevice", version), token, {
      force: true,
    });
    expect(withBody.status).toBe(400);
  });
});

describe("the device actions", () => {
  const names = ["retire", "wipe", "syncDevice"];

  it("answer 404 in Graph's error shape for an unknown device, 400 for a malformed id", async () => {
    for (const name of names) {
      const missing = await graphPost(sim, action(unknownDevice, name), token);
      expect(missing.status).toBe(404);
      expect(graphErrorOf(missing).code).toBe("ResourceNotFound");
      expect(intuneMessageOf(missing)).toContain(`No managedDevice with id '${unknownDevice}'`);
      expect((await graphPost(sim, action("not-a-guid", name), token)).status).toBe(400);
    }
  });

  it("take either namespace spelling", async () => {
    sim.setTiming({ retireSeconds: 60, wipeSeconds: 60 });
    for (const [id, name] of [
      [iphone, "microsoft.graph.retire"],
      [ipad, "graph.wipe"],
      [laptop, "microsoft.graph.syncDevice"],
      [mac, "graph.syncDevice"],
    ] as const) {
      expect((await graphPost(sim, action(id, name, "beta"), token)).status).toBe(204);
    }
    expect((await device(iphone)).managementState).toBe("retirePending");
    expect((await device(ipad)).managementState).toBe("wipePending");
  });

  it("need DeviceManagementManagedDevices.PrivilegedOperations.All, delegated or app-only", async () => {
    const readWrite = await sim.mintToken({
      audience: "graph",
      scopes: ["DeviceManagementManagedDevices.ReadWrite.All"],
    });
    const app = await sim.mintToken({
      audience: "graph",
      appOnly: true,
      roles: ["DeviceManagementManagedDevices.PrivilegedOperations.All"],
    });
    for (const name of names) {
      const denied = await graphPost(sim, action(laptop, name), readWrite);
      expect(denied.status).toBe(403);
      expect(intuneMessageOf(denied)).toContain(
        "one of the following scopes: DeviceManagementManagedDevices.PrivilegedOperations.All",
      );
    }
    expect((await device(laptop)).managementState).toBe("managed");
    for (const name of names) {
      expect((await graphPost(sim, action(laptop, name), app)).status).toBe(204);
    }
  });

  it("are recorded in /_sim/received with their body and answer", async () => {
    await graphPost(sim, action(mac, "wipe", "beta"), token, { keepEnrollmentData: true });
    await graphPost(sim, action(iphone, "syncDevice"), token);
    const received = (await (await fetch(`${sim.url}/_sim/received`)).json()) as {
      method: string;
      path: string;
      status: number;
      body: unknown;
    }[];
    expect(
      received.map(({ method, path, status, body }) => ({ method, path, status, body })),
    ).toEqual([
      {
        method: "POST",
        path: `/beta/deviceManagement/managedDevices/${mac}/wipe`,
        status: 204,
        body: { keepEnrollmentData: true },
      },
      {
        method: "POST",
        path: `/v1.0/deviceManagement/managedDevices/${iphone}/syncDevice`,
        status: 204,
        body: null,
      },
    ]);
  });

  it("take injected faults like every path", async () => {
    sim.setFaults([{ path: "/managedDevices/[^/]+/wipe$", kind: "status", status: 503, times: 1 }]);
    const failed = await graphPost(sim, action(mac, "wipe"), token);
    expect(failed.status).toBe(503);
    expect(intuneMessageOf(failed)).toContain("injected HTTP 503");
    expect((await device(mac)).managementState).toBe("managed");

    sim.setFaults([
      { path: "/managedDevices/[^/]+/retire$", kind: "status", status: 500, afterApplying: true },
    ]);
    expect((await graphPost(sim, action(iphone, "retire"), token)).status).toBe(500);
    expect((await device(iphone)).managementState).toBe("retirePending");

    sim.setFaults([{ path: "/syncDevice$", kind: "drop" }]);
    await expect(graphPost(sim, action(ipad, "syncDevice"), token)).rejects.toThrow();
  });

  it("count as writes in Intune's devices throttling", async () => {
    sim.setThrottling({ service: "devices", writes: 1 });
    expect((await graphPost(sim, action(laptop, "syncDevice"), token)).status).toBe(204);
    const throttled = await graphPost(sim, action(laptop, "wipe"), token);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("retry-after")).not.toBeNull();
    expect((await device(laptop)).managementState).toBe("managed");
  });
});

describe("retire on an Android Enterprise device-owner mode", () => {
  const { fullyManaged, dedicated, corporateWorkProfile, workProfile } = seededDeviceIds.mateoRossi;

  it.each([fullyManaged, dedicated])("refuses %s with a 400 and leaves it managed", async (id) => {
    const answer = await graphPost(sim, action(id, "retire", "beta"), token);
    expect(answer.status).toBe(400);
    expect(graphErrorOf(answer).code).toBe("BadRequest");
    expect(intuneMessageOf(answer)).toContain("Use wipe");
    expect(await device(id, "beta")).toMatchObject({ managementState: "managed" });
  });

  it("retires a work profile and a corporate-owned work profile, and wipes a fully managed one", async () => {
    for (const id of [workProfile, corporateWorkProfile]) {
      expect((await graphPost(sim, action(id, "retire", "beta"), token)).status).toBe(204);
      expect(await device(id, "beta")).toMatchObject({ managementState: "retirePending" });
    }
    expect((await graphPost(sim, action(fullyManaged, "wipe", "beta"), token)).status).toBe(204);
    expect(await device(fullyManaged, "beta")).toMatchObject({ managementState: "wipePending" });
  });

  it("serves each mode's enrollment type on beta", async () => {
    expect(await device(dedicated, "beta")).toMatchObject({
      deviceEnrollmentType: "androidEnterpriseDedicatedDevice",
      managedDeviceOwnerType: "company",
    });
    expect(await device(workProfile, "beta")).toMatchObject({
      deviceEnrollmentType: "userEnrollment",
      managedDeviceOwnerType: "personal",
    });
  });
});
