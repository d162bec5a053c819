import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSimulator } from "../create-simulator.js";
import type { Simulator } from "../simulator.js";
import { graphErrorOf, graphGet } from "../test-support/graph-client.js";
import { onBehalfOf, signIn, stringField, tokenRequest } from "../test-support/oauth-client.js";

let sim: Simulator;
beforeAll(async () => {
  sim = await createSimulator({ port: 0 });
  sim.setScenario({ claimsChallenge: true });
});
afterAll(() => sim.close());

const upn = "adele.vance@contoso-sim.onmicrosoft.com";

async function graphTokenFor(apiToken: string): Promise<string> {
  const obo = await onBehalfOf(sim, apiToken);
  expect(obo.status).toBe(200);
  return stringField(obo.body, "access_token");
}

describe("claims challenge (Conditional Access authentication context)", () => {
  it("challenges a Graph token without acrs c1, and accepts one obtained with the claims", async () => {
    const plain = await signIn(sim, upn);
    const first = await graphGet(
      sim,
      "/v1.0/me",
      await graphTokenFor(stringField(plain.body, "access_token")),
    );
    expect(first.status).toBe(401);
    expect(graphErrorOf(first).code).toBe("InvalidAuthenticationToken");
    const header = first.headers.get("www-authenticate") ?? "";
    expect(header).toMatch(
      /^Bearer realm="", authorization_uri="http:\/\/localhost:\d+\/[0-9a-f-]+\/oauth2\/v2\.0\/authorize", error="insufficient_claims", claims="/,
    );
    const claims = Buffer.from(/claims="([^"]+)"/.exec(header)?.[1] ?? "", "base64").toString();
    expect(JSON.parse(claims)).toEqual({
      access_token: { acrs: { essential: true, value: "c1" } },
    });

    // The SPA signs in again with the claims; its API token carries acrs, OBO passes it on.
    const stepUp = await signIn(sim, upn, { claims });
    const apiToken = stringField(stepUp.body, "access_token");
    expect(decodeJwt(apiToken).acrs).toEqual(["c1"]);
    const graphToken = await graphTokenFor(apiToken);
    expect(decodeJwt(graphToken).acrs).toEqual(["c1"]);
    expect((await graphGet(sim, "/v1.0/me", graphToken)).status).toBe(200);
  });

  it("adds xms_cc when the client declares capabilities in the claims request", async () => {
    const claims = JSON.stringify({
      access_token: { xms_cc: { values: ["CP1"] }, acrs: { essential: true, value: "c1" } },
    });
    const result = await signIn(sim, upn, { claims });
    expect(decodeJwt(stringField(result.body, "access_token"))).toMatchObject({
      acrs: ["c1"],
      xms_cc: ["CP1"],
    });
  });

  it("keeps acrs through refresh, and a refresh with claims can add it", async () => {
    const plain = await signIn(sim, upn);
    const refreshed = await tokenRequest(sim, {
      client_id: sim.apps.spa.clientId,
      grant_type: "refresh_token",
      refresh_token: stringField(plain.body, "refresh_token"),
      scope: `${sim.apps.api.scope} openid offline_access`,
      claims: JSON.stringify({ access_token: { acrs: { essential: true, value: "c1" } } }),
    });
    expect(decodeJwt(stringField(refreshed.body, "access_token")).acrs).toEqual(["c1"]);
  });

  it("makes OBO ask for interaction when the BFF requests acrs the user lacks", async () => {
    const plain = await signIn(sim, upn);
    const result = await onBehalfOf(sim, stringField(plain.body, "access_token"), {
      claims: JSON.stringify({ access_token: { acrs: { essential: true, value: "c1" } } }),
    });
    expect(result.status).toBe(400);
    expect(result.body.error).toBe("interaction_required");
    expect(JSON.parse(stringField(result.body, "claims"))).toEqual({
      access_token: { acrs: { essential: true, value: "c1" } },
    });
  });
});
