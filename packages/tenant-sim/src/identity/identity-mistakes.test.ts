import { createHash, generateKeyPairSync, randomUUID, X509Certificate } from "node:crypto";
import { decodeJwt, importPKCS8, SignJWT } from "jose";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSimulator } from "../create-simulator.js";
import { demoApiCertificate } from "../seed/demo-api-certificate.js";
import type { Simulator } from "../simulator.js";
import { onBehalfOf, signIn, stringField, tokenRequest } from "../test-support/oauth-client.js";
import { otherClientId } from "./api-token-shape.js";

let sim: Simulator;
beforeAll(async () => {
  sim = await createSimulator({ port: 0 });
});
beforeEach(() => {
  sim.resetScenario();
});
afterAll(() => sim.close());

const thumbprintSha256 = createHash("sha256")
  .update(new X509Certificate(demoApiCertificate.certificatePem).raw)
  .digest("base64url");

/** A client assertion as msal-node builds one from a certificate; each option breaks one thing. */
const clientAssertion = async (
  options: {
    aud?: string;
    iss?: string;
    expiresIn?: number;
    x5t?: string;
    key?: string;
  } = {},
): Promise<string> => {
  const key = await importPKCS8(options.key ?? demoApiCertificate.privateKeyPem, "RS256");
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ jti: randomUUID() })
    .setProtectedHeader({ alg: "RS256", typ: "JWT", "x5t#S256": options.x5t ?? thumbprintSha256 })
    .setAudience(options.aud ?? `${sim.url}/${sim.tenantId}/oauth2/v2.0/token`)
    .setIssuer(options.iss ?? sim.apps.api.clientId)
    .setSubject(options.iss ?? sim.apps.api.clientId)
    .setIssuedAt(now)
    .setNotBefore(now)
    .setExpirationTime(now + (options.expiresIn ?? 600))
    .sign(key);
};

/** The on-behalf-of request msal-node sends with a certificate: an assertion, no secret. */
const oboWithAssertion = async (assertion: string) =>
  tokenRequest(
    sim,
    {
      client_id: sim.apps.api.clientId,
      client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
      client_assertion: assertion,
      grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer",
      requested_token_use: "on_behalf_of",
      assertion: await sim.mintToken({}),
      scope: "https://graph.microsoft.com/.default",
    },
    {},
  );

describe("client assertions (certificate, workload identity)", () => {
  it("accepts an assertion signed with the registered certificate instead of a secret", async () => {
    const result = await oboWithAssertion(await clientAssertion());
    expect(result.status).toBe(200);
  });

  it.each<[string, Parameters<typeof clientAssertion>[0], number]>([
    [
      "another audience",
      { aud: "https://login.microsoftonline.com/common/oauth2/v2.0/token" },
      700027,
    ],
    ["another issuer and subject", { iss: "11111111-2222-3333-4444-555555555555" }, 700021],
    ["an expired assertion", { expiresIn: -600 }, 700024],
    ["an unregistered certificate thumbprint", { x5t: "bm90LXJlZ2lzdGVyZWQ" }, 700027],
  ])("rejects %s with its AADSTS code", async (_name, options, code) => {
    const result = await oboWithAssertion(await clientAssertion(options));
    expect(result.status).toBe(401);
    expect(result.body).toMatchObject({ error: "invalid_client", error_codes: [code] });
  });

  it("rejects an assertion signed by another key (invalid signature)", async () => {
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const key = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    const result = await oboWithAssertion(await clientAssertion({ key }));
    expect(result.status).toBe(401);
    expect(result.body).toMatchObject({ error: "invalid_client", error_codes: [700027] });
    expect(String(result.body.error_description)).toContain("signature is invalid");
  });
});

