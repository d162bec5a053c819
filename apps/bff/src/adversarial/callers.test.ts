import { randomUUID } from "node:crypto";
import {
  ActionListSchema,
  ActionRecordSchema,
  MeSchema,
  PROBLEM_CONTENT_TYPE,
  ProblemSchema,
  type ActionRecord,
} from "@ihc/contracts";
import { seededEnrollmentProfileIds, seededIds, seededUserIds } from "@ihc/tenant-sim";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postAction } from "../test-support/action-helpers.js";
import { rawRequest } from "../test-support/raw-request.js";
import { startStack, type AccountKey, type Stack } from "../test-support/start-stack.js";
import { expectNoSecretsInLogs } from "./log-secrets.js";

/** Hostile callers (issue #7, part 3): rate limits, OBO isolation, roles, logs. */
describe("hostile callers", () => {
  let stack: Stack;
  const tokens = new Map<AccountKey, string>();
  const accountOf = (key: AccountKey) => {
    const account = stack.sim.accounts.find((a) => a.key === key);
    if (!account) throw new Error(`no demo account ${key}`);
    return account;
  };
  beforeAll(async () => {
    stack = await startStack({ rateLimit: { limit: 100_000, windowMs: 60_000 } });
    for (const key of ["agent", "senior", "auditor", "norole"] as const) {
      tokens.set(key, await stack.tokenFor(key));
    }
  });
  afterAll(async () => {
    expectNoSecretsInLogs(stack, [...tokens.values()]);
    await stack.close();
  });
  const tokenOf = (key: AccountKey) => tokens.get(key) ?? "";

  describe("two users at once", () => {
    it("never mix: 50 interleaved /api/me each answer their own user, from their own Graph token", async () => {
      const users = ["agent", "senior"] as const;
      const before = stack.graphCalls().length;
      const calls = Array.from({ length: 100 }, (_, i) => users[i % 2] ?? "agent");
      const answers = await Promise.all(
        calls.map(async (key) => {
          const response = await stack.fetch("/api/me", { token: tokenOf(key) });
          expect(response.status).toBe(200);
          return { key, me: MeSchema.parse(await response.json()) };
        }),
      );
      for (const { key, me } of answers) {
        const account = accountOf(key);
        expect(me.id).toBe(account.id);
        expect(me.userPrincipalName).toBe(account.userPrincipalName);
        expect([...me.roles].sort()).toEqual([...account.roles].sort());
      }
      // Every Graph /me went with a token of one of the two, and as many per user as asked.
      const graphMe = stack
        .graphCalls()
        .slice(before)
        .filter((call) => call.path.endsWith("/me"));
      const byOid = new Map<unknown, number>();
      for (const call of graphMe)
        byOid.set(call.claims?.oid, (byOid.get(call.claims?.oid) ?? 0) + 1);
      expect(Object.fromEntries(byOid)).toEqual({
        [accountOf("agent").id]: 50,
        [accountOf("senior").id]: 50,
      });
    });

    it("never mix on writes: each action's Graph call carries the oid of the user who asked", async () => {
      stack.sim.setTiming({ vppSyncSeconds: 0.2 });
      const users = ["agent", "senior"] as const;
      // Concurrent across every token, one sync per token at a time: at most one action per
      // target may be open (a second sync of the same token while one runs is a 409).
      const tokens = Object.values(seededIds.vppTokens);
      const records: { key: (typeof users)[number]; record: ActionRecord }[] = [];
      for (let round = 0; records.length < 40; round++) {
        const answers = await Promise.all(
          tokens.map(async (target, t) => {
            const key = users[(round + t) % 2] ?? "agent";
            const response = await postAction(
              stack,
              `/api/vpp-tokens/${target}/sync-licenses`,
              tokenOf(key),
              { reason: `interleaved ${round}.${t}` },
            );
            expect(response.status).toBe(202);
            return { key, record: ActionRecordSchema.parse(await response.json()) };
          }),
        );
        records.push(...answers);
      }
      const received = stack.graphCalls();
      for (const { key, record } of records) {
        expect(record.actor.oid).toBe(accountOf(key).id);
        const clientRequestId = record.graph?.clientRequestId;
        expect(clientRequestId).toBeDefined();
        const sent = received.filter(
          (call) => call.method === "POST" && call.clientRequestId === clientRequestId,
        );
        // Sent once, with the asker's own token.
        expect(sent).toHaveLength(1);
        expect(sent[0]?.claims?.oid).toBe(accountOf(key).id);
      }
    });
  });

  describe("roles, whatever the path's spelling", () => {
    const vpp = seededIds.vppTokens.valid;
    const app = seededIds.iosVppApps.slack;
    const profile = seededEnrollmentProfileIds.androidForWork.warehouseScanners;

    /** Spellings a router might treat as the same path, or a proxy might normalise. */
    const spellings = (path: string): string[] => {
      const [, , ...rest] = path.split("/"); // "", "api", ...
      const tail = rest.join("/");
      return [
        path,
        path.toUpperCase().replace(/\/API\//, "/api/"),
        path.replace("/api/", "/API/"),
        `${path}/`,
        `${path}//`,
        `/${path}`,
        path.replace("/api/", "/api//"),
        path.replace("/api/", "/api/./"),
        path.replace("/api/", "/api/x/../"),
        path.replace("/api/", "/api/%2e/"),
        path.replace("/api/", "/%61pi/"),
        path.replace(/-/g, "%2D"),
        path.replace(/\//g, "%2F").replace(/^%2F/, "/"),
        `/api/${tail};x=1`,
        `${path}?role=Licenses.Revoke`,
        `${path}%00`,
        `${path}#x`,
      ];
    };

    const denied: { who: AccountKey; method: "GET" | "POST"; path: string; body?: unknown }[] = [
      {
        who: "auditor",
        method: "POST",
        path: `/api/vpp-tokens/${vpp}/revoke-licenses`,
        body: {
          notifyManagedDevices: false,
          revokeUntrackedLicenses: false,
          confirmDisplayName: "Contoso Business VPP",
        },
      },
      { who: "auditor", method: "POST", path: `/api/vpp-tokens/${vpp}/sync-licenses`, body: {} },
      {
        who: "auditor",
        method: "POST",
        path: `/api/apps/${app}/revoke-all-licenses`,
        body: { notifyManagedDevices: false, confirmDisplayName: "Slack" },
      },
      {
        who: "auditor",
        method: "POST",
        path: `/api/apps/${app}/revoke-user-license`,
        body: { userId: seededUserIds.lukaszWisniewski, notifyManagedDevices: false },
      },
      {
        who: "auditor",
        method: "POST",
        path: `/api/enrollment-profiles/androidForWork/${profile}/revoke-token`,
        body: { confirmDisplayName: "x" },
      },
      {
        who: "agent",
        method: "GET",
        path: `/api/enrollment-profiles/androidForWork/${profile}/token`,
      },
      { who: "norole", method: "GET", path: "/api/vpp-tokens" },
      { who: "norole", method: "GET", path: `/api/apps/${app}/licenses` },
      {
        who: "norole",
        method: "POST",
        path: `/api/apps/${app}/revoke-licenses`,
        body: {
          licenses: [{ kind: "user", userId: seededUserIds.lukaszWisniewski }],
          notifyManagedDevices: false,
        },
      },
    ];

    it("never lets a caller without the role through: 403, 404 or 400, nothing sent, nothing journaled", async () => {
      const before = stack.graphCalls().length;
      const tried: string[] = [];
      for (const { who, method, path, body } of denied) {
        for (const spelling of spellings(path)) {
          const response = await rawRequest(stack.bffUrl, {
            method,
            path: spelling,
            headers: {
              authorization: `Bearer ${tokenOf(who)}`,
              ...(method === "POST"
                ? { "content-type": "application/json", "idempotency-key": randomUUID() }
                : {}),
            },
            ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          });
          tried.push(`${who} ${method} ${spelling}`);
          if (response.kind === "closed") continue;
          expect([400, 403, 404], `${who} ${method} ${spelling}: ${response.status}`).toContain(
            response.status,
          );
          if (response.headers["x-request-id"] !== undefined) {
            expect(response.headers["content-type"]).toContain(PROBLEM_CONTENT_TYPE);
            ProblemSchema.parse(JSON.parse(response.body));
          }
        }
      }
      expect(tried.length).toBe(denied.length * spellings("/api/x/y").length);
      // Not one of them reached Graph: the permission check comes before any call.
      const sent = stack.graphCalls().slice(before);
      expect(sent.map((call) => `${call.method} ${call.path}`)).toEqual([]);
      // And nothing was journaled for them (the journal is where an action starts).
      for (const who of ["auditor", "norole"] as const) {
        const response = await stack.fetch("/api/actions", { token: tokenOf("senior") });
        const records: ActionRecord[] = ActionListSchema.parse(await response.json()).items;
        expect(records.filter((r) => r.actor.oid === accountOf(who).id)).toEqual([]);
      }
    });

    it("still lets the right role through on the canonical spelling (the test can fail)", async () => {
      const response = await stack.fetch(
        `/api/enrollment-profiles/androidForWork/${profile}/token`,
        {
          token: tokenOf("senior"),
        },
      );
      expect(response.status).toBe(200);
    });
  });

  describe("the per-user rate limit", () => {
    it("answers 429 with RateLimit headers and Retry-After, per user not per token, and sends nothing when limited", async () => {
      const limited = await startStack({ rateLimit: { limit: 3, windowMs: 60_000 } });
      try {
        // Two tokens of the same user share one budget: minting a new token is no way around it.
        const first = await limited.tokenFor("agent");
        const second = await limited.tokenFor("agent", { lifetimeSeconds: 1800 });
        expect(second).not.toBe(first);
        const statuses: number[] = [];
        for (const token of [first, second, first]) {
          const response = await limited.fetch("/api/nope", { token });
          statuses.push(response.status);
          expect(response.headers.get("ratelimit-policy")).toMatch(/"per-user";\s*q=3;\s*w=60/);
          expect(response.headers.get("ratelimit")).toMatch(/"per-user";\s*r=\d+;\s*t=\d+/);
        }
        expect(statuses).toEqual([404, 404, 404]);
        const before = limited.graphCalls().length;
        const action = await postAction(
          limited,
          `/api/vpp-tokens/${seededIds.vppTokens.valid}/sync-licenses`,
          second,
          {},
        );
        expect(action.status).toBe(429);
        const retryAfter = Number(action.headers.get("retry-after"));
        expect(retryAfter).toBeGreaterThan(0);
        expect(retryAfter).toBeLessThanOrEqual(60);
        expect(action.headers.get("ratelimit")).toMatch(/"per-user";\s*r=0;\s*t=\d+/);
        expect(action.headers.get("content-type")).toContain(PROBLEM_CONTENT_TYPE);
        const problem = ProblemSchema.parse(await action.json());
        expect(problem).toMatchObject({
          status: 429,
          code: "rate_limited",
          retryAfterSeconds: retryAfter,
        });
        expect(problem.requestId).toBe(action.headers.get("x-request-id"));
        expect(limited.graphCalls().slice(before)).toEqual([]);
        // Another user still gets through.
        const other = await limited.fetch("/api/me", { token: await limited.tokenFor("senior") });
        expect(other.status).toBe(200);
      } finally {
        expectNoSecretsInLogs(limited, []);
        await limited.close();
      }
    });
  });
});
