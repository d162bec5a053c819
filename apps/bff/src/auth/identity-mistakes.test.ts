import { GRAPH_DELEGATED_PERMISSIONS, PROBLEM_CONTENT_TYPE, ProblemSchema } from "@ihc/contracts";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startStack, type Stack } from "../test-support/start-stack.js";

/**
 * Each identity mistake of issue #16, produced by the simulator on demand, answered by the BFF
 * over HTTP with its own problem code and words an administrator can act on.
 */
describe("identity mistakes (GET /api/me against the simulator)", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());
  beforeEach(() => {
    stack.sim.resetScenario();
    stack.sim.clearReceived();
  });

  const problemOf = async (response: Response) => {
    expect(response.headers.get("content-type")).toContain(PROBLEM_CONTENT_TYPE);
    return ProblemSchema.parse(await response.json());
  };

  it("refuses a v1.0 token and says the API registration must set accessTokenAcceptedVersion: 2", async () => {
    stack.sim.setScenario({ v1ApiTokens: true });
    const response = await stack.fetch("/api/me", { token: await stack.tokenFor("agent") });
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe('Bearer error="invalid_token"');
    const problem = await problemOf(response);
    expect(problem.code).toBe("accessTokenVersion1");
    expect(problem.detail).toContain("issues v1 tokens");
    expect(problem.detail).toContain('"accessTokenAcceptedVersion": 2');
    expect(problem.detail).toContain(`https://sts.windows.net/${stack.sim.tenantId}/`);
    expect(stack.graphCalls()).toEqual([]);
  });

  it("refuses a token issued to another client application before any Graph call (a write too)", async () => {
    stack.sim.setScenario({ apiTokensForOtherClient: true });
    const token = await stack.tokenFor("agent");
    const response = await stack.fetch("/api/me", { token });
    expect(response.status).toBe(401);
    const problem = await problemOf(response);
    expect(problem.code).toBe("tokenForAnotherClient");
    expect(problem.detail).toContain("issued to another client application");
    expect(problem.detail).toContain(stack.config.spaClientId);

    const write = await stack.fetch("/api/users/anyone/retire-all-devices", {
      method: "POST",
      token,
      headers: {
        "content-type": "application/json",
        "idempotency-key": "6f1d8a40-3c2b-4e5f-9a7b-1c2d3e4f5a6b",
      },
      body: "{}",
    });
    expect(write.status).toBe(401);
    expect(stack.graphCalls()).toEqual([]);
  });

  it("refuses a v1.0 token issued to another client for the version first (the fix comes first)", async () => {
    stack.sim.setScenario({ v1ApiTokens: true, apiTokensForOtherClient: true });
    const response = await stack.fetch("/api/me", { token: await stack.tokenFor("agent") });
    expect((await problemOf(response)).code).toBe("accessTokenVersion1");
  });

  it("answers AADSTS65001 with adminConsentRequired and the permissions to grant, not a sign-in", async () => {
    stack.sim.setScenario({ oboConsentRequired: true });
    const response = await stack.fetch("/api/me", { token: await stack.tokenFor("agent") });
    expect(response.status).toBe(403);
    expect(response.headers.get("www-authenticate")).toBeNull();
    const problem = await problemOf(response);
    expect(problem.code).toBe("adminConsentRequired");
    expect(problem.permissions).toEqual([...GRAPH_DELEGATED_PERMISSIONS]);
    expect(problem.detail).toContain("An administrator must grant consent to: User.Read, ");
    expect(stack.graphCalls()).toEqual([]);
  });

  describe("an authentication context required on the on-behalf-of request", () => {
    const challengeOf = (response: Response): string => {
      const header = response.headers.get("www-authenticate") ?? "";
      return /claims="([^"]+)"/.exec(header)?.[1] ?? "";
    };

    it("challenges the SPA, then passes the claims it sends back into the OBO request", async () => {
      stack.sim.setScenario({ oboAuthenticationContext: true });
      const first = await stack.fetch("/api/me", { token: await stack.tokenFor("agent") });
      expect(first.status).toBe(401);
      expect((await problemOf(first)).code).toBe("claims_challenge");
      const claims = challengeOf(first);
      expect(JSON.parse(Buffer.from(claims, "base64").toString())).toEqual({
        access_token: { acrs: { essential: true, value: "c1" } },
      });

      // The SPA's new token satisfies c1; without the claims on the OBO request Entra refuses.
      const steppedUp = await stack.tokenFor("agent", { claims: { acrs: ["c1"] } });
      const withoutClaims = await stack.fetch("/api/me", { token: steppedUp });
      expect(withoutClaims.status).toBe(401);

      const retried = await stack.fetch("/api/me", {
        token: steppedUp,
        headers: { "x-claims-challenge": claims },
      });
      expect(retried.status).toBe(200);
      expect(stack.graphCalls().length).toBeGreaterThan(0);
    });

    it("refuses an X-Claims-Challenge that is not a base64 JSON object", async () => {
      const token = await stack.tokenFor("agent");
      for (const value of [
        "not base64!",
        Buffer.from("[1]").toString("base64"),
        "e30".repeat(2000),
      ]) {
        const response = await stack.fetch("/api/me", {
          token,
          headers: { "x-claims-challenge": value },
        });
        expect(response.status).toBe(400);
        expect((await problemOf(response)).fields?.[0]?.path).toBe("headers.x-claims-challenge");
      }
    });
  });
});
