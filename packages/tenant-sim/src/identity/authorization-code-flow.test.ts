import { createRemoteJWKSet, decodeJwt, jwtVerify, type JWTVerifyGetKey } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSimulator } from "../create-simulator.js";
import { demoAccounts } from "../seed/demo-tenant.js";
import type { Simulator } from "../simulator.js";
import { createPkcePair } from "../test-support/pkce.js";
import {
  authorize,
  authorizeUrl,
  redirectParams,
  redirectUri,
  signIn,
  spaOrigin,
  stringField,
  tokenRequest,
} from "../test-support/oauth-client.js";

let sim: Simulator;
let jwks: JWTVerifyGetKey;
const agent = demoAccounts[0];
const norole = demoAccounts[3];

beforeAll(async () => {
  sim = await createSimulator({ port: 0 });
  jwks = createRemoteJWKSet(new URL(`${sim.url}/${sim.tenantId}/discovery/v2.0/keys`));
});
afterAll(() => sim.close());

function redeem(code: string, verifier: string, overrides: Record<string, string> = {}) {
  return tokenRequest(sim, {
    client_id: sim.apps.spa.clientId,
    grant_type: "authorization_code",
    code,
    redirect_uri: redirectUri,
    code_verifier: verifier,
    ...overrides,
  });
}

