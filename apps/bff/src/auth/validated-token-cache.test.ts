import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWTVerifyGetKey } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { createBearerTokenValidator } from "./validate-bearer-token.js";

/**
 * Issue #19: a token that passed is taken again on its SHA-256 without RSA, but never past its
 * `exp`, never once the key that verified it is withdrawn or replaced, and a refusal is never
 * remembered. Real RSA keys and jose's own local key set (what the remote one holds).
 */
const ISSUER = "https://login.example/tenant/v2.0";
const TENANT = "11111111-1111-1111-1111-111111111111";
const API = "api://helpdesk";
const SPA = "22222222-2222-2222-2222-222222222222";

const keyPair = async (kid: string) => {
  const { publicKey, privateKey } = await generateKeyPair("RS256", { extractable: true });
  return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: "RS256" } };
};
type KeyPair = Awaited<ReturnType<typeof keyPair>>;

const sign = (key: KeyPair, expiresInSeconds: number) =>
  new SignJWT({ tid: TENANT, oid: "user-1", scp: "access_as_user", azp: SPA, ver: "2.0" })
    .setProtectedHeader({ alg: "RS256", kid: key.kid })
    .setIssuer(ISSUER)
    .setAudience(API)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + expiresInSeconds)
    .sign(key.privateKey);

describe("validated-token cache", () => {
  let first: KeyPair;
  let second: KeyPair;
  beforeAll(async () => {
    [first, second] = await Promise.all([keyPair("k1"), keyPair("k2")]);
  });

  /** A key set whose published keys the test changes, as a JWKS refetch would. */
  const keySet = (published: KeyPair[]) => {
    let local = createLocalJWKSet({ keys: published.map((k) => k.jwk) });
    const getKey: JWTVerifyGetKey = (header, token) => local(header, token);
    return {
      getKey,
      publish: (keys: KeyPair[]) => {
        local = createLocalJWKSet({ keys: keys.map((k) => k.jwk) });
      },
    };
  };

  const validatorFor = (getKey: JWTVerifyGetKey, maxAgeMs = 60_000, now = Date.now) =>
    createBearerTokenValidator({
      issuer: ISSUER,
      keys: getKey,
      audiences: [API],
      tenantId: TENANT,
      spaClientId: SPA,
      clockToleranceSeconds: 0,
      cache: { maxEntries: 10, maxAgeMs },
      now,
    });

  it("answers a known token from the cache: the same user, no new verification", async () => {
    const keys = keySet([first]);
    const validate = validatorFor(keys.getKey);
    const token = await sign(first, 600);
    const user = await validate(token);
    const again = await validate(token);
    expect(again).toBe(user);
    expect(again.assertion).toBe(token);
    expect(Object.isFrozen(again.claims)).toBe(true);
  });

  it("refuses a cached token once its key is withdrawn from the key set", async () => {
    const keys = keySet([first, second]);
    const validate = validatorFor(keys.getKey);
    const token = await sign(first, 600);
    await validate(token);
    keys.publish([second]);
    await expect(validate(token)).rejects.toMatchObject({ name: "AuthenticationError" });
  });

  it("verifies again when the key under the same kid changed (another key set)", async () => {
    const keys = keySet([first]);
    const validate = validatorFor(keys.getKey);
    const token = await sign(first, 600);
    await validate(token);
    // The same kid now names another key: the signature no longer verifies.
    keys.publish([{ ...second, kid: "k1", jwk: { ...second.jwk, kid: "k1" } }]);
    await expect(validate(token)).rejects.toMatchObject({ name: "AuthenticationError" });
  });

  it("does not answer past the token's exp", async () => {
    const keys = keySet([first]);
    const validate = validatorFor(keys.getKey);
    // Five seconds: the first validation must come before `exp` even on a busy machine.
    const token = await sign(first, 5);
    const { exp } = await validate(token).then((user) => user.claims);
    expect(typeof exp).toBe("number");
    while (Date.now() <= (exp as number) * 1000 + 100) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await expect(validate(token)).rejects.toMatchObject({ name: "AuthenticationError" });
  });

  it("verifies in full again after the cache's max age", async () => {
    const keys = keySet([first]);
    let now = Date.now();
    const validate = validatorFor(keys.getKey, 1_000, () => now);
    const token = await sign(first, 600);
    const user = await validate(token);
    now += 1_001;
    const again = await validate(token);
    expect(again).not.toBe(user);
    expect(again.oid).toBe(user.oid);
  });

  it("never remembers a refusal", async () => {
    const keys = keySet([second]);
    const validate = validatorFor(keys.getKey);
    const token = await sign(first, 600);
    await expect(validate(token)).rejects.toMatchObject({ name: "AuthenticationError" });
    await expect(validate(token)).rejects.toMatchObject({ name: "AuthenticationError" });
    // Once its key is published, the same token passes: nothing of the refusal was kept.
    keys.publish([first]);
    expect((await validate(token)).oid).toBe("user-1");
  });
});
