import {
  ActionListSchema,
  ActionRecordSchema,
  PROBLEM_CONTENT_TYPE,
  ProblemSchema,
  type ActionRecord,
} from "@ihc/contracts";
import {
  seededEnrollmentProfileIds,
  seededIds,
  type FaultRule,
  type ReceivedGraphRequest,
} from "@ihc/tenant-sim";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { postAction, readAction } from "../test-support/action-helpers.js";
import { startStack, type Stack } from "../test-support/start-stack.js";
import { malformedGraphPaths } from "./graph-paths.js";
import { expectNoSecretsInLogs } from "./log-secrets.js";

/**
 * A failing Graph (issue #7, part 4): the simulator's fault switches against every read and one
 * action of each family. Reads succeed after bounded retries or fail with a readable problem,
 * in bounded time; actions are never lost (final or `unknown` in the journal) and never applied
 * twice.
 */
const ATTEMPT_TIMEOUT_MS = 1_500;
const RETRY = {
  baseDelayMs: 20,
  attemptTimeoutMs: ATTEMPT_TIMEOUT_MS,
  maxWaitMs: 2_000,
  maxRetries: 3,
};
/** The longest a request may take with Graph failing: every attempt timing out, plus backoff. */
const ANSWER_BOUND_MS = (RETRY.maxRetries + 1) * ATTEMPT_TIMEOUT_MS * 2 + 3_000;
const LONG_LATENCY_MS = ATTEMPT_TIMEOUT_MS + 1_000;

/**
 * How long watchers look for a sign that an `unknown` action took effect. Longer than the
 * injected latency: Graph (and the simulator) may act after the BFF stopped waiting, and a
 * window shorter than that would call an applied action `failed` (the default is 120 s).
 */
const RECONCILE_WINDOW_MS = 3_000;

const vppToken = seededIds.vppTokens.valid;
const slack = seededIds.iosVppApps.slack;
const profile = seededEnrollmentProfileIds.androidForWork.warehouseScanners;

const READS = [
  "/api/me",
  "/api/vpp-tokens",
  `/api/vpp-tokens/${vppToken}`,
  "/api/apps",
  `/api/apps/${slack}`,
  `/api/apps/${slack}/licenses`,
  "/api/enrollment-profiles",
];

const ANY = "^/(v1\\.0|beta)/";

/** How Graph misbehaves, as rules for every Graph path (reads) or one action's path. */
const PROFILES: Record<string, (path: string, method?: string) => FaultRule[]> = {
  "a throttling storm": (path, method) => [
    { path, ...(method ? { method } : {}), kind: "throttle", retryAfterSeconds: 1 },
  ],
  "a short burst of throttling": (path, method) => [
    { path, ...(method ? { method } : {}), kind: "throttle", retryAfterSeconds: 0, times: 1 },
  ],
  "latency of seconds, beyond the attempt timeout": (path, method) => [
    { path, ...(method ? { method } : {}), kind: "latency", latencyMs: LONG_LATENCY_MS },
  ],
  "latency of about a second": (path, method) => [
    { path, ...(method ? { method } : {}), kind: "latency", latencyMs: 900 },
  ],
  "a burst of 503s": (path, method) => [
    { path, ...(method ? { method } : {}), kind: "status", status: 503, times: 2 },
  ],
  "500s for good": (path, method) => [
    { path, ...(method ? { method } : {}), kind: "status", status: 500 },
  ],
  "dropped connections": (path, method) => [
    { path, ...(method ? { method } : {}), kind: "drop", times: 2 },
  ],
  "a 502 after acting": (path, method) => [
    {
      path,
      ...(method ? { method } : {}),
      kind: "status",
      status: 502,
      afterApplying: true,
      times: 1,
    },
  ],
  "a dropped connection after acting": (path, method) => [
    { path, ...(method ? { method } : {}), kind: "drop", afterApplying: true, times: 1 },
  ],
};

const READABLE_CODES = ["graph_throttled", "graph_unavailable", "graph_error", "claims_challenge"];

const startFailingStack = async (): Promise<Stack> => {
  const stack = await startStack({
    graphRetry: RETRY,
    rateLimit: { limit: 100_000, windowMs: 60_000 },
    watcherTuning: { pollMs: 150, maxBackoffMs: 500, reconcileWindowMs: RECONCILE_WINDOW_MS },
  });
  stack.sim.setTiming({ vppRevokeSeconds: 0.6, appRevokeSeconds: 0.3 });
  return stack;
};