describe("authorization code flow with PKCE", () => {
  it("signs in with login_hint and issues verifiable tokens with Entra's claims", async () => {
    if (agent === undefined) throw new Error("demo accounts missing");
    const { response, params } = await authorize(sim, { loginHint: agent.userPrincipalName });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toMatch(/^http:\/\/localhost:5173\/#code=/);
    expect(params.get("state")).toBe("state-123");

    const result = await signIn(sim, agent.userPrincipalName.toUpperCase());
    expect(result.status).toBe(200);
    expect(result.headers.get("access-control-allow-origin")).toBe(spaOrigin);
    expect(result.body).toMatchObject({
      token_type: "Bearer",
      scope: sim.apps.api.scope,
      expires_in: 3600,
      ext_expires_in: 3600,
      refresh_token_expires_in: 86400,
    });

    const clientInfo = JSON.parse(
      Buffer.from(stringField(result.body, "client_info"), "base64url").toString(),
    ) as unknown;
    expect(clientInfo).toEqual({ uid: agent.id, utid: sim.tenantId });

    const access = await jwtVerify(stringField(result.body, "access_token"), jwks, {
      issuer: sim.issuer,
      audience: sim.apps.api.clientId,
    });
    expect(access.protectedHeader).toMatchObject({ alg: "RS256", typ: "JWT" });
    expect(access.payload).toMatchObject({
      tid: sim.tenantId,
      oid: agent.id,
      scp: "access_as_user",
      roles: [...agent.roles],
      azp: sim.apps.spa.clientId,
      azpacr: "0",
      name: agent.displayName,
      preferred_username: agent.userPrincipalName,
      ver: "2.0",
    });
    const payload = access.payload;
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(3600);
    expect(payload.sub).toEqual(expect.any(String));
    expect(payload.uti).toEqual(expect.any(String));
    expect(payload).not.toHaveProperty("acrs");

    const id = await jwtVerify(stringField(result.body, "id_token"), jwks, {
      issuer: sim.issuer,
      audience: sim.apps.spa.clientId,
    });
    expect(id.payload).toMatchObject({
      nonce: "nonce-456",
      oid: agent.id,
      tid: sim.tenantId,
      name: agent.displayName,
      preferred_username: agent.userPrincipalName,
      ver: "2.0",
    });
    // Pairwise: the same user has a different sub in each app.
    expect(id.payload.sub).not.toBe(payload.sub);
    expect(id.payload).not.toHaveProperty("login_hint");
  });

  it("leaves the roles claim out for an account without app roles", async () => {
    if (norole === undefined) throw new Error("demo accounts missing");
    const result = await signIn(sim, norole.userPrincipalName);
    const claims = decodeJwt(stringField(result.body, "access_token"));
    expect(claims.oid).toBe(norole.id);
    expect(claims).not.toHaveProperty("roles");
  });

  it("honours response_mode=query and issues a Graph token when only OIDC scopes are asked", async () => {
    const { response, params, pkce } = await authorize(sim, {
      loginHint: agent?.userPrincipalName ?? "",
      responseMode: "query",
      scope: "openid profile offline_access",
    });
    expect(response.headers.get("location")).toMatch(/^http:\/\/localhost:5173\/\?code=/);
    const result = await redeem(params.get("code") ?? "", pkce.verifier);
    expect(result.status).toBe(200);
    const claims = decodeJwt(stringField(result.body, "access_token"));
    expect(claims.aud).toBe("https://graph.microsoft.com");
    expect(claims.scp).toContain("User.Read");
  });

  it("rejects a wrong code_verifier, and the code is spent after one try", async () => {
    const { params } = await authorize(sim, { loginHint: agent?.userPrincipalName ?? "" });
    const code = params.get("code") ?? "";
    const wrong = await redeem(code, createPkcePair().verifier);
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ error: "invalid_grant", error_codes: [501481] });
    expect(wrong.body.error_description).toMatch(/^AADSTS501481: /);
    expect(wrong.body).toHaveProperty("trace_id");
    expect(wrong.body).toHaveProperty("correlation_id");
    expect(wrong.body).toHaveProperty("timestamp");
  });

  it("rejects a reused code", async () => {
    const { params, pkce } = await authorize(sim, { loginHint: agent?.userPrincipalName ?? "" });
    const code = params.get("code") ?? "";
    expect((await redeem(code, pkce.verifier)).status).toBe(200);
    const again = await redeem(code, pkce.verifier);
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ error: "invalid_grant", error_codes: [54005] });
  });

  it("rejects a redirect_uri that differs from the authorize request", async () => {
    const { params, pkce } = await authorize(sim, { loginHint: agent?.userPrincipalName ?? "" });
    const result = await redeem(params.get("code") ?? "", pkce.verifier, {
      redirect_uri: `${spaOrigin}/elsewhere`,
    });
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ error: "invalid_grant" });
  });

  it("redeems SPA codes only from a cross-origin (browser) request", async () => {
    const { params, pkce } = await authorize(sim, { loginHint: agent?.userPrincipalName ?? "" });
    const result = await tokenRequest(
      sim,
      {
        client_id: sim.apps.spa.clientId,
        grant_type: "authorization_code",
        code: params.get("code") ?? "",
        redirect_uri: redirectUri,
        code_verifier: pkce.verifier,
      },
      {},
    );
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ error: "invalid_request", error_codes: [9002327] });
  });

  it("shows a page, not a redirect, for an unregistered redirect_uri", async () => {
    const url = authorizeUrl(sim, {
      loginHint: agent?.userPrincipalName ?? "",
      extra: { redirect_uri: "https://evil.example/callback" },
    });
    const response = await fetch(url, { redirect: "manual" });
    expect(response.status).toBe(400);
    expect(response.headers.get("location")).toBeNull();
    expect(await response.text()).toContain("AADSTS50011");
  });

  it("sends other request errors back to the redirect_uri", async () => {
    const noPkce = await fetch(
      authorizeUrl(sim, { omit: ["code_challenge"], loginHint: agent?.userPrincipalName ?? "" }),
      { redirect: "manual" },
    );
    const params = redirectParams(noPkce);
    expect(params.get("error")).toBe("invalid_request");
    expect(params.get("error_description")).toMatch(/^AADSTS9002325/);
    expect(params.get("state")).toBe("state-123");

    const plain = redirectParams(
      await fetch(authorizeUrl(sim, { extra: { code_challenge_method: "plain" } }), {
        redirect: "manual",
      }),
    );
    expect(plain.get("error")).toBe("invalid_request");

    const noOpenId = redirectParams(
      await fetch(authorizeUrl(sim, { scope: sim.apps.api.scope }), { redirect: "manual" }),
    );
    expect(noOpenId.get("error")).toBe("invalid_scope");
  });

  it("answers prompt=none without a session with login_required", async () => {
    const response = await fetch(authorizeUrl(sim, { extra: { prompt: "none" } }), {
      redirect: "manual",
    });
    expect(redirectParams(response).get("error")).toBe("login_required");
  });
});

