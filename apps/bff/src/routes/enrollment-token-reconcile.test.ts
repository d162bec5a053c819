import { ActionRecordSchema, type ActionRecord } from "@ihc/contracts";
import { seededEnrollmentProfileIds } from "@ihc/tenant-sim";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { postAction, waitForAction } from "../test-support/action-helpers.js";
import { startStack, type Stack } from "../test-support/start-stack.js";

const afw = seededEnrollmentProfileIds.androidForWork;
const ado = seededEnrollmentProfileIds.androidDeviceOwner;

/**
 * An enrollment action whose Graph answer is lost (a 5xx or a dropped connection, before or
 * after Graph acted) is settled from the profile's token, never by sending again (ADR 0007).
 */
describe("unknown enrollment token actions are reconciled from the profile", () => {
  let stack: Stack;
  let agent: string;
  let graphToken: string;
  beforeAll(async () => {
    stack = await startStack({ watcherTuning: { pollMs: 100, reconcileWindowMs: 1500 } });
    [agent, graphToken] = await Promise.all([
      stack.tokenFor("agent"),
      stack.sim.mintToken({ audience: "graph" }),
    ]);
  });
  afterAll(() => stack.close());
  afterEach(() => {
    stack.sim.clearFaults();
    stack.sim.resetTenant();
    stack.sim.clearReceived();
  });

  const tokenOf = async (kind: string, id: string): Promise<string | undefined> => {
    const response = await fetch(
      `${stack.sim.graphUrl}/beta/deviceManagement/${kind}EnrollmentProfiles/${id}?$select=tokenValue`,
      { headers: { authorization: `Bearer ${graphToken}` } },
    );
    const value = ((await response.json()) as { tokenValue?: string | null }).tokenValue;
    return value === null || value === "" ? undefined : value;
  };
  const posts = () =>
    stack
      .graphCalls()
      .filter((c) => c.method === "POST")
      .map((c) => c.path.split("/").at(-1));
  const settle = async (path: string, body: unknown): Promise<ActionRecord> => {
    const response = await postAction(stack, path, agent, body);
    expect(response.status).toBe(202);
    const accepted = ActionRecordSchema.parse(await response.json());
    expect(accepted.state).toBe("unknown");
    return waitForAction(stack, accepted.id, agent, (r) => r.state !== "unknown");
  };

  const faults = [
    { name: "a 503", rule: { kind: "status" as const, status: 503 } },
    { name: "a dropped connection", rule: { kind: "drop" as const } },
  ];

  for (const { name, rule } of faults) {
    for (const afterApplying of [true, false]) {
      const when = `${name} ${afterApplying ? "after Graph acted" : "before Graph acted"}`;

      it(`revoke: ${when}`, async () => {
        const before = await tokenOf("androidForWork", afw.warehouseScanners);
        stack.sim.setFaults([
          { method: "POST", path: "/revokeToken$", ...rule, times: 1, afterApplying },
        ]);
        const record = await settle(
          `/api/enrollment-profiles/androidForWork/${afw.warehouseScanners}/revoke-token`,
          { confirmDisplayName: "Corporate-owned dedicated — Warehouse scanners" },
        );
        expect(posts()).toEqual(["revokeToken"]);
        expect(record.completedAt).toBeDefined();
        if (afterApplying) {
          expect(record.state).toBe("succeeded");
          expect(await tokenOf("androidForWork", afw.warehouseScanners)).toBeUndefined();
        } else {
          expect(record).toMatchObject({ state: "failed", graph: { code: "notApplied" } });
          expect(await tokenOf("androidForWork", afw.warehouseScanners)).toBe(before);
        }
      });

      it(`create on a profile without a token: ${when}`, async () => {
        stack.sim.setFaults([
          { method: "POST", path: "/createToken$", ...rule, times: 1, afterApplying },
        ]);
        const record = await settle(
          `/api/enrollment-profiles/androidForWork/${afw.conferencePanels}/create-token`,
          { validityDays: 10 },
        );
        expect(posts()).toEqual(["createToken"]);
        if (afterApplying) {
          expect(record.state).toBe("succeeded");
          expect(await tokenOf("androidForWork", afw.conferencePanels)).toMatch(/^[A-Z2-9]{20}$/);
        } else {
          expect(record).toMatchObject({ state: "failed", graph: { code: "notApplied" } });
          expect(await tokenOf("androidForWork", afw.conferencePanels)).toBeUndefined();
        }
      });

      const replacePath = `/api/enrollment-profiles/androidDeviceOwner/${ado.corporatePhones}/replace-token`;
      const replaceBody = {
        confirmDisplayName: "Fully managed — Corporate phones",
        validityDays: 30,
      };

      it(`replace, its create step: ${when}`, async () => {
        const before = await tokenOf("androidDeviceOwner", ado.corporatePhones);
        stack.sim.setFaults([
          { method: "POST", path: "/createToken$", ...rule, times: 1, afterApplying },
        ]);
        const record = await settle(replacePath, replaceBody);
        expect(posts()).toEqual(["revokeToken", "createToken"]);
        const after = await tokenOf("androidDeviceOwner", ado.corporatePhones);
        if (afterApplying) {
          expect(record.state).toBe("succeeded");
          expect(record.steps?.map((s) => s.state)).toEqual(["succeeded", "succeeded"]);
          expect(after).toMatch(/^[A-Z2-9]{20}$/);
          expect(after).not.toBe(before);
        } else {
          expect(record).toMatchObject({ state: "failed", graph: { code: "notApplied" } });
          expect(record.steps?.map((s) => s.state)).toEqual(["succeeded", "failed"]);
          expect(after).toBeUndefined();
        }
      });

      it(`replace, its revoke step: ${when}; the create is never sent`, async () => {
        const before = await tokenOf("androidDeviceOwner", ado.corporatePhones);
        stack.sim.setFaults([
          { method: "POST", path: "/revokeToken$", ...rule, times: 1, afterApplying },
        ]);
        const record = await settle(replacePath, replaceBody);
        expect(posts()).toEqual(["revokeToken"]);
        expect(record.steps?.map((s) => [s.name, s.state])).toEqual([
          ["revokeToken", afterApplying ? "succeeded" : "failed"],
        ]);
        const after = await tokenOf("androidDeviceOwner", ado.corporatePhones);
        if (afterApplying) {
          expect(record).toMatchObject({ state: "failed", graph: { code: "notCompleted" } });
          expect(after).toBeUndefined();
        } else {
          expect(record).toMatchObject({ state: "failed", graph: { code: "notApplied" } });
          expect(after).toBe(before);
        }
      });
    }
  }

  it("keeps a baseline of the token (masked, never its value) on the record", async () => {
    const value = await tokenOf("androidForWork", afw.retailKiosks);
    stack.sim.setFaults([
      { method: "POST", path: "/revokeToken$", kind: "status", status: 502, times: 1 },
    ]);
    const response = await postAction(
      stack,
      `/api/enrollment-profiles/androidForWork/${afw.retailKiosks}/revoke-token`,
      agent,
      { confirmDisplayName: "Corporate-owned dedicated — Retail kiosks" },
    );
    const text = await response.text();
    expect(value).toBeDefined();
    expect(text).not.toContain(value);
    const record = ActionRecordSchema.parse(JSON.parse(text));
    const settled = await waitForAction(stack, record.id, agent, (r) => r.state !== "unknown");
    expect(settled).toMatchObject({ state: "failed", graph: { code: "notApplied" } });
    // Settled by reading: exactly one POST, and GETs of the profile after it.
    expect(posts()).toEqual(["revokeToken"]);
    const reads = stack
      .graphCalls()
      .filter((c) => c.method === "GET" && c.path.endsWith(afw.retailKiosks));
    expect(reads.length).toBeGreaterThanOrEqual(2);
  });
});
