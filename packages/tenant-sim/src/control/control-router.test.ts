import { createHash } from "node:crypto";
import { decodeJwt, decodeProtectedHeader } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSimulator } from "../create-simulator.js";
import { defaultScenario } from "../faults/scenario.js";
import type { ReceivedGraphRequest } from "../graph/received-log.js";
import type { Simulator } from "../simulator.js";
import { graphGet } from "../test-support/graph-client.js";

let sim: Simulator;
const lines: string[] = [];
beforeAll(async () => {
  sim = await createSimulator({ port: 0, log: (line) => lines.push(line) });
});
afterAll(() => sim.close());

async function mint(body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${sim.url}/_sim/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("POST /_sim/token", () => {
  it("mints an API token for the agent by default", async () => {
    const result = await mint({});
    expect(result.status).toBe(200);
    const claims = decodeJwt(String(result.body.token));
    expect(claims).toMatchObject({
      aud: sim.apps.api.clientId,
      iss: sim.issuer,
      tid: sim.tenantId,
      scp: "access_as_user",
      preferred_username: "adele.vance@contoso-sim.onmicrosoft.com",
      roles: ["Console.Read", "Licenses.Revoke", "Enrollment.Manage"],
      ver: "2.0",
    });
  });

  it("applies each option", async () => {
    const token = await sim.mintToken({
      account: "isaiah.langer@contoso-sim.onmicrosoft.com",
      scopes: [],
      roles: ["Custom.Role"],
      lifetimeSeconds: -30,
      claims: { extra: 1, name: "Renamed" },
      removeClaims: ["azp"],
      kid: "my-kid",
    });
    const claims = decodeJwt(token);
    expect(claims).not.toHaveProperty("scp");
    expect(claims).not.toHaveProperty("azp");
    expect(claims).toMatchObject({ roles: ["Custom.Role"], extra: 1, name: "Renamed" });
    expect(claims.exp).toBeLessThan(Date.now() / 1000);
    expect(decodeProtectedHeader(token).kid).toBe("my-kid");

    const idToken = decodeJwt(await sim.mintToken({ audience: "spa-id-token", account: "norole" }));
    expect(idToken).toMatchObject({ aud: sim.apps.spa.clientId, oid: sim.accounts[3]?.id });

    const appOnly = decodeJwt(await sim.mintToken({ audience: "graph", appOnly: true }));
    expect(appOnly).toMatchObject({ idtyp: "app", appid: sim.apps.api.clientId });
    expect(appOnly).not.toHaveProperty("scp");
    expect(appOnly).not.toHaveProperty("upn");
    expect(appOnly.oid).not.toBe(sim.accounts[0]?.id);
  });

  it("rejects bad input with 400", async () => {
    expect((await mint({ audience: 42 })).status).toBe(400);
    expect((await mint({ unknownOption: true })).status).toBe(400);
    expect((await mint({ account: "nobody@nowhere" })).status).toBe(400);
    const notJson = await fetch(`${sim.url}/_sim/token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{",
    });
    expect(notJson.status).toBe(400);
  });
});

describe("GET /_sim/received", () => {
  it("records every Graph request with redacted headers, token hash and claims", async () => {
    await fetch(`${sim.url}/_sim/received`, { method: "DELETE" });
    const token = await sim.mintToken({ audience: "graph" });
    await graphGet(sim, "/v1.0/me?$select=displayName", token, { "client-request-id": "abc-123" });
    await graphGet(sim, "/beta/me", undefined);

    const received = (await (
      await fetch(`${sim.url}/_sim/received`)
    ).json()) as ReceivedGraphRequest[];
    expect(received).toHaveLength(2);
    const [first, second] = received;
    expect(first).toMatchObject({
      method: "GET",
      path: "/v1.0/me",
      query: { $select: "displayName" },
      status: 200,
      clientRequestId: "abc-123",
      tokenSha256: createHash("sha256").update(token).digest("hex"),
      claims: {
        aud: "https://graph.microsoft.com",
        upn: "adele.vance@contoso-sim.onmicrosoft.com",
      },
    });
    expect(first?.headers.authorization).toBe("Bearer <redacted>");
    expect(JSON.stringify(received)).not.toContain(token);
    expect(Date.parse(first?.at ?? "")).not.toBeNaN();
    expect(second).toMatchObject({
      path: "/beta/me",
      status: 401,
      tokenSha256: null,
      claims: null,
    });
    expect(sim.received()).toHaveLength(2);

    expect((await fetch(`${sim.url}/_sim/received`, { method: "DELETE" })).status).toBe(204);
    expect(sim.received()).toEqual([]);
  });

  it("does not record identity or control requests", async () => {
    sim.clearReceived();
    await fetch(sim.metadataUrl);
    await fetch(`${sim.url}/_sim/health`);
    expect(sim.received()).toEqual([]);
  });
});

describe("/_sim/scenario", () => {
  it("sets, reads and resets switches", async () => {
    const put = await fetch(`${sim.url}/_sim/scenario`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ claimsChallenge: true }),
    });
    expect(await put.json()).toEqual({ ...defaultScenario, claimsChallenge: true });
    const bad = await fetch(`${sim.url}/_sim/scenario`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ claimsChallenge: "yes" }),
    });
    expect(bad.status).toBe(400);
    await fetch(`${sim.url}/_sim/scenario`, { method: "DELETE" });
    expect(await (await fetch(`${sim.url}/_sim/scenario`)).json()).toEqual(defaultScenario);
  });
});

describe("request log", () => {
  it("writes one readable line per request without query strings", async () => {
    lines.length = 0;
    await fetch(`${sim.url}/_sim/health?secret=x`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\d{2}:\d{2}:\d{2}\.\d{3} GET \/_sim\/health 200 \d+ms$/);
  });
});