describe("sign-in page", () => {
  it("renders an accessible, script-free account picker", async () => {
    const response = await fetch(authorizeUrl(sim), { redirect: "manual" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/html");
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    const html = await response.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("<h1>Sign in to the tenant simulator</h1>");
    expect(html).not.toContain("<script");
    expect(html.match(/<form method="post"/g)).toHaveLength(demoAccounts.length);
    for (const account of demoAccounts) {
      expect(html).toContain(account.displayName);
      expect(html).toContain(account.userPrincipalName);
    }
    expect(html).toContain(
      "Can view the console, revoke app licenses and revoke enrollment tokens.",
    );
    expect(html).toContain("No app roles");
    // The account with the console's app roles but no Intune role (realistic profile).
    expect(html).toContain("Nestor Wilke");
    expect(html).toContain("No Intune role.");
    expect(html).toContain("Intune roles: Read Only Operator.");
  });

  it("issues a code when an account's form is posted, and remembers the session", async () => {
    const pkce = createPkcePair();
    const url = authorizeUrl(sim, { pkce });
    const response = await fetch(url, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ account: "senior" }),
    });
    expect(response.status).toBe(302);
    const code = redirectParams(response).get("code") ?? "";
    const result = await redeem(code, pkce.verifier);
    const claims = decodeJwt(stringField(result.body, "access_token"));
    expect(claims.preferred_username).toBe("megan.bowen@contoso-sim.onmicrosoft.com");
    expect(claims.roles).toContain("Devices.Retire");

    const cookie = response.headers.get("set-cookie")?.split(";")[0] ?? "";
    expect(cookie).toMatch(/^tenant_sim_session=/);
    const silent = await fetch(authorizeUrl(sim, { extra: { prompt: "none" } }), {
      redirect: "manual",
      headers: { cookie },
    });
    expect(redirectParams(silent).get("code")).toEqual(expect.any(String));
  });

  it("rejects a post naming no demo account", async () => {
    const response = await fetch(authorizeUrl(sim), {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ account: "nobody" }),
    });
    expect(response.status).toBe(400);
  });
});

describe("refresh tokens", () => {
  it("return a new one each time; like Entra, the old one is not revoked", async () => {
    const first = await signIn(sim, agent?.userPrincipalName ?? "");
    const refresh = stringField(first.body, "refresh_token");
    const refreshRequest = {
      client_id: sim.apps.spa.clientId,
      grant_type: "refresh_token",
      refresh_token: refresh,
      scope: `${sim.apps.api.scope} openid profile offline_access`,
      client_info: "1",
    };
    const second = await tokenRequest(sim, refreshRequest);
    expect(second.status).toBe(200);
    const rotated = stringField(second.body, "refresh_token");
    expect(rotated).not.toBe(refresh);
    expect(decodeJwt(stringField(second.body, "access_token")).oid).toBe(agent?.id);
    expect(second.body.client_info).toEqual(expect.any(String));

    // Two tabs or two concurrent silent renewals may present the same token: both succeed.
    const again = await tokenRequest(sim, refreshRequest);
    expect(again.status).toBe(200);

    const third = await tokenRequest(sim, { ...refreshRequest, refresh_token: rotated });
    expect(third.status).toBe(200);
    // A SPA's later refresh tokens keep the first one's fixed 24-hour expiry.
    expect(third.body.refresh_token_expires_in).toBeLessThanOrEqual(
      Number(first.body.refresh_token_expires_in),
    );
  });

  it("are bound to the client that received them", async () => {
    const first = await signIn(sim, agent?.userPrincipalName ?? "");
    const result = await tokenRequest(
      sim,
      {
        client_id: sim.apps.api.clientId,
        client_secret: sim.apps.api.clientSecret,
        grant_type: "refresh_token",
        refresh_token: stringField(first.body, "refresh_token"),
        scope: "https://graph.microsoft.com/.default",
      },
      {},
    );
    expect(result.status).toBe(400);
    expect(result.body.error).toBe("invalid_grant");
  });
});

describe("logout", () => {
  it("returns to an allowed post_logout_redirect_uri and shows a page otherwise", async () => {
    const base = `${sim.url}/${sim.tenantId}/oauth2/v2.0/logout`;
    const back = await fetch(`${base}?post_logout_redirect_uri=${encodeURIComponent(spaOrigin)}`, {
      redirect: "manual",
    });
    expect(back.status).toBe(302);
    expect(back.headers.get("location")).toBe(`${spaOrigin}/`);
    const elsewhere = await fetch(
      `${base}?post_logout_redirect_uri=${encodeURIComponent("https://evil.example/")}`,
      { redirect: "manual" },
    );
    expect(elsewhere.status).toBe(200);
    expect(await elsewhere.text()).toContain("Signed out");
  });
});