describe("federated tokens (workload identity federation)", () => {
  it("publishes the workload issuer's discovery document and keys, as a cluster's issuer does", async () => {
    const issuer = `${sim.url}/workload-issuer`;
    const discovery = (await (
      await fetch(`${issuer}/.well-known/openid-configuration`)
    ).json()) as { issuer: string; jwks_uri: string };
    expect(discovery.issuer).toBe(issuer);
    const jwks = (await (await fetch(discovery.jwks_uri)).json()) as { keys: { kid: string }[] };
    const token = await sim.mintWorkloadToken();
    expect(jwks.keys.map((k) => k.kid)).toContain(
      (
        JSON.parse(Buffer.from(token.split(".")[0] ?? "", "base64url").toString()) as {
          kid: string;
        }
      ).kid,
    );
    expect(decodeJwt(token)).toMatchObject({ iss: issuer, aud: "api://AzureADTokenExchange" });
  });

  it("accepts the projected token of the trusted service account as the client assertion", async () => {
    const result = await oboWithAssertion(await sim.mintWorkloadToken());
    expect(result.status).toBe(200);
    expect(typeof result.body.access_token).toBe("string");
  });

  it("mints it through the control API as well", async () => {
    const response = await fetch(`${sim.url}/_sim/workload-token`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ expiresIn: 600 }),
    });
    const { token } = (await response.json()) as { token: string };
    expect((await oboWithAssertion(token)).status).toBe(200);
  });

  it.each<[string, Parameters<Simulator["mintWorkloadToken"]>[0], number]>([
    ["another service account", { subject: "system:serviceaccount:default:other" }, 700213],
    ["another audience", { audience: "api://something-else" }, 700212],
    ["an expired token", { expiresIn: -900 }, 700024],
  ])("refuses %s with its AADSTS code", async (_name, options, code) => {
    const result = await oboWithAssertion(await sim.mintWorkloadToken(options));
    expect(result.status).toBe(401);
    expect(result.body).toMatchObject({ error: "invalid_client", error_codes: [code] });
  });

  it("refuses a token of an issuer no federated credential names, or signed by another key", async () => {
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const key = await importPKCS8(
      privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
      "RS256",
    );
    const now = Math.floor(Date.now() / 1000);
    const forged = (iss: string) =>
      new SignJWT({ jti: randomUUID() })
        .setProtectedHeader({ alg: "RS256", kid: "forged" })
        .setIssuer(iss)
        .setSubject("system:serviceaccount:helpdesk:intune-helpdesk-console")
        .setAudience("api://AzureADTokenExchange")
        .setIssuedAt(now)
        .setExpirationTime(now + 600)
        .sign(key);
    const unknown = await oboWithAssertion(await forged("https://oidc.example.invalid/cluster"));
    expect(unknown.body).toMatchObject({ error: "invalid_client", error_codes: [700211] });
    const wrongKey = await oboWithAssertion(await forged(`${sim.url}/workload-issuer`));
    expect(wrongKey.status).toBe(401);
    expect(wrongKey.body).toMatchObject({ error: "invalid_client", error_codes: [700027] });
  });
});

describe("identity mistakes on demand", () => {
  it("oboConsentRequired: AADSTS65001 invalid_grant with suberror consent_required", async () => {
    sim.setScenario({ oboConsentRequired: true });
    const result = await onBehalfOf(sim, await sim.mintToken({}));
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({
      error: "invalid_grant",
      error_codes: [65001],
      suberror: "consent_required",
    });
  });

  it("oboAuthenticationContext: the OBO request must pass acrs c1 and the assertion carry it", async () => {
    sim.setScenario({ oboAuthenticationContext: true });
    const claims = JSON.stringify({ access_token: { acrs: { essential: true, value: "c1" } } });
    // Without claims, even a token that satisfied c1 is refused with the challenge.
    const withoutClaims = await onBehalfOf(sim, await sim.mintToken({ claims: { acrs: ["c1"] } }));
    expect(withoutClaims.status).toBe(400);
    expect(withoutClaims.body).toMatchObject({ error: "interaction_required", claims });
    // With claims but a token that did not satisfy them: still refused.
    const unsatisfied = await onBehalfOf(sim, await sim.mintToken({}), { claims });
    expect(unsatisfied.body).toMatchObject({ error: "interaction_required" });
    // Both: a Graph token carrying acrs c1.
    const ok = await onBehalfOf(sim, await sim.mintToken({ claims: { acrs: ["c1"] } }), { claims });
    expect(ok.status).toBe(200);
    expect(decodeJwt(stringField(ok.body, "access_token")).acrs).toEqual(["c1"]);
  });

  it("v1ApiTokens: the SPA receives a v1.0 API token (sts.windows.net issuer, App ID URI)", async () => {
    sim.setScenario({ v1ApiTokens: true });
    const signedIn = await signIn(sim, "megan.bowen@contoso-sim.onmicrosoft.com");
    const token = decodeJwt(stringField(signedIn.body, "access_token"));
    expect(token).toMatchObject({
      ver: "1.0",
      iss: `https://sts.windows.net/${sim.tenantId}/`,
      aud: sim.apps.api.identifierUri,
      appid: sim.apps.spa.clientId,
      upn: "megan.bowen@contoso-sim.onmicrosoft.com",
    });
    expect(token).not.toHaveProperty("azp");
  });

  it("apiTokensForOtherClient: the API token names another application in azp", async () => {
    sim.setScenario({ apiTokensForOtherClient: true });
    const signedIn = await signIn(sim, "megan.bowen@contoso-sim.onmicrosoft.com");
    expect(decodeJwt(stringField(signedIn.body, "access_token")).azp).toBe(otherClientId);
    expect(decodeJwt(await sim.mintToken({})).azp).toBe(otherClientId);
  });

  it("accepts the simulator's own URL as Graph's identifier, as a national cloud's Graph host", async () => {
    const result = await onBehalfOf(sim, await sim.mintToken({}), {
      scope: `${sim.graphUrl}/.default`,
    });
    expect(result.status).toBe(200);
  });
});
