import { MeSchema, PROBLEM_CONTENT_TYPE, ProblemSchema } from "@ihc/contracts";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { permissionsFor } from "../auth/roles.js";
import { sha256Hex, startStack, type AccountKey, type Stack } from "../test-support/start-stack.js";

const ACCOUNTS: AccountKey[] = ["agent", "senior", "auditor", "norole"];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

describe("GET /api/me", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());
  beforeEach(() => {
    stack.sim.clearReceived();
    stack.sim.clearFaults();
    stack.sim.setScenario({ claimsChallenge: false, oboInteractionRequired: false });
  });

  const accountOf = (key: AccountKey) => {
    const account = stack.sim.accounts.find((candidate) => candidate.key === key);
    if (!account) throw new Error(`no ${key} account in the simulator`);
    return account;
  };

  it.each(ACCOUNTS)("answers for %s from Graph, on their behalf", async (key) => {
    const account = accountOf(key);
    const token = await stack.tokenFor(key);
    const response = await stack.fetch("/api/me", { token });
    expect(response.status).toBe(200);
    const me = MeSchema.parse(await response.json());
    expect(me).toMatchObject({
      id: account.id,
      displayName: account.displayName,
      userPrincipalName: account.userPrincipalName,
      tenantId: stack.sim.tenantId,
      roles: [...account.roles],
      permissions: permissionsFor(account.roles),
    });
    if (key === "norole") expect(me.permissions).toEqual([]);

    const calls = stack.graphCalls();
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call?.method).toBe("GET");
    expect(call?.path).toBe("/v1.0/me");
    // An OBO token for Graph, for this user, not the SPA's token passed through.
    expect(call?.claims).toMatchObject({ aud: "https://graph.microsoft.com", oid: account.id });
    expect(call?.tokenSha256).not.toBe(sha256Hex(token));
    expect(call?.clientRequestId ?? "").toMatch(UUID);
  });

  it("reuses the on-behalf-of token for the same user token", async () => {
    const token = await stack.tokenFor("agent");
    for (let i = 0; i < 3; i++) {
      expect((await stack.fetch("/api/me", { token })).status).toBe(200);
    }
    // The simulator records Graph calls only; one Graph token across calls means one exchange
    // (each exchange mints a token with a fresh `uti`).
    const graphTokens = new Set(stack.graphCalls().map((call) => call.tokenSha256));
    expect(graphTokens.size).toBe(1);
    // Each Graph call still has its own client-request-id.
    expect(new Set(stack.graphCalls().map((call) => call.clientRequestId)).size).toBe(3);
  });

  it("never mixes users: concurrent calls each reach Graph as their own user", async () => {
    const tokens = await Promise.all(ACCOUNTS.map((key) => stack.tokenFor(key)));
    const rounds = 3;
    const responses = await Promise.all(
      Array.from({ length: rounds }).flatMap(() =>
        tokens.map(async (token, index) => {
          const me = MeSchema.parse(await (await stack.fetch("/api/me", { token })).json());
          expect(me.id).toBe(accountOf(ACCOUNTS[index] ?? "agent").id);
          return me;
        }),
      ),
    );
    expect(responses).toHaveLength(rounds * ACCOUNTS.length);
    const oidsByToken = new Map<string, Set<unknown>>();
    for (const call of stack.graphCalls()) {
      const oids = oidsByToken.get(call.tokenSha256 ?? "") ?? new Set();
      oids.add(call.claims?.oid);
      oidsByToken.set(call.tokenSha256 ?? "", oids);
    }
    // One Graph token per user (parallel first requests share one exchange), each carrying
    // only its own user.
    expect(oidsByToken.size).toBe(ACCOUNTS.length);
    for (const oids of oidsByToken.values()) expect(oids.size).toBe(1);
  });

  describe("claims challenges", () => {
    it("passes Graph's insufficient_claims challenge to the SPA, then accepts the stepped-up token", async () => {
      stack.sim.setScenario({ claimsChallenge: true });
      const response = await stack.fetch("/api/me", { token: await stack.tokenFor("agent") });
      expect(response.status).toBe(401);
      expect(response.headers.get("content-type")).toContain(PROBLEM_CONTENT_TYPE);
      expect(ProblemSchema.parse(await response.json()).code).toBe("claims_challenge");
      const challenge = response.headers.get("www-authenticate") ?? "";
      expect(challenge).toMatch(/^Bearer error="insufficient_claims", claims="[A-Za-z0-9+/=]+"$/);
      const claims = Buffer.from(
        /claims="([^"]+)"/.exec(challenge)?.[1] ?? "",
        "base64",
      ).toString();
      expect(JSON.parse(claims)).toMatchObject({ access_token: { acrs: {} } });
      expect(claims).toContain("c1");

      const steppedUp = await stack.tokenFor("agent", { claims: { acrs: ["c1"] } });
      const retried = await stack.fetch("/api/me", { token: steppedUp });
      expect(retried.status).toBe(200);
    });

    it("turns the token service's interaction_required into a claims challenge", async () => {
      stack.sim.setScenario({ oboInteractionRequired: true });
      const response = await stack.fetch("/api/me", { token: await stack.tokenFor("senior") });
      expect(response.status).toBe(401);
      expect(ProblemSchema.parse(await response.json()).code).toBe("claims_challenge");
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer error="/);
      expect(stack.graphCalls()).toEqual([]);
    });
  });
});
