import { randomUUID } from "node:crypto";
import {
  ActionListSchema,
  ActionRecordSchema,
  AssignedLicenseListSchema,
  ManagedDeviceListSchema,
  retireEffectOf,
  ProblemSchema,
  type ActionRecord,
} from "@ihc/contracts";
import { seededIds, seededUserIds, showcaseUserSeeds } from "@ihc/tenant-sim";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  postAction,
  readAction,
  waitForAction,
  waitForNoOpenAction,
} from "../test-support/action-helpers.js";
import { startStack, type Stack } from "../test-support/start-stack.js";

const apps = seededIds.iosVppApps;
const adeleId = "a1f0e2d3-0001-4c5b-8a9d-000000000001";

/** Issue #12, "records that tell the truth": each class of what the screen once said wrongly. */
describe("action records that tell the truth", () => {
  let stack: Stack;
  let agent: string;
  let senior: string;
  beforeAll(async () => {
    stack = await startStack({ watcherTuning: { pollMs: 150, reconcileWindowMs: 2500 } });
    [agent, senior] = await Promise.all([stack.tokenFor("agent"), stack.tokenFor("senior")]);
  });
  afterAll(() => stack.close());
  afterEach(async () => {
    stack.sim.clearFaults();
    await waitForNoOpenAction(stack);
    stack.sim.resetTenant();
    stack.sim.clearReceived();
  });

  const graphPosts = (pathEnd: string) =>
    stack.graphCalls().filter((c) => c.method === "POST" && c.path.endsWith(pathEnd));

  describe("at most one open action per target and kind (3)", () => {
    it("sends ONE revoke when two tabs revoke the same user's license, and names the running one", async () => {
      stack.sim.setTiming({ appRevokeSeconds: 2 });
      const path = `/api/apps/${apps.slack}/revoke-user-license`;
      const body = { userId: adeleId, notifyManagedDevices: true };
      const responses = await Promise.all([
        postAction(stack, path, agent, body),
        postAction(stack, path, senior, body),
      ]);
      const statuses = responses.map((r) => r.status).sort();
      expect(statuses).toEqual([202, 409]);
      const accepted = responses.find((r) => r.status === 202);
      const refused = responses.find((r) => r.status === 409);
      const record = ActionRecordSchema.parse(await accepted?.json());
      expect(refused?.headers.get("content-type")).toContain("application/problem+json");
      const problem = ProblemSchema.parse(await refused?.json());
      expect(problem.code).toBe("conflict");
      expect(problem.runningAction).toEqual({
        id: record.id,
        kind: "app.revoke-user-license",
        actor: {
          userPrincipalName: record.actor.userPrincipalName,
          displayName: record.actor.displayName,
        },
        createdAt: record.createdAt,
      });
      expect(graphPosts("/revokeUserLicense")).toHaveLength(1);

      // A third try while the first is still followed is refused too; the first is untouched.
      const again = await postAction(stack, path, agent, body);
      expect(again.status).toBe(409);
      const first = await readAction(stack, record.id, senior);
      expect(first.state).toBe(record.state);
      const done = await waitForAction(
        stack,
        record.id,
        senior,
        (r) => r.progress?.actionState === "done",
      );
      expect(done.graph?.code).toBeUndefined();
      expect(graphPosts("/revokeUserLicense")).toHaveLength(1);
    });

    it("lets a revoke of another user's license of the same app run alongside", async () => {
      stack.sim.setTiming({ appRevokeSeconds: 2 });
      const path = `/api/apps/${apps.slack}/revoke-user-license`;
      const licenses = await stack.fetch(`/api/apps/${apps.slack}/licenses?limit=5`, {
        token: agent,
      });
      const { items } = (await licenses.json()) as { items: { userId?: string }[] };
      const other = items.map((l) => l.userId).find((id) => id !== undefined && id !== adeleId);
      expect(other).toBeDefined();
      const [a, b] = await Promise.all([
        postAction(stack, path, agent, { userId: adeleId, notifyManagedDevices: false }),
        postAction(stack, path, agent, { userId: other, notifyManagedDevices: false }),
      ]);
      expect([a.status, b.status]).toEqual([202, 202]);
    });

    it("refuses a second VPP token revoke while the first runs, and the first still ends Done", async () => {
      stack.sim.setTiming({ vppRevokeSeconds: 3 });
      const token = seededIds.vppTokens.valid;
      const list = await stack.fetch(`/api/vpp-tokens/${token}`, { token: senior });
      const { token: detail } = (await list.json()) as { token: { displayName: string } };
      const path = `/api/vpp-tokens/${token}/revoke-licenses`;
      const body = {
        notifyManagedDevices: false,
        revokeUntrackedLicenses: false,
        confirmDisplayName: detail.displayName,
      };
      const first = await postAction(stack, path, senior, body);
      expect(first.status).toBe(202);
      const record = ActionRecordSchema.parse(await first.json());
      const second = await postAction(stack, path, senior, body);
      expect(second.status).toBe(409);
      expect(ProblemSchema.parse(await second.json()).runningAction?.id).toBe(record.id);
      expect(graphPosts("/revokeLicenses")).toHaveLength(1);
      const final = await waitForAction(
        stack,
        record.id,
        senior,
        (r: ActionRecord) => r.progress?.actionState === "done",
      );
      expect(final.state).toBe("succeeded");
      // Once it is done, the token may be revoked again.
      const third = await postAction(stack, path, senior, body, randomUUID());
      expect(third.status).toBe(202);
    });
  });

  const licensesOf = async (appId: string) => {
    const response = await stack.fetch(`/api/apps/${appId}/licenses?limit=999`, { token: agent });
    return AssignedLicenseListSchema.parse(await response.json()).items;
  };
  /** The record as a reload shows it: read back from the journal's list. */
  const reloaded = async (id: string, targetId: string) => {
    const response = await stack.fetch(`/api/actions?targetId=${targetId}`, { token: senior });
    const found = ActionListSchema.parse(await response.json()).items.find((r) => r.id === id);
    if (found === undefined) throw new Error(`action ${id} not listed`);
    return found;
  };

  describe("every record names its target and its subjects (1)", () => {
    it("names the user of a single user-license revoke, after a reload too", async () => {
      const adele = (await licensesOf(apps.slack)).find((l) => l.userId === adeleId);
      const response = await postAction(
        stack,
        `/api/apps/${apps.slack}/revoke-user-license`,
        agent,
        { userId: adeleId, notifyManagedDevices: false },
      );
      expect(response.status).toBe(202);
      const record = ActionRecordSchema.parse(await response.json());
      const subject = {
        type: "user",
        id: adeleId,
        userPrincipalName: adele?.userPrincipalName,
        displayName: adele?.userName,
      };
      expect(adele?.userPrincipalName).toBeDefined();
      expect(record.subjects).toEqual([subject]);
      expect((await reloaded(record.id, apps.slack)).subjects).toEqual([subject]);
    });

    it("names the device of a single device-license revoke", async () => {
      const apps_ = await stack.fetch("/api/apps", { token: agent });
      const { items } = (await apps_.json()) as { items: { id: string }[] };
      let found: { appId: string; managedDeviceId: string; deviceName?: string } | undefined;
      for (const app of items) {
        const license = (await licensesOf(app.id)).find((l) => l.kind === "device");
        if (license?.managedDeviceId !== undefined) {
          found = {
            appId: app.id,
            managedDeviceId: license.managedDeviceId,
            ...(license.deviceName === undefined ? {} : { deviceName: license.deviceName }),
          };
          break;
        }
      }
      if (found === undefined) throw new Error("no device license seeded");
      const response = await postAction(
        stack,
        `/api/apps/${found.appId}/revoke-device-license`,
        agent,
        { managedDeviceId: found.managedDeviceId, notifyManagedDevices: false },
      );
      const record = ActionRecordSchema.parse(await response.json());
      expect(record.subjects).toEqual([
        { type: "device", id: found.managedDeviceId, deviceName: found.deviceName },
      ]);
      expect((await reloaded(record.id, found.appId)).subjects).toEqual(record.subjects);
    });

    it("lists every license of a bulk run and every device of a retire", async () => {
      const chosen = (await licensesOf(apps.slack))
        .filter((l) => l.userId !== undefined)
        .slice(0, 3);
      const bulk = await postAction(stack, `/api/apps/${apps.slack}/revoke-licenses`, agent, {
        licenses: chosen.map((l) => ({ kind: "user", userId: l.userId })),
        notifyManagedDevices: false,
      });
      const bulkRecord = ActionRecordSchema.parse(await bulk.json());
      expect((await reloaded(bulkRecord.id, apps.slack)).subjects).toEqual(
        chosen.map((l) => ({
          type: "user",
          id: l.userId,
          userPrincipalName: l.userPrincipalName,
          displayName: l.userName,
        })),
      );

      const lukasz = seededUserIds.lukaszWisniewski;
      const devices = ManagedDeviceListSchema.parse(
        await (await stack.fetch(`/api/users/${lukasz}/devices`, { token: senior })).json(),
      ).items;
      const retire = await postAction(stack, `/api/users/${lukasz}/retire-all-devices`, senior, {
        confirmUserPrincipalName: `${showcaseUserSeeds.lukaszWisniewski.alias}@contoso-sim.onmicrosoft.com`,
        confirmDeviceIds: devices.map((d) => d.id),
      });
      expect(retire.status).toBe(202);
      const retireRecord = ActionRecordSchema.parse(await retire.json());
      expect((await reloaded(retireRecord.id, lukasz)).subjects).toEqual(
        devices.map((d) => ({
          type: "device",
          id: d.id,
          deviceName: d.deviceName,
          ...(d.serialNumber === undefined ? {} : { serialNumber: d.serialNumber }),
          retireEffect: retireEffectOf(d),
        })),
      );
      expect(devices.some((d) => d.serialNumber !== undefined)).toBe(true);
    });
  });

  describe("a bulk item is revoked when Intune shows it gone (4)", () => {
    it("keeps each accepted item sent while Intune still lists its license", async () => {
      stack.sim.setTiming({ appRevokeSeconds: 3 });
      const chosen = (await licensesOf(apps.slack))
        .filter((l) => l.userId !== undefined)
        .slice(0, 3);
      const response = await postAction(stack, `/api/apps/${apps.slack}/revoke-licenses`, agent, {
        licenses: chosen.map((l) => ({ kind: "user", userId: l.userId })),
        notifyManagedDevices: false,
      });
      const record = ActionRecordSchema.parse(await response.json());
      const answered = await waitForAction(stack, record.id, agent, (r) =>
        (r.items ?? []).every((item) => item.graph?.status !== undefined),
      );
      // Graph accepted every revoke, but Intune still lists the licenses: not revoked yet.
      const listed = new Set((await licensesOf(apps.slack)).map((l) => l.userId));
      expect(chosen.every((l) => listed.has(l.userId))).toBe(true);
      expect(answered.items?.map((item) => item.state)).toEqual(["sent", "sent", "sent"]);
      expect(answered.itemCounts).toMatchObject({ succeeded: 0, sent: 3 });
      expect(answered.state).toBe("sent");

      const final = await waitForAction(stack, record.id, agent, (r) => r.state !== "sent");
      expect(final.state).toBe("succeeded");
      expect(final.itemCounts).toMatchObject({ succeeded: 3, sent: 0 });
      const after = new Set((await licensesOf(apps.slack)).map((l) => l.userId));
      expect(chosen.some((l) => after.has(l.userId))).toBe(false);
    });
  });
});
