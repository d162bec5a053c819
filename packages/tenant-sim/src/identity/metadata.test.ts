import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSimulator } from "../create-simulator.js";
import type { Simulator } from "../simulator.js";

let sim: Simulator;
beforeAll(async () => {
  sim = await createSimulator({ port: 0 });
});
afterAll(() => sim.close());

describe("OpenID Connect metadata", () => {
  it("points every endpoint at the simulator, in Entra's shape", async () => {
    const response = await fetch(sim.metadataUrl);
    expect(response.status).toBe(200);
    const metadata = (await response.json()) as Record<string, unknown>;
    const base = `${sim.url}/${sim.tenantId}`;
    expect(metadata).toMatchObject({
      issuer: `${base}/v2.0`,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      token_endpoint: `${base}/oauth2/v2.0/token`,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      jwks_uri: `${base}/discovery/v2.0/keys`,
      id_token_signing_alg_values_supported: ["RS256"],
      response_modes_supported: expect.arrayContaining(["query", "fragment"]) as unknown,
      scopes_supported: expect.arrayContaining(["openid", "offline_access"]) as unknown,
      subject_types_supported: ["pairwise"],
    });
    expect(sim.issuer).toBe(metadata.issuer);
    expect(sim.url).toMatch(/^http:\/\/localhost:\d+$/);
  });

  it("publishes one RS256 signing key with a kid", async () => {
    const response = await fetch(`${sim.url}/${sim.tenantId}/discovery/v2.0/keys`);
    const jwks = (await response.json()) as { keys: Record<string, unknown>[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: "RSA", use: "sig", issuer: sim.issuer });
    expect(jwks.keys[0]?.kid).toEqual(expect.any(String));
    expect(jwks.keys[0]).not.toHaveProperty("d");
  });

  it("answers CORS for SPA origins only, preflight included", async () => {
    const allowed = await fetch(sim.metadataUrl, { headers: { origin: "http://localhost:5173" } });
    expect(allowed.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    const other = await fetch(sim.metadataUrl, { headers: { origin: "https://evil.example" } });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();

    const preflight = await fetch(`${sim.url}/${sim.tenantId}/oauth2/v2.0/token`, {
      method: "OPTIONS",
      headers: {
        origin: "http://localhost:5173",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type,x-client-sku",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    expect(preflight.headers.get("access-control-allow-methods")).toContain("POST");
    expect(preflight.headers.get("access-control-allow-headers")).toBe("content-type,x-client-sku");
  });

  it("answers cloud instance discovery and rejects unknown tenants", async () => {
    const common = await fetch(`${sim.url}/common/discovery/instance?api-version=1.1`);
    const discovery = (await common.json()) as Record<string, unknown>;
    expect(discovery.tenant_discovery_endpoint).toBe(sim.metadataUrl);
    expect(discovery.metadata).toEqual([
      expect.objectContaining({ preferred_network: new URL(sim.url).host }),
    ]);

    const unknown = await fetch(`${sim.url}/other-tenant/v2.0/.well-known/openid-configuration`);
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ error: "invalid_tenant", error_codes: [90002] });
  });

  it("serves a health check", async () => {
    const response = await fetch(`${sim.url}/_sim/health`);
    expect(await response.json()).toEqual({ status: "ok" });
  });
});

describe("publicUrl", () => {
  it("is used in the issuer and every endpoint, and must be a bare origin", async () => {
    const proxied = await createSimulator({ port: 0, publicUrl: "http://sim.localtest:9999/" });
    try {
      expect(proxied.url).toBe("http://sim.localtest:9999");
      expect(proxied.issuer).toBe(`http://sim.localtest:9999/${proxied.tenantId}/v2.0`);
      expect(decodeJwt(await proxied.mintToken({})).iss).toBe(proxied.issuer);
    } finally {
      await proxied.close();
    }
    await expect(
      createSimulator({ port: 0, publicUrl: "http://localhost:4010/sim" }),
    ).rejects.toThrow(/origin without a path/);
  });
});
