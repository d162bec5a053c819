import { randomUUID } from "node:crypto";
import {
  ActionRecordSchema,
  ProblemSchema,
  VppTokenDetailSchema,
  type ActionRecord,
} from "@ihc/contracts";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  listTokens,
  openEvents,
  postAction,
  tokenInState,
  waitForAction,
  waitForNoOpenAction,
} from "../test-support/action-helpers.js";
import { startStack, type Stack } from "../test-support/start-stack.js";

const revokeBody = (confirmDisplayName: string) => ({
  notifyManagedDevices: true,
  revokeUntrackedLicenses: false,
  confirmDisplayName,
});

const isFinal = (r: ActionRecord) =>
  r.state === "failed" ||
  (r.progress !== undefined && ["done", "failed"].includes(r.progress.actionState));

describe("VPP tokens and the action pipeline", () => {
  let stack: Stack;
  let agent: string;
  let auditor: string;
  beforeAll(async () => {
    stack = await startStack({
      watcherTuning: { pollMs: 150, reconcileWindowMs: 1500 },
      // One agent's 20 streams below: many viewers, one watcher.
      env: { EVENT_STREAMS_PER_USER: "25" },
    });
    stack.sim.setTiming({ vppRevokeSeconds: 2 });
    agent = await stack.tokenFor("agent");
    auditor = await stack.tokenFor("auditor");
  });
  afterAll(() => stack.close());
  afterEach(async () => {
    stack.sim.clearFaults();
    // One open revoke per token: the next test's revoke waits for this test's to end.
    await waitForNoOpenAction(stack);
    stack.sim.clearReceived();
  });

  const graphPosts = (pathEnd: string) =>
    stack.graphCalls().filter((c) => c.method === "POST" && c.path.endsWith(pathEnd));

  const expectProblem = async (response: Response, status: number, code: string) => {
    expect(response.status).toBe(status);
    const problem = ProblemSchema.parse(await response.json());
    expect(problem.code).toBe(code);
    return problem;
  };

  it("lists tokens in varied states and never forwards the token secret", async () => {
    const response = await stack.fetch("/api/vpp-tokens", { token: auditor });
    const text = await response.text();
    const tokens = await listTokens(stack, auditor);
    expect(tokens.map((t) => t.state)).toEqual(expect.arrayContaining(["valid", "expired"]));
    expect(text).not.toMatch(/"token"\s*:/);
    const get = stack.graphCalls().find((c) => c.path.endsWith("/vppTokens"));
    expect(get?.query.$select ?? "").not.toMatch(/(^|,)token(,|$)/);
  });

  it("shows a token's impact: its apps and licenses in use", async () => {
    const valid = await tokenInState(stack, agent, "valid");
    const response = await stack.fetch(`/api/vpp-tokens/${valid.id}`, { token: agent });
    expect(response.status).toBe(200);
    const detail = VppTokenDetailSchema.parse(await response.json());
    expect(detail.token.id).toBe(valid.id);
    expect(detail.impact.apps.length).toBeGreaterThan(0);
    expect(detail.impact.licensesInUse).toBe(
      detail.impact.apps.reduce((n, a) => n + a.usedLicenseCount, 0),
    );
  });

  it("answers 404 for an unknown token and 400 for a malformed id, never calling Graph with it", async () => {
    await expectProblem(
      await stack.fetch(`/api/vpp-tokens/${randomUUID()}`, { token: agent }),
      404,
      "not_found",
    );
    for (const bad of ["abc", "..%2F..%2Fusers", "1%3F%24top%3D1", "%20", "'or'1'='1"]) {
      const problem = await expectProblem(
        await stack.fetch(`/api/vpp-tokens/${bad}`, { token: agent }),
        400,
        "validation_failed",
      );
      expect(problem.fields?.[0]?.path).toBe("params.id");
    }
    const bodies = stack.graphCalls().map((c) => c.path);
    expect(bodies.filter((p) => /vppTokens\/(?![0-9a-f-]{36}$)/.test(p))).toEqual([]);
  });

  it("rejects bad action input with 400 naming the field, and calls Graph for none of it", async () => {
    const valid = await tokenInState(stack, agent, "valid");
    const path = `/api/vpp-tokens/${valid.id}/revoke-licenses`;
    const cases: [unknown, string][] = [
      [{ ...revokeBody(valid.displayName), extra: 1 }, "body.extra"],
      [
        { ...revokeBody(valid.displayName), notifyManagedDevices: "yes" },
        "body.notifyManagedDevices",
      ],
      [
        { notifyManagedDevices: true, confirmDisplayName: valid.displayName },
        "body.revokeUntrackedLicenses",
      ],
      [revokeBody("not the name"), "body.confirmDisplayName"],
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
      body: JSON.stringify(revokeBody(valid.displayName)),
    });
    expect((await expectProblem(noKey, 400, "validation_failed")).fields?.[0]?.path).toBe(
      "headers.idempotency-key",
    );
    await expectProblem(
      await postAction(stack, path, agent, revokeBody(valid.displayName), "not-a-uuid"),
      400,
      "validation_failed",
    );
    expect(graphPosts("/revokeLicenses")).toEqual([]);
  });

  it("refuses the auditor with 403 and no Graph call", async () => {
    const valid = await tokenInState(stack, auditor, "valid");
    await expectProblem(
      await postAction(
        stack,
        `/api/vpp-tokens/${valid.id}/revoke-licenses`,
        auditor,
        revokeBody(valid.displayName),
      ),
      403,
      "forbidden",
    );
    expect(graphPosts("/revokeLicenses")).toEqual([]);
  });

  it("revokes once per key, journals first, and follows the revoke to done", async () => {
    const valid = await tokenInState(stack, agent, "valid");
    const path = `/api/vpp-tokens/${valid.id}/revoke-licenses`;
    const key = randomUUID();
    const first = await postAction(stack, path, agent, revokeBody(valid.displayName), key);
    expect(first.status).toBe(202);
    const record = ActionRecordSchema.parse(await first.json());
    expect(record).toMatchObject({
      kind: "vpp-token.revoke-licenses",
      state: "succeeded",
      idempotencyKey: key,
      target: { type: "vppToken", id: valid.id, displayName: valid.displayName },
      actor: { oid: stack.sim.accounts.find((a) => a.key === "agent")?.id },
    });
    expect(record.graph?.clientRequestId).toBeDefined();
    const post = graphPosts("/revokeLicenses")[0];
    expect(post?.clientRequestId).toBe(record.graph?.clientRequestId);

    const again = await postAction(stack, path, agent, revokeBody(valid.displayName), key);
    expect(again.status).toBe(202);
    expect(ActionRecordSchema.parse(await again.json()).id).toBe(record.id);
    const otherBody = { ...revokeBody(valid.displayName), notifyManagedDevices: false };
    await expectProblem(
      await postAction(stack, path, agent, otherBody, key),
      422,
      "idempotency_key_reused",
    );
    expect(graphPosts("/revokeLicenses")).toHaveLength(1);

    const final = await waitForAction(stack, record.id, agent, isFinal);
    expect(final.progress?.actionState).toBe("done");
    expect(final.progress?.attemptedCount).toBeGreaterThan(0);
    expect(final.progress?.totalBefore).toBeGreaterThan(0);
    const detail = VppTokenDetailSchema.parse(
      await (await stack.fetch(`/api/vpp-tokens/${valid.id}`, { token: agent })).json(),
    );
    const result = detail.token.tokenActionResults.at(-1);
    expect(final.progress).toMatchObject({
      attemptedCount: result?.totalLicensesCount,
      failedCount: result?.failedLicensesCount,
    });
  });

  it("ends a revoke on the expired token failed with expiredVppToken", async () => {
    const expired = await tokenInState(stack, agent, "expired");
    const response = await postAction(
      stack,
      `/api/vpp-tokens/${expired.id}/revoke-licenses`,
      agent,
      revokeBody(expired.displayName),
    );
    const record = ActionRecordSchema.parse(await response.json());
    const final = await waitForAction(stack, record.id, agent, isFinal);
    expect(final.progress).toMatchObject({
      actionState: "failed",
      failureReason: "expiredVppToken",
    });
  });

  it("sends the revoke again after Graph's 429 and Retry-After: one revoke in Graph", async () => {
    const valid = await tokenInState(stack, agent, "valid");
    const before = valid.tokenActionResults.length;
    stack.sim.setFaults([
      {
        method: "POST",
        path: "/revokeLicenses$",
        kind: "throttle",
        retryAfterSeconds: 1,
        times: 1,
      },
    ]);
    const response = await postAction(
      stack,
      `/api/vpp-tokens/${valid.id}/revoke-licenses`,
      agent,
      revokeBody(valid.displayName),
    );
    expect(ActionRecordSchema.parse(await response.json()).state).toBe("succeeded");
    expect(graphPosts("/revokeLicenses").map((c) => c.status)).toEqual([429, 204]);
    const after = (await listTokens(stack, agent)).find((t) => t.id === valid.id);
    expect(after?.tokenActionResults.length).toBe(before + 1);
  });

  for (const kind of ["status", "drop"] as const) {
    it(`records a ${kind === "status" ? "503" : "dropped connection"} as unknown, never resends, and reconciles`, async () => {
      const valid = await tokenInState(stack, agent, "valid");
      stack.sim.setFaults([
        { method: "POST", path: "/revokeLicenses$", kind, status: 503, times: 1 },
      ]);
      const response = await postAction(
        stack,
        `/api/vpp-tokens/${valid.id}/revoke-licenses`,
        agent,
        revokeBody(valid.displayName),
      );
      const record = ActionRecordSchema.parse(await response.json());
      expect(record.state).toBe("unknown");
      // The fault answered before the simulator acted: reading the token shows no new revoke.
      const final = await waitForAction(stack, record.id, agent, (r) => r.state !== "unknown");
      expect(final.state).toBe("failed");
      expect(final.graph?.code).toBe("notApplied");
      expect(graphPosts("/revokeLicenses")).toHaveLength(1);
    });
  }

  for (const kind of ["status", "drop"] as const) {
    it(`reconciles a revoke that took effect although its answer was ${kind === "status" ? "a 503" : "lost"}`, async () => {
      const valid = await tokenInState(stack, agent, "valid");
      stack.sim.setFaults([
        {
          method: "POST",
          path: "/revokeLicenses$",
          kind,
          status: 503,
          times: 1,
          afterApplying: true,
        },
      ]);
      const response = await postAction(
        stack,
        `/api/vpp-tokens/${valid.id}/revoke-licenses`,
        agent,
        revokeBody(valid.displayName),
      );
      const record = ActionRecordSchema.parse(await response.json());
      expect(record.state).toBe("unknown");
      const final = await waitForAction(stack, record.id, agent, isFinal);
      expect(final.state).toBe("succeeded");
      expect(final.progress?.actionState).toBe("done");
      expect(graphPosts("/revokeLicenses")).toHaveLength(1);
    });
  }

  it("streams action records and progress; one watcher however many streams", async () => {
    const valid = await tokenInState(stack, agent, "valid");
    const streams = await Promise.all(Array.from({ length: 20 }, () => openEvents(stack, agent)));
    const auditorStream = await openEvents(stack, auditor);
    stack.sim.clearReceived();
    const response = await postAction(
      stack,
      `/api/vpp-tokens/${valid.id}/revoke-licenses`,
      agent,
      revokeBody(valid.displayName),
    );
    const record = ActionRecordSchema.parse(await response.json());
    for (const stream of [...streams, auditorStream]) {
      await stream.waitFor(
        (e) =>
          e.type === "action" &&
          e.action.id === record.id &&
          e.action.progress?.actionState === "done",
      );
      await stream.waitFor((e) => e.type === "vpp-token-progress" && e.vppTokenId === valid.id);
    }
    const polls = stack
      .graphCalls()
      .filter((c) => c.method === "GET" && c.path.endsWith(`/vppTokens/${valid.id}`));
    // One poller: about one read per poll period for the revoke's few seconds, not 21 × that.
    expect(polls.length).toBeLessThan(40);
    for (const stream of [...streams, auditorStream]) stream.close();
  });

  it("resumes a stream with Last-Event-ID and keeps one agent's actions from another", async () => {
    const valid = await tokenInState(stack, agent, "valid");
    const stranger = await stack.tokenFor("agent", {
      claims: { oid: randomUUID(), name: "Another Agent" },
    });
    const first = await openEvents(stack, agent);
    const strangerStream = await openEvents(stack, stranger);
    const response = await postAction(
      stack,
      `/api/vpp-tokens/${valid.id}/revoke-licenses`,
      agent,
      revokeBody(valid.displayName),
    );
    const record = ActionRecordSchema.parse(await response.json());
    await first.waitFor((e) => e.type === "action" && e.action.id === record.id);
    const firstId = first.events.find(
      (e) => e.event.type === "action" && e.event.action.id === record.id,
    )?.id;
    first.close();
    const resumed = await openEvents(stack, agent, firstId);
    await resumed.waitFor(
      (e) => e.type === "action" && e.action.id === record.id && isFinal(e.action),
    );
    expect(resumed.events.every((e) => Number(e.id ?? Infinity) > Number(firstId))).toBe(true);
    await strangerStream.waitFor((e) => e.type === "vpp-token-progress");
    expect(
      strangerStream.events.some(
        (e) => e.event.type === "action" && e.event.action.id === record.id,
      ),
    ).toBe(false);
    const strangerRead = await stack.fetch(`/api/actions/${record.id}`, { token: stranger });
    expect(strangerRead.status).toBe(404);
    resumed.close();
    strangerStream.close();
  });
});