describe("a failing Graph", () => {
  let stack: Stack;
  let agent: string;
  let senior: string;
  beforeAll(async () => {
    stack = await startFailingStack();
    agent = await stack.tokenFor("agent");
    senior = await stack.tokenFor("senior");
  });
  afterEach(() => {
    stack.sim.clearFaults();
    stack.sim.setScenario({ claimsChallenge: false });
  });
  afterAll(async () => {
    expectNoSecretsInLogs(stack, [agent, senior]);
    expect(malformedGraphPaths(stack.graphCalls())).toEqual([]);
    await stack.close();
  });

  /** The answer to a read: data, or a readable problem with the request id; timed. */
  const read = async (path: string) => {
    const started = Date.now();
    const response = await stack.fetch(path, { token: agent });
    const ms = Date.now() - started;
    const text = await response.text();
    return { path, status: response.status, ms, text, response };
  };

  const expectReadable = (answer: Awaited<ReturnType<typeof read>>) => {
    expect(answer.ms, `${answer.path} took ${answer.ms} ms`).toBeLessThan(ANSWER_BOUND_MS);
    if (answer.status === 200) return "ok";
    expect(answer.status, `${answer.path}: ${answer.text.slice(0, 300)}`).not.toBe(500);
    expect(answer.response.headers.get("content-type")).toContain(PROBLEM_CONTENT_TYPE);
    const problem = ProblemSchema.parse(JSON.parse(answer.text));
    expect(problem.requestId).toBe(answer.response.headers.get("x-request-id"));
    expect(READABLE_CODES, `${answer.path}: ${problem.code}`).toContain(problem.code);
    expect(problem.detail ?? "").not.toBe("");
    if (problem.code === "graph_throttled") {
      expect(Number(answer.response.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    return problem.code;
  };

  describe("reads", () => {
    it.each(Object.keys(PROFILES))(
      "under %s: data after bounded retries, or a readable problem in time",
      async (name) => {
        stack.sim.setFaults(PROFILES[name]?.(ANY, "GET") ?? []);
        const before = stack.graphCalls().length;
        const answers = await Promise.all(READS.map(read));
        const outcomes = answers.map(expectReadable);
        // Retries are bounded: /api/me makes one Graph call, so at most maxRetries + 1 attempts.
        const me = stack
          .graphCalls()
          .slice(before)
          .filter((call) => call.path.endsWith("/me"));
        expect(me.length).toBeLessThanOrEqual(RETRY.maxRetries + 1);
        if (name.startsWith("a short burst") || name.startsWith("latency of about")) {
          expect(outcomes).toEqual(READS.map(() => "ok"));
        }
        if (name === "a throttling storm")
          expect(new Set(outcomes)).toEqual(new Set(["graph_throttled"]));
        if (name === "500s for good")
          expect(new Set(outcomes)).toEqual(new Set(["graph_unavailable"]));
      },
    );

    it("one read at a time through a burst of 503s or drops: always data, after retries", async () => {
      for (const kind of ["a burst of 503s", "dropped connections"]) {
        for (const path of READS) {
          stack.sim.setFaults(PROFILES[kind]?.(ANY, "GET") ?? []);
          expect(expectReadable(await read(path)), `${kind} ${path}`).toBe("ok");
        }
      }
    });

    it("under a claims challenge: 401 claims_challenge with the challenge for the SPA", async () => {
      stack.sim.setScenario({ claimsChallenge: true });
      for (const answer of await Promise.all(READS.map(read))) {
        expect(expectReadable(answer)).toBe("claims_challenge");
        expect(answer.status).toBe(401);
        expect(answer.response.headers.get("www-authenticate")).toMatch(/claims=/);
      }
    });
  });

  describe("one action of each family", () => {
    // Each case on a fresh BFF and tenant: a case may leave an action open (a revoke Intune still
    // runs, an outcome still being settled), and a second action on that target would rightly be
    // refused (409: at most one open action per target and kind).
    beforeEach(async () => {
      expectNoSecretsInLogs(stack, [agent, senior]);
      expect(malformedGraphPaths(stack.graphCalls())).toEqual([]);
      await stack.close();
      stack = await startFailingStack();
      agent = await stack.tokenFor("agent");
      senior = await stack.tokenFor("senior");
    });
    const families = [
      {
        family: "VPP token revoke",
        path: `/api/vpp-tokens/${vppToken}/revoke-licenses`,
        graphPath: "/revokeLicenses$",
        body: {
          notifyManagedDevices: false,
          revokeUntrackedLicenses: false,
          confirmDisplayName: "Contoso Business VPP",
          reason: "adversarial",
        },
      },
      {
        family: "app license revoke",
        path: `/api/apps/${slack}/revoke-user-license`,
        graphPath: "/revokeUserLicense$",
        body: () => ({
          userId: stack.sim.accounts.find((a) => a.key === "agent")?.id,
          notifyManagedDevices: false,
        }),
      },
      {
        family: "enrollment token revoke",
        path: `/api/enrollment-profiles/androidForWork/${profile}/revoke-token`,
        graphPath: "/revokeToken$",
        body: { confirmDisplayName: "Corporate-owned dedicated — Warehouse scanners" },
      },
    ];

    /** Polls until the record is final, or leaves it `unknown` after the bound; never lost. */
    const settle = async (record: ActionRecord): Promise<ActionRecord> => {
      const deadline = Date.now() + RECONCILE_WINDOW_MS + 1_500;
      for (;;) {
        const current = await readAction(stack, record.id, senior);
        if (current.state === "succeeded" || current.state === "failed") return current;
        if (Date.now() > deadline) return current;
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
    };

    const postsTo = (graphPath: string, calls: ReceivedGraphRequest[]) =>
      calls.filter((call) => call.method === "POST" && new RegExp(graphPath).test(call.path));

    it.each([...Object.keys(PROFILES), "a claims challenge"])(
      "under %s: each ends final or unknown in the journal, none applied twice",
      async (name) => {
        stack.sim.resetTenant();
        const before = stack.graphCalls().length;
        if (name === "a claims challenge") stack.sim.setScenario({ claimsChallenge: true });
        else
          stack.sim.setFaults(families.flatMap((f) => PROFILES[name]?.(f.graphPath, "POST") ?? []));

        const results = await Promise.all(
          families.map(async (f) => {
            const started = Date.now();
            const response = await postAction(
              stack,
              f.path,
              senior,
              typeof f.body === "function" ? f.body() : f.body,
            );
            const ms = Date.now() - started;
            const text = await response.text();
            return { f, response, ms, text };
          }),
        );
        const journal = ActionListSchema.parse(
          await (await stack.fetch("/api/actions?limit=200", { token: senior })).json(),
        ).items;

        for (const { f, response, ms, text } of results) {
          const label = `${f.family} under ${name}`;
          expect(ms, label).toBeLessThan(ANSWER_BOUND_MS);
          expect(response.status, `${label}: ${text.slice(0, 300)}`).not.toBe(500);
          if (response.status !== 202) {
            // Refused before anything was sent (a pre-read failed): readable, and nothing sent.
            const problem = ProblemSchema.parse(JSON.parse(text));
            expect(READABLE_CODES, label).toContain(problem.code);
            expect(problem.requestId).toBe(response.headers.get("x-request-id"));
            continue;
          }
          const record = ActionRecordSchema.parse(JSON.parse(text));
          // Not lost: the journal lists it, and it ends final, or honestly unknown.
          expect(
            journal.map((r) => r.id),
            label,
          ).toContain(record.id);
          const settled = await settle(record);
          expect(["succeeded", "failed", "unknown"], `${label}: ${settled.state}`).toContain(
            settled.state,
          );
        }

        // Never applied twice: of the POSTs Graph received for each action, at most one was not
        // a 429 (a 429 guarantees Graph did not act; that is the only retry allowed).
        const sent = stack.graphCalls().slice(before);
        for (const f of families) {
          const posts = postsTo(f.graphPath, sent);
          const acted = posts.filter((call) => call.status !== 429);
          expect(
            acted.length,
            `${f.family} under ${name}: ${JSON.stringify(posts.map((p) => p.status))}`,
          ).toBeLessThanOrEqual(1);
          expect(posts.length).toBeLessThanOrEqual(RETRY.maxRetries + 1);
          if (name === "a claims challenge") expect(posts).toEqual([]);
        }
        stack.sim.clearFaults();
        stack.sim.setScenario({ claimsChallenge: false });
      },
    );
  });
});
