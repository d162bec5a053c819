import { randomUUID } from "node:crypto";
import {
  ActionListSchema,
  ActionRecordSchema,
  EnrollmentProfileListSchema,
  ProblemSchema,
  RevealedTokenSchema,
  type ActionRecord,
  type EnrollmentProfile,
} from "@ihc/contracts";
import { seededEnrollmentProfileIds } from "@ihc/tenant-sim";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { postAction, waitForAction } from "../test-support/action-helpers.js";
import { startStack, type Stack } from "../test-support/start-stack.js";

const afw = seededEnrollmentProfileIds.androidForWork;
const ado = seededEnrollmentProfileIds.androidDeviceOwner;
const collections = {
  androidForWork: "/beta/deviceManagement/androidForWorkEnrollmentProfiles",
  androidDeviceOwner: "/beta/deviceManagement/androidDeviceOwnerEnrollmentProfiles",
} as const;
type Kind = keyof typeof collections;

/**
 * A replay answers with the same record, never a new one. Its watcher may have checked it
 * (`lastCheckedAt`) or settled it between the two requests, so only what a replay must not
 * change is compared: the record, its kind and target, and the Graph requests of its steps.
 */
const expectReplayOf = (again: ActionRecord, record: ActionRecord) => {
  const identity = (r: ActionRecord) => ({
    id: r.id,
    kind: r.kind,
    target: r.target,
    steps: r.steps?.map((s) => [s.name, s.graph.clientRequestId]),
  });
  expect(identity(again)).toEqual(identity(record));
};

