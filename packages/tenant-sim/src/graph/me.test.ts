import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSimulator } from "../create-simulator.js";
import type { Simulator } from "../simulator.js";
import { graphErrorOf, graphGet } from "../test-support/graph-client.js";
import { onBehalfOf, signIn, stringField } from "../test-support/oauth-client.js";

let sim: Simulator;
let graphToken: string;
beforeAll(async () => {
  sim = await createSimulator({ port: 0 });
  const signedIn = await signIn(sim, "adele.vance@contoso-sim.onmicrosoft.com");
  const obo = await onBehalfOf(sim, stringField(signedIn.body, "access_token"));
  graphToken = stringField(obo.body, "access_token");
});
afterAll(() => sim.close());

describe("GET /me", () => {
  it("returns the signed-in user in Graph's v1.0 shape", async () => {
    const result = await graphGet(sim, "/v1.0/me", graphToken, { "client-request-id": "c-1" });
    expect(result.status).toBe(200);
    expect(result.body).toEqual({
      "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users/$entity",
      businessPhones: ["+1 425 555 0100"],
      displayName: "Adele Vance",
      givenName: "Adele",
      jobTitle: "Helpdesk agent",
      mail: "adele.vance@contoso-sim.onmicrosoft.com",
      mobilePhone: null,
      officeLocation: "Seattle",
      preferredLanguage: "en-US",
      surname: "Vance",
      userPrincipalName: "adele.vance@contoso-sim.onmicrosoft.com",
      id: "a1f0e2d3-0001-4c5b-8a9d-000000000001",
    });
    expect(result.headers.get("request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.headers.get("client-request-id")).toBe("c-1");
    expect(result.headers.get("x-ms-ags-diagnostic")).toContain("ServerInfo");
    expect(result.headers.get("content-type")).toContain("application/json");
  });

  it("serves beta with its own @odata.context and honours $select", async () => {
    const beta = await graphGet(sim, "/beta/me", graphToken);
    expect(beta.body["@odata.context"]).toBe(
      "https://graph.microsoft.com/beta/$metadata#users/$entity",
    );
    expect(beta.body.department).toBe("IT Helpdesk");

    const selected = await graphGet(sim, "/v1.0/me?$select=displayName,MAIL", graphToken);
    expect(selected.body).toEqual({
      "@odata.context":
        "https://graph.microsoft.com/v1.0/$metadata#users(displayName,mail)/$entity",
      id: "a1f0e2d3-0001-4c5b-8a9d-000000000001",
      displayName: "Adele Vance",
      mail: "adele.vance@contoso-sim.onmicrosoft.com",
    });

    const unknown = await graphGet(sim, "/v1.0/me?$select=shoeSize", graphToken);
    expect(unknown.status).toBe(400);
    expect(graphErrorOf(unknown).code).toBe("BadRequest");
  });

  it("generates a client-request-id when none is sent", async () => {
    const result = await graphGet(sim, "/v1.0/me", graphToken);
    expect(result.headers.get("client-request-id")).toEqual(expect.any(String));
  });
});

describe("Graph token checks", () => {
  async function expect401(token: string | undefined, message: RegExp): Promise<void> {
    const result = await graphGet(sim, "/v1.0/me", token);
    expect(result.status).toBe(401);
    const error = graphErrorOf(result);
    expect(error.code).toBe("InvalidAuthenticationToken");
    expect(error.message).toMatch(message);
    expect(result.headers.get("www-authenticate")).toMatch(/^Bearer realm="", authorization_uri="/);
  }

  it("requires a bearer token", async () => {
    await expect401(undefined, /Access token is empty/);
    await expect401("not-a-jwt", /CompactToken parsing failed/);
  });

  it("rejects the API's own token (wrong audience)", async () => {
    await expect401(await sim.mintToken({ audience: "api" }), /Invalid audience/);
  });

  it("rejects an expired or not-yet-valid token", async () => {
    await expect401(await sim.mintToken({ audience: "graph", lifetimeSeconds: -5 }), /expired/);
    await expect401(
      await sim.mintToken({ audience: "graph", notBeforeOffsetSeconds: 600 }),
      /not yet valid/,
    );
  });

  it("rejects a token signed with a foreign key", async () => {
    await expect401(await sim.mintToken({ audience: "graph", signWith: "foreign" }), /signature/);
  });

  it("rejects a token from another tenant or issuer", async () => {
    await expect401(
      await sim.mintToken({ audience: "graph", tenantId: "11111111-2222-3333-4444-555555555555" }),
      /Invalid issuer|Invalid tenant/,
    );
    await expect401(
      await sim.mintToken({ audience: "graph", issuer: "https://sts.example/" }),
      /Invalid issuer/,
    );
  });

  it("accepts Graph's app id as audience", async () => {
    const token = await sim.mintToken({
      audience: "graph",
      claims: { aud: "00000003-0000-0000-c000-000000000000" },
    });
    expect((await graphGet(sim, "/v1.0/me", token)).status).toBe(200);
  });

  it("answers 403 Authorization_RequestDenied without a scope that allows /me", async () => {
    const token = await sim.mintToken({
      audience: "graph",
      scopes: ["DeviceManagementApps.ReadWrite.All"],
    });
    const result = await graphGet(sim, "/v1.0/me", token);
    expect(result.status).toBe(403);
    expect(graphErrorOf(result)).toEqual({
      code: "Authorization_RequestDenied",
      message: "Insufficient privileges to complete the operation.",
    });
  });

  it("refuses /me for an app-only token", async () => {
    const token = await sim.mintToken({
      audience: "graph",
      appOnly: true,
      roles: ["User.Read.All"],
    });
    const result = await graphGet(sim, "/v1.0/me", token);
    expect(result.status).toBe(400);
    expect(graphErrorOf(result).message).toMatch(/only valid with delegated authentication/);
  });

  it("answers 404 for a user the directory does not have", async () => {
    const token = await sim.mintToken({
      audience: "graph",
      claims: { oid: "99999999-9999-4999-8999-999999999999" },
    });
    const result = await graphGet(sim, "/v1.0/me", token);
    expect(result.status).toBe(404);
    expect(graphErrorOf(result).code).toBe("Request_ResourceNotFound");
  });

  it("answers an unknown path with 400 BadRequest naming the segment", async () => {
    const result = await graphGet(sim, "/v1.0/nothingHere", graphToken);
    expect(result.status).toBe(400);
    expect(graphErrorOf(result).message).toBe("Resource not found for the segment 'nothingHere'.");
  });
});
