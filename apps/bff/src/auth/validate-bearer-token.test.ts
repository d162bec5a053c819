import { PROBLEM_CONTENT_TYPE, ProblemSchema } from "@ihc/contracts";
import { decodeJwt, decodeProtectedHeader, exportSPKI, importJWK, SignJWT, type JWK } from "jose";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startStack, type Stack } from "../test-support/start-stack.js";
import { bearerTokenFrom } from "./validate-bearer-token.js";

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

describe("bearer token validation (GET /api/me against the simulator)", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());
  beforeEach(() => {
    stack.sim.clearReceived();
  });

  /** Every rejection: 401 problem+json with a request id, a Bearer challenge, and no Graph call. */
  const expectRejected = async (
    authorization: string | undefined,
    { status = 401, challenge = /^Bearer/ }: { status?: number; challenge?: RegExp } = {},
  ) => {
    const response = await stack.fetch("/api/me", {
      headers: authorization === undefined ? {} : { authorization },
    });
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toContain(PROBLEM_CONTENT_TYPE);
    const problem = ProblemSchema.parse(await response.json());
    expect(problem.requestId).toBe(response.headers.get("x-request-id"));
    if (status === 401) {
      expect(problem.code).toBe("unauthenticated");
      expect(response.headers.get("www-authenticate")).toMatch(challenge);
    }
    expect(stack.graphCalls()).toEqual([]);
    return problem;
  };

  it("accepts a good token (the baseline the cases below break)", async () => {
    const response = await stack.fetch("/api/me", { token: await stack.tokenFor("agent") });
    expect(response.status).toBe(200);
  });

  it("rejects a missing Authorization header with a bare Bearer challenge", async () => {
    await expectRejected(undefined, { challenge: /^Bearer$/ });
  });

  it.each([
    ["just the scheme", "Bearer"],
    ["another scheme", "Basic dXNlcjpwYXNz"],
    ["garbage", "garbage"],
    ["a token that is not a JWT", "Bearer not-a-jwt"],
  ])("rejects a malformed header: %s", async (_name, header) => {
    await expectRejected(header);
  });

  it("rejects two tokens in one header", async () => {
    const token = await stack.tokenFor("agent");
    await expectRejected(`Bearer ${token} ${token}`);
    await expectRejected(`Bearer ${token}, Bearer ${token}`);
  });

  it.each<[string, Parameters<Stack["tokenFor"]>[1]]>([
    ["the wrong audience (a Graph token)", { audience: "graph" }],
    ["another API's audience", { audience: "api://00000000-1111-2222-3333-444444444444" }],
    ["the wrong issuer", { issuer: "https://login.microsoftonline.com/evil/v2.0" }],
    ["another tenant", { tenantId: "11111111-2222-3333-4444-555555555555" }],
    ["an expired token (beyond the 60 s skew)", { lifetimeSeconds: -120 }],
    ["a token not yet valid (nbf in 10 min)", { notBeforeOffsetSeconds: 600 }],
    ["an unknown kid", { kid: "no-such-key" }],
    ["a foreign signing key", { signWith: "foreign" }],
    ["no scp (app-style token)", { scopes: [] }],
    ["another scope only", { scopes: ["User.Read"] }],
    ["an app-only token", { appOnly: true }],
    ["an ID token", { audience: "spa-id-token" }],
    ["a token with a nonce", { claims: { nonce: "abc" } }],
    ["a token without exp", { removeClaims: ["exp"] }],
    ["a token without tid", { removeClaims: ["tid"] }],
    ["a token without oid", { removeClaims: ["oid"] }],
  ])("rejects %s", async (_name, mint) => {
    await expectRejected(`Bearer ${await stack.tokenFor("agent", mint)}`);
  });

  it("accepts a token expired within the 60 s clock skew", async () => {
    const token = await stack.tokenFor("agent", { lifetimeSeconds: -20 });
    await expect(stack.deps.validateToken(token)).resolves.toMatchObject({
      roles: expect.any(Array) as unknown,
    });
    // Entra ID has no such skew for the OBO assertion: the SPA is told to refresh (401), not 502.
    const response = await stack.fetch("/api/me", { token });
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe('Bearer error="invalid_token"');
    expect(stack.graphCalls()).toEqual([]);
  });

  it('rejects alg "none" with the same claims', async () => {
    const claims = decodeJwt(await stack.tokenFor("agent"));
    await expectRejected(`Bearer ${b64url({ alg: "none", typ: "JWT" })}.${b64url(claims)}.`);
  });

  it("rejects HS256 signed with the tenant's public key as the HMAC secret", async () => {
    const good = await stack.tokenFor("agent");
    const { kid } = decodeProtectedHeader(good);
    const jwks = (await (await fetch(stack.deps.metadata.jwks_uri)).json()) as { keys: JWK[] };
    const jwk = jwks.keys.find((key) => key.kid === kid) ?? jwks.keys[0];
    if (jwk === undefined) throw new Error("the simulator published no keys");
    const pem = await exportSPKI(
      (await importJWK({ ...jwk, alg: "RS256" }, "RS256")) as Parameters<typeof exportSPKI>[0],
    );
    for (const secret of [pem, JSON.stringify(jwk)]) {
      const forged = await new SignJWT(decodeJwt(good))
        .setProtectedHeader({ alg: "HS256", typ: "JWT", ...(kid === undefined ? {} : { kid }) })
        .sign(new TextEncoder().encode(secret));
      await expectRejected(`Bearer ${forged}`);
    }
  });

  it("rejects a token whose payload was altered after signing", async () => {
    const [header, , signature] = (await stack.tokenFor("norole")).split(".");
    const claims = decodeJwt(await stack.tokenFor("norole"));
    const tampered = `${header}.${b64url({ ...claims, roles: ["Devices.Retire"] })}.${signature}`;
    await expectRejected(`Bearer ${tampered}`);
  });
});

describe("bearerTokenFrom", () => {
  it("takes exactly one b64token after the Bearer scheme", () => {
    expect(bearerTokenFrom("Bearer abc.def.ghi")).toBe("abc.def.ghi");
    expect(bearerTokenFrom("bearer abc.def.ghi")).toBe("abc.def.ghi");
    for (const bad of ["Bearer", "Bearer ", "Bearer a b", "Bearer a,b", "Basic abc", "abc"]) {
      expect(() => bearerTokenFrom(bad)).toThrow();
    }
  });
});