describe("Android Enterprise enrollment profiles", () => {
  let stack: Stack;
  let agent: string;
  let senior: string;
  let auditor: string;
  let graphToken: string;
  beforeAll(async () => {
    // Unknown outcomes are settled from the profile: within a second when it shows nothing.
    stack = await startStack({ watcherTuning: { reconcileWindowMs: 1000 } });
    [agent, senior, auditor, graphToken] = await Promise.all([
      stack.tokenFor("agent"),
      stack.tokenFor("senior"),
      stack.tokenFor("auditor"),
      stack.sim.mintToken({ audience: "graph" }),
    ]);
  });
  afterAll(() => stack.close());
  afterEach(() => {
    stack.sim.clearFaults();
    stack.sim.resetTenant();
    stack.sim.clearReceived();
  });

  /** What the simulated tenant holds, read straight from its Graph face. */
  const simProfiles = async (kind: Kind): Promise<Record<string, unknown>[]> => {
    const response = await fetch(
      `${stack.sim.graphUrl}${collections[kind]}?$select=displayName,tokenValue,qrCodeContent,tokenExpirationDateTime`,
      { headers: { authorization: `Bearer ${graphToken}` } },
    );
    return ((await response.json()) as { value: Record<string, unknown>[] }).value;
  };
  const simProfile = async (kind: Kind, id: string): Promise<Record<string, unknown>> => {
    const found = (await simProfiles(kind)).find((p) => p.id === id);
    if (!found) throw new Error(`no ${kind} profile ${id}`);
    return found;
  };
  const list = async (token = agent): Promise<EnrollmentProfile[]> => {
    const response = await stack.fetch("/api/enrollment-profiles", { token });
    expect(response.status).toBe(200);
    return EnrollmentProfileListSchema.parse(await response.json()).items;
  };
  const profileOf = async (id: string): Promise<EnrollmentProfile> => {
    const found = (await list()).find((p) => p.id === id);
    if (!found) throw new Error(`no profile ${id}`);
    return found;
  };
  const graphPosts = () => stack.graphCalls().filter((c) => c.method === "POST");
  const expectProblem = async (response: Response, status: number, code: string) => {
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    const problem = ProblemSchema.parse(await response.json());
    expect(problem.code).toBe(code);
    return problem;
  };
  const base = (kind: Kind, id: string) => `/api/enrollment-profiles/${kind}/${id}`;

  describe("GET /api/enrollment-profiles", () => {
    it("lists both kinds with their token status, and no token value or secret anywhere", async () => {
      const response = await stack.fetch("/api/enrollment-profiles", { token: auditor });
      expect(response.status).toBe(200);
      const text = await response.text();
      const items = EnrollmentProfileListSchema.parse(JSON.parse(text)).items;
      expect(items.filter((p) => p.kind === "androidForWork")).toHaveLength(6);
      expect(items.filter((p) => p.kind === "androidDeviceOwner")).toHaveLength(6);
      const status = (id: string) => items.find((p) => p.id === id)?.tokenStatus;
      expect(
        [afw.warehouseScanners, afw.retailKiosks, afw.deliveryHandhelds, afw.conferencePanels].map(
          status,
        ),
      ).toEqual(["active", "expiring", "expired", "none"]);
      expect(
        [ado.corporatePhones, ado.salesTablets, ado.stagingScanners, ado.meetingHeadsets].map(
          status,
        ),
      ).toEqual(["active", "expiring", "expired", "none"]);
      const phones = items.find((p) => p.id === ado.corporatePhones);
      expect(phones).toMatchObject({
        kind: "androidDeviceOwner",
        displayName: "Fully managed — Corporate phones",
        enrollmentMode: "corporateOwnedFullyManaged",
        enrollmentTokenType: "default",
        enrolledDeviceCount: 1204,
        enrollmentTokenUsageCount: 87,
      });
      expect(phones?.maskedToken).toMatch(/^•{8}[A-Z2-9]{4}$/);
      const none = items.find((p) => p.id === afw.conferencePanels);
      expect(none?.maskedToken).toBeUndefined();
      expect(none?.tokenExpirationDateTime).toBeUndefined();

      // The list selects the token (to know whether one exists) but never the QR code or Wi-Fi.
      const selects = stack
        .graphCalls()
        .filter((c) => c.method === "GET" && c.path.endsWith("EnrollmentProfiles"))
        .map((c) => c.query.$select ?? "");
      expect(selects).toHaveLength(2);
      for (const select of selects) {
        expect(select).toContain("tokenValue");
        expect(select).not.toMatch(/qrCode|wifiPassword/);
      }

      // No token value, QR content or Wi-Fi password reaches the response.
      const secrets = [
        ...(await simProfiles("androidForWork")),
        ...(await simProfiles("androidDeviceOwner")),
      ]
        .map((p) => p.tokenValue)
        .filter((v): v is string => typeof v === "string");
      expect(secrets.length).toBe(10);
      for (const secret of secrets) {
        expect(text).not.toContain(secret);
        expect(text).toContain(secret.slice(-4));
      }
      expect(text).not.toMatch(/tokenValue|qrCode|wifi|sim-only-wifi/i);
    });

    it("needs console:read", async () => {
      const norole = await stack.tokenFor("norole");
      await expectProblem(
        await stack.fetch("/api/enrollment-profiles", { token: norole }),
        403,
        "forbidden",
      );
    });
  });

  describe("GET …/:kind/:id/token (reveal)", () => {
    it("shows the senior agent the token, journaled, with Cache-Control: no-store", async () => {
      const expected = await simProfile("androidDeviceOwner", ado.sharedFrontline);
      stack.sim.clearReceived();
      const response = await stack.fetch(
        `${base("androidDeviceOwner", ado.sharedFrontline)}/token`,
        {
          token: senior,
        },
      );
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toBe("no-store");
      const revealed = RevealedTokenSchema.parse(await response.json());
      expect(revealed).toEqual({
        tokenValue: expected.tokenValue,
        qrCodeContent: expected.qrCodeContent,
        tokenExpirationDateTime: expected.tokenExpirationDateTime,
      });
      expect(graphPosts()).toEqual([]);

      const journal = ActionListSchema.parse(
        await (
          await stack.fetch(`/api/actions?targetId=${ado.sharedFrontline}`, { token: senior })
        ).json(),
      ).items;
      expect(journal).toHaveLength(1);
      expect(journal[0]).toMatchObject({
        kind: "enrollment-profile.reveal-token",
        state: "succeeded",
        actor: { userPrincipalName: "megan.bowen@contoso-sim.onmicrosoft.com" },
        target: {
          type: "enrollmentProfile",
          id: ado.sharedFrontline,
          displayName: "Corporate-owned dedicated — Shared frontline devices",
        },
        graph: { status: 200 },
      });
      expect(JSON.stringify(journal)).not.toContain(String(expected.tokenValue));
    });

    it("is 403 for the agent without Enrollment.RevealToken and for the auditor, and journals nothing", async () => {
      for (const token of [agent, auditor]) {
        await expectProblem(
          await stack.fetch(`${base("androidForWork", afw.warehouseScanners)}/token`, { token }),
          403,
          "forbidden",
        );
      }
      expect(stack.graphCalls()).toEqual([]);
      const journal = ActionListSchema.parse(
        await (
          await stack.fetch(`/api/actions?targetId=${afw.warehouseScanners}`, { token: senior })
        ).json(),
      ).items;
      expect(journal).toEqual([]);
    });

    it("is 409 for a profile without a token", async () => {
      await expectProblem(
        await stack.fetch(`${base("androidForWork", afw.conferencePanels)}/token`, {
          token: senior,
        }),
        409,
        "conflict",
      );
    });
  });

  describe("POST …/revoke-token", () => {
    it("revokes through the pipeline: one Graph POST per key, the token gone afterwards", async () => {
      const path = `${base("androidForWork", afw.retailKiosks)}/revoke-token`;
      const key = randomUUID();
      const body = {
        confirmDisplayName: "Corporate-owned dedicated — Retail kiosks",
        reason: "INC-4711 token shared in a chat",
      };
      const first = await postAction(stack, path, agent, body, key);
      expect(first.status).toBe(202);
      const record = ActionRecordSchema.parse(await first.json());
      expect(record).toMatchObject({
        kind: "enrollment-profile.revoke-token",
        state: "succeeded",
        target: { type: "enrollmentProfile", id: afw.retailKiosks },
        parameters: { profileKind: "androidForWork" },
        reason: "INC-4711 token shared in a chat",
        graph: { status: 204 },
      });
      expect(record.steps).toBeUndefined();

      const again = await postAction(stack, path, agent, body, key);
      expect(again.status).toBe(202);
      expectReplayOf(ActionRecordSchema.parse(await again.json()), record);
      const posts = graphPosts();
      expect(posts.map((c) => c.path)).toEqual([
        `${collections.androidForWork}/${afw.retailKiosks}/revokeToken`,
      ]);
      expect(posts[0]?.clientRequestId).toBe(record.graph?.clientRequestId);

      expect((await profileOf(afw.retailKiosks)).tokenStatus).toBe("none");
      expect((await simProfile("androidForWork", afw.retailKiosks)).tokenValue).toBeNull();
      // A different body under the same key is refused.
      await expectProblem(
        await postAction(stack, path, agent, { ...body, reason: "other" }, key),
        422,
        "idempotency_key_reused",
      );
    });

    it("accepts the name as a person types it: a hyphen for the dash, any case and spacing", async () => {
      const path = `${base("androidDeviceOwner", ado.corporatePhones)}/revoke-token`;
      const response = await postAction(stack, path, agent, {
        confirmDisplayName: "  fully MANAGED -   corporate phones ",
      });
      expect(response.status).toBe(202);
      expect(graphPosts().map((c) => c.path)).toEqual([
        `${collections.androidDeviceOwner}/${ado.corporatePhones}/revokeToken`,
      ]);
    });

    it("answers 409 for a profile without a token and sends nothing", async () => {
      const problem = await expectProblem(
        await postAction(
          stack,
          `${base("androidDeviceOwner", ado.meetingHeadsets)}/revoke-token`,
          agent,
          {
            confirmDisplayName: "AOSP userless — Meeting room headsets",
          },
        ),
        409,
        "conflict",
      );
      expect(problem.detail).toBe("This profile has no enrollment token to revoke.");
      expect(graphPosts()).toEqual([]);
    });

    it("refuses a wrong confirmation, extra fields and a missing key with 400, sending nothing", async () => {
      const path = `${base("androidDeviceOwner", ado.corporatePhones)}/revoke-token`;
      const cases: [unknown, string][] = [
        [{ confirmDisplayName: "Corporate phones" }, "body.confirmDisplayName"],
        [{ confirmDisplayName: "Fully managed — Corporate phones", extra: true }, "body.extra"],
        [{}, "body.confirmDisplayName"],
      ];
      for (const [body, field] of cases) {
        const problem = await expectProblem(
          await postAction(stack, path, agent, body),
          400,
          "validation_failed",
        );
        expect(problem.fields?.map((f) => f.path)).toContain(field);
      }
      const noKey = await stack.fetch(path, {
        method: "POST",
        token: agent,
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ confirmDisplayName: "Fully managed — Corporate phones" }),
      });
      await expectProblem(noKey, 400, "validation_failed");
      expect(graphPosts()).toEqual([]);
    });
  });

  describe("POST …/create-token", () => {
    it("creates a token valid for 1 or 90 days (in seconds for Graph)", async () => {
      for (const [kind, id, validityDays] of [
        ["androidForWork", afw.conferencePanels, 1],
        ["androidDeviceOwner", ado.meetingHeadsets, 90],
      ] as const) {
        const response = await postAction(stack, `${base(kind, id)}/create-token`, agent, {
          validityDays,
        });
        expect(response.status).toBe(202);
        const record = ActionRecordSchema.parse(await response.json());
        expect(record).toMatchObject({
          kind: "enrollment-profile.create-token",
          state: "succeeded",
          parameters: { profileKind: kind, validityDays },
        });
        const profile = await profileOf(id);
        expect(profile.tokenStatus).toBe(validityDays === 1 ? "expiring" : "active");
        const days = (Date.parse(profile.tokenExpirationDateTime ?? "") - Date.now()) / 86_400_000;
        expect(days).toBeCloseTo(validityDays, 1);
      }
      expect(graphPosts().map((c) => [c.path.split("/").at(-1), c.body])).toEqual([
        ["createToken", { tokenValidityInSeconds: 86_400 }],
        ["createToken", { tokenValidityInSeconds: 7_776_000 }],
      ]);
    });

    it("refuses 0, 91 and non-integers with 400 before Graph", async () => {
      const path = `${base("androidForWork", afw.conferencePanels)}/create-token`;
      for (const validityDays of [0, 91, 1.5, "30", -1]) {
        const problem = await expectProblem(
          await postAction(stack, path, agent, { validityDays }),
          400,
          "validation_failed",
        );
        expect(problem.fields?.map((f) => f.path)).toContain("body.validityDays");
      }
      expect(stack.graphCalls()).toEqual([]);
    });

    it("renews an expired token, but sends a valid one to Replace token (409)", async () => {
      const expired = await postAction(
        stack,
        `${base("androidDeviceOwner", ado.stagingScanners)}/create-token`,
        agent,
        { validityDays: 30 },
      );
      expect(expired.status).toBe(202);
      expect((await profileOf(ado.stagingScanners)).tokenStatus).toBe("active");
      await expectProblem(
        await postAction(
          stack,
          `${base("androidForWork", afw.warehouseScanners)}/create-token`,
          agent,
          {
            validityDays: 30,
          },
        ),
        409,
        "conflict",
      );
      expect(graphPosts()).toHaveLength(1);
    });
  });

  describe("POST …/replace-token", () => {
    const replacePath = base("androidDeviceOwner", ado.corporatePhones) + "/replace-token";
    const replaceBody = {
      confirmDisplayName: "Fully managed — Corporate phones",
      validityDays: 60,
    };

    it("revokes then creates: two Graph POSTs in order, one record with two steps", async () => {
      const before = await simProfile("androidDeviceOwner", ado.corporatePhones);
      const key = randomUUID();
      const response = await postAction(stack, replacePath, agent, replaceBody, key);
      expect(response.status).toBe(202);
      const record = ActionRecordSchema.parse(await response.json());
      const posts = graphPosts();
      expect(posts.map((c) => c.path.split("/").at(-1))).toEqual(["revokeToken", "createToken"]);
      expect(posts[1]?.body).toEqual({ tokenValidityInSeconds: 60 * 86_400 });
      expect(record).toMatchObject({
        kind: "enrollment-profile.replace-token",
        state: "succeeded",
        parameters: { profileKind: "androidDeviceOwner", validityDays: 60 },
        steps: [
          { name: "revokeToken", state: "succeeded", graph: { status: 204 } },
          { name: "createToken", state: "succeeded", graph: { status: 204 } },
        ],
      });
      expect(posts.map((c) => c.clientRequestId)).toEqual(
        record.steps?.map((s) => s.graph.clientRequestId),
      );
      expect(record.graph).toEqual(record.steps?.[1]?.graph);

      const after = await simProfile("androidDeviceOwner", ado.corporatePhones);
      expect(after.tokenValue).toMatch(/^[A-Z2-9]{20}$/);
      expect(after.tokenValue).not.toBe(before.tokenValue);
      expect((await profileOf(ado.corporatePhones)).tokenStatus).toBe("active");

      const again = await postAction(stack, replacePath, agent, replaceBody, key);
      expectReplayOf(ActionRecordSchema.parse(await again.json()), record);
      expect(graphPosts()).toHaveLength(2);
    });

    it("only creates when there is no token to revoke", async () => {
      const response = await postAction(
        stack,
        `${base("androidForWork", afw.conferencePanels)}/replace-token`,
        agent,
        {
          confirmDisplayName: "Corporate-owned dedicated — Conference room panels",
          validityDays: 7,
        },
      );
      const record = ActionRecordSchema.parse(await response.json());
      expect(record.steps?.map((s) => [s.name, s.state])).toEqual([["createToken", "succeeded"]]);
      expect(graphPosts().map((c) => c.path.split("/").at(-1))).toEqual(["createToken"]);
    });

    it("stops at a step whose outcome is unknown and never resends it or the steps before", async () => {
      stack.sim.setFaults([
        { method: "POST", path: "/createToken$", kind: "status", status: 503, times: 1 },
      ]);
      const key = randomUUID();
      const record = ActionRecordSchema.parse(
        await (await postAction(stack, replacePath, agent, replaceBody, key)).json(),
      );
      expect(record.state).toBe("unknown");
      expect(record.steps?.map((s) => [s.name, s.state])).toEqual([
        ["revokeToken", "succeeded"],
        ["createToken", "unknown"],
      ]);
      expect(record.graph).toMatchObject({ status: 503 });
      const again = ActionRecordSchema.parse(
        await (await postAction(stack, replacePath, agent, replaceBody, key)).json(),
      );
      expectReplayOf(again, record);
      // Settled by reading the profile (no new token), never by sending again.
      const settled = await waitForAction(stack, record.id, agent, (r) => r.state !== "unknown");
      expect(settled).toMatchObject({ state: "failed", graph: { code: "notApplied" } });
      expect(graphPosts().map((c) => c.path.split("/").at(-1))).toEqual([
        "revokeToken",
        "createToken",
      ]);
    });

    it("ends failed at a refused first step without sending the second", async () => {
      // A 400: Graph's 403 on an Intune write is the missing Intune role, answered as a
      // problem (realistic/intune-rbac-writes.test.ts); any other refusal is a failed record.
      stack.sim.setFaults([
        { method: "POST", path: "/revokeToken$", kind: "status", status: 400, times: 1 },
      ]);
      const record = ActionRecordSchema.parse(
        await (await postAction(stack, replacePath, agent, replaceBody)).json(),
      );
      expect(record.state).toBe("failed");
      expect(record.completedAt).toBeDefined();
      expect(record.steps?.map((s) => [s.name, s.state])).toEqual([["revokeToken", "failed"]]);
      expect(graphPosts().map((c) => c.path.split("/").at(-1))).toEqual(["revokeToken"]);
    });

    it("needs the profile's name", async () => {
      await expectProblem(
        await postAction(stack, replacePath, agent, { ...replaceBody, confirmDisplayName: "nope" }),
        400,
        "validation_failed",
      );
      expect(graphPosts()).toEqual([]);
    });
  });

  describe("roles and addressing", () => {
    it("refuses every action to the auditor (403) and sends nothing", async () => {
      const id = afw.warehouseScanners;
      const confirm = { confirmDisplayName: "Corporate-owned dedicated — Warehouse scanners" };
      for (const [action, body] of [
        ["revoke-token", confirm],
        ["create-token", { validityDays: 5 }],
        ["replace-token", { ...confirm, validityDays: 5 }],
      ] as const) {
        await expectProblem(
          await postAction(stack, `${base("androidForWork", id)}/${action}`, auditor, body),
          403,
          "forbidden",
        );
      }
      expect(stack.graphCalls()).toEqual([]);
    });

    it("answers 404 for an unknown kind or id, and 400 for a malformed id without calling Graph", async () => {
      await expectProblem(
        await stack.fetch(`/api/enrollment-profiles/iosEnrollment/${afw.warehouseScanners}/token`, {
          token: senior,
        }),
        404,
        "not_found",
      );
      await expectProblem(
        await postAction(
          stack,
          `/api/enrollment-profiles/androidForwork/${afw.warehouseScanners}/revoke-token`,
          agent,
          {
            confirmDisplayName: "x",
          },
        ),
        404,
        "not_found",
      );
      expect(stack.graphCalls()).toEqual([]);

      // An id of the other kind is unknown to Graph in this collection.
      const unknown = await expectProblem(
        await postAction(
          stack,
          `${base("androidForWork", ado.corporatePhones)}/revoke-token`,
          agent,
          {
            confirmDisplayName: "Fully managed — Corporate phones",
          },
        ),
        404,
        "not_found",
      );
      expect(unknown.graphCode).toBe("ResourceNotFound");
      expect(graphPosts()).toEqual([]);
      stack.sim.clearReceived();

      for (const bad of ["abc", "..%2F..%2FmanagedDevices", "1%3F%24select%3DtokenValue"]) {
        const problem = await expectProblem(
          await stack.fetch(`${base("androidDeviceOwner", bad)}/token`, { token: senior }),
          400,
          "validation_failed",
        );
        expect(problem.fields?.[0]?.path).toBe("params.id");
        await expectProblem(
          await postAction(stack, `${base("androidDeviceOwner", bad)}/create-token`, agent, {
            validityDays: 5,
          }),
          400,
          "validation_failed",
        );
      }
      expect(stack.graphCalls()).toEqual([]);
    });
  });
});
