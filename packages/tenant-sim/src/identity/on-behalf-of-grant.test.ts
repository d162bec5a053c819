import { createRemoteJWKSet, decodeJwt, jwtVerify } from "jose";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSimulator } from "../create-simulator.js";
import type { Simulator } from "../simulator.js";
import { onBehalfOf, signIn, stringField, tokenRequest } from "../test-support/oauth-client.js";

let sim: Simulator;
beforeAll(async () => {
  sim = await createSimulator({ port: 0 });
});
beforeEach(() => {
  sim.setScenario({ oboInteractionRequired: false });
});
afterAll(() => sim.close());

describe("on-behalf-of grant", () => {
  it("exchanges the SPA's API token for a Graph token for the same user", async () => {
    const signedIn = await signIn(sim, "megan.bowen@contoso-sim.onmicrosoft.com");
    const assertion = stringField(signedIn.body, "access_token");
    const result = await onBehalfOf(sim, assertion);
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ token_type: "Bearer", expires_in: 4500 });
    expect(result.body.scope).toContain("https://graph.microsoft.com/.default");
    expect(result.body.refresh_token).toEqual(expect.any(String));

    const jwks = createRemoteJWKSet(new URL(`${sim.url}/${sim.tenantId}/discovery/v2.0/keys`));
    const { payload } = await jwtVerify(stringField(result.body, "access_token"), jwks, {
      audience: "https://graph.microsoft.com",
    });
    const user = decodeJwt(assertion);
    expect(payload).toMatchObject({
      oid: user.oid,
      tid: sim.tenantId,
      upn: user.preferred_username,
      name: user.name,
      appid: sim.apps.api.clientId,
      azp: sim.apps.api.clientId,
      scp: sim.apps.api.graphScopes.join(" "),
      ver: "1.0",
      idtyp: "user",
    });
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBeGreaterThanOrEqual(3600);
    expect(payload).not.toHaveProperty("roles");
  });

  it("accepts the secret in HTTP Basic and passes client capabilities through as xms_cc", async () => {
    const assertion = await sim.mintToken({});
    const basic = Buffer.from(`${sim.apps.api.clientId}:${sim.apps.api.clientSecret}`).toString(
      "base64",
    );
    const result = await tokenRequest(
      sim,
      {
        client_id: sim.apps.api.clientId,
        grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer",
        requested_token_use: "on_behalf_of",
        assertion,
        scope: "https://graph.microsoft.com/.default",
        claims: JSON.stringify({ access_token: { xms_cc: { values: ["CP1"] } } }),
      },
      { authorization: `Basic ${basic}` },
    );
    expect(result.status).toBe(200);
    expect(decodeJwt(stringField(result.body, "access_token")).xms_cc).toEqual(["CP1"]);
  });

  it("rejects a wrong client secret with 401 invalid_client", async () => {
    const result = await onBehalfOf(sim, await sim.mintToken({}), { client_secret: "nope" });
    expect(result.status).toBe(401);
    expect(result.body).toMatchObject({ error: "invalid_client", error_codes: [7000215] });
  });

  it("rejects an assertion for another audience", async () => {
    const assertion = await sim.mintToken({ audience: "api://some-other-api" });
    const result = await onBehalfOf(sim, assertion);
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ error: "invalid_grant", error_codes: [50013] });
  });

  it("accepts the identifier URI as the assertion's audience", async () => {
    const assertion = await sim.mintToken({ audience: sim.apps.api.identifierUri });
    expect((await onBehalfOf(sim, assertion)).status).toBe(200);
  });

  it("rejects an expired assertion", async () => {
    const result = await onBehalfOf(sim, await sim.mintToken({ lifetimeSeconds: -60 }));
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ error: "invalid_grant", error_codes: [500133] });
  });

  it("rejects an assertion signed with a key the tenant never published", async () => {
    const foreign = await onBehalfOf(sim, await sim.mintToken({ signWith: "foreign" }));
    expect(foreign.status).toBe(400);
    expect(foreign.body).toMatchObject({ error: "invalid_grant", error_codes: [50013] });

    const jwks = (await (await fetch(`${sim.url}/${sim.tenantId}/discovery/v2.0/keys`)).json()) as {
      keys: { kid: string }[];
    };
    const borrowedKid = await sim.mintToken({ signWith: "foreign", kid: jwks.keys[0]?.kid ?? "" });
    const forged = await onBehalfOf(sim, borrowedKid);
    expect(forged.status).toBe(400);
    expect(String(forged.body.error_description)).toContain("signature");
  });

  it("rejects an assertion without access_as_user, such as an app-only token", async () => {
    const result = await onBehalfOf(sim, await sim.mintToken({ appOnly: true }));
    expect(result.status).toBe(400);
    expect(result.body.error).toBe("invalid_grant");
  });

  it("rejects Graph scopes the API was not granted", async () => {
    const result = await onBehalfOf(sim, await sim.mintToken({}), {
      scope: "https://graph.microsoft.com/Mail.Read",
    });
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ error: "invalid_grant", suberror: "consent_required" });
  });

  it("answers interaction_required with claims under the oboInteractionRequired scenario", async () => {
    sim.setScenario({ oboInteractionRequired: true });
    const result = await onBehalfOf(sim, await sim.mintToken({}));
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ error: "interaction_required", error_codes: [50076] });
    expect(String(result.body.error_description)).toMatch(/^AADSTS50076: /);
    const claims = JSON.parse(stringField(result.body, "claims")) as unknown;
    expect(claims).toMatchObject({ access_token: { capolids: { essential: true } } });
  });

  it("refuses OBO to the SPA, a public client", async () => {
    const result = await onBehalfOf(sim, await sim.mintToken({}), {
      client_id: sim.apps.spa.clientId,
      client_secret: "",
    });
    expect(result.status).toBe(401);
    expect(result.body.error).toBe("invalid_client");
  });

  it("refreshes the Graph token with the OBO refresh token", async () => {
    const obo = await onBehalfOf(sim, await sim.mintToken({}));
    const result = await tokenRequest(
      sim,
      {
        client_id: sim.apps.api.clientId,
        client_secret: sim.apps.api.clientSecret,
        grant_type: "refresh_token",
        refresh_token: stringField(obo.body, "refresh_token"),
        scope: "https://graph.microsoft.com/.default offline_access",
      },
      {},
    );
    expect(result.status).toBe(200);
    expect(decodeJwt(stringField(result.body, "access_token")).aud).toBe(
      "https://graph.microsoft.com",
    );
  });
});
