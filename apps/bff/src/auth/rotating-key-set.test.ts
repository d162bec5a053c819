import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT, jwtVerify, type JWK } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRotatingKeySet } from "./rotating-key-set.js";

describe("createRotatingKeySet", () => {
  let server: Server;
  let url: URL;
  let fetches = 0;
  let published: JWK[] = [];
  beforeAll(async () => {
    server = createServer((_req, res) => {
      fetches++;
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ keys: published }));
    }).listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/keys`);
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const newKey = async (kid: string) => {
    const { privateKey, publicKey } = await generateKeyPair("RS256");
    return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: "RS256" } };
  };
  type Key = Awaited<ReturnType<typeof newKey>>;
  const sign = (key: Key, kid = key.kid) =>
    new SignJWT({}).setProtectedHeader({ alg: "RS256", kid }).sign(key.privateKey);

  it("reloads at once for a new kid, and at most once a second for unknown ones", async () => {
    let clock = 0;
    const getKey = createRotatingKeySet(url, { now: () => clock });
    const first = await newKey("k1");
    published = [first.jwk];
    await jwtVerify(await sign(first), getKey);
    expect(fetches).toBe(1);

    // A rollover right after the fetch (inside jose's own 30 s cooldown).
    const second = await newKey("k2");
    published = [second.jwk, first.jwk];
    await jwtVerify(await sign(second), getKey);
    expect(fetches).toBe(2);

    // Made-up kids: refused, and only one refetch in the same second.
    clock += 10;
    for (let i = 0; i < 5; i++) {
      await expect(jwtVerify(await sign(second, `made-up-${i}`), getKey)).rejects.toThrow();
    }
    expect(fetches).toBe(2);
    clock += 1_000;
    await expect(jwtVerify(await sign(second, "made-up-x"), getKey)).rejects.toThrow();
    expect(fetches).toBe(3);
  });
});
