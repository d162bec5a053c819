import { decodeProtectedHeader } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSimulator } from "../create-simulator.js";
import type { Simulator } from "../simulator.js";
import { graphErrorOf, graphGet } from "../test-support/graph-client.js";
import { onBehalfOf, stringField } from "../test-support/oauth-client.js";

let sim: Simulator;
beforeAll(async () => {
  sim = await createSimulator({ port: 0 });
});
afterAll(() => sim.close());

const jwksKids = async () => {
  const response = await fetch(`${sim.url}/${sim.tenantId}/discovery/v2.0/keys`);
  return ((await response.json()) as { keys: { kid: string }[] }).keys.map((k) => k.kid);
};
const rotate = async (body?: unknown) => {
  const response = await fetch(`${sim.url}/_sim/keys/rotate`, {
    method: "POST",
    ...(body === undefined
      ? {}
      : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { kid: string; keys: string[] };
};
const kidOf = (token: string) => decodeProtectedHeader(token).kid;
const me = (token: string) => graphGet(sim, "/v1.0/me", token);

describe("POST /_sim/keys/rotate: signing key rotation mid-run", () => {
  it("publishes a new kid first, signs new tokens with it, and keeps old tokens valid", async () => {
    const [original] = await jwksKids();
    const before = await sim.mintToken({ audience: "graph" });
    expect(kidOf(before)).toBe(original);

    const rotated = await rotate();
    expect(rotated.kid).not.toBe(original);
    expect(rotated.keys).toEqual([rotated.kid, original]);
    expect(await jwksKids()).toEqual([rotated.kid, original]);

    const after = await sim.mintToken({ audience: "graph" });
    expect(kidOf(after)).toBe(rotated.kid);
    expect((await me(before)).status).toBe(200);
    expect((await me(after)).status).toBe(200);

    // The on-behalf-of grant accepts an assertion signed with the new key and signs with it.
    const exchanged = await onBehalfOf(sim, await sim.mintToken({}));
    expect(exchanged.status).toBe(200);
    expect(kidOf(stringField(exchanged.body, "access_token"))).toBe(rotated.kid);
  });

  it("drops the previous keys on request: tokens they signed stop validating", async () => {
    const old = await sim.mintToken({ audience: "graph" });
    const { kid } = await rotate({ dropPrevious: true });
    expect(await jwksKids()).toEqual([kid]);
    const refused = await me(old);
    expect(refused.status).toBe(401);
    expect(graphErrorOf(refused).message).toBe(
      "Access token validation failure. Invalid signature.",
    );
    expect((await me(await sim.mintToken({ audience: "graph" }))).status).toBe(200);
    expect((await sim.rotateSigningKey()) === kid).toBe(false);
    const bad = await fetch(`${sim.url}/_sim/keys/rotate`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ dropPrevious: "yes" }),
    });
    expect(bad.status).toBe(400);
  });
});
