import { randomBytes } from "node:crypto";
import { createSimulator, type DemoAccountKey, type Simulator } from "@ihc/tenant-sim";
import { decodeJwt } from "jose";
import pino from "pino";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { createAuthenticatedUser, type AuthenticatedUser } from "../auth/authenticated-user.js";
import { createMsalOboTokenProvider, type OboTokenProvider } from "../auth/obo-token-provider.js";
import { LogCapture } from "../test-support/start-stack.js";
import { describeWithRedis, dropRedisPrefix, testRedisUrl } from "../test-support/needs-redis.js";
import { RedisConnection } from "./redis-connection.js";
import { RedisTokenCache, TOKEN_CACHE_TTL_SECONDS } from "./redis-token-cache.js";

const key = randomBytes(32);
const opened: RedisConnection[] = [];
const prefix = `ihc-test-tokens-${randomBytes(4).toString("hex")}:`;
let sim: Simulator;
let metadata = "";
const logs = new LogCapture();

beforeAll(async () => {
  sim = await createSimulator({ host: "127.0.0.1", port: 0 });
  metadata = await (await fetch(sim.metadataUrl)).text();
});
afterAll(async () => {
  await sim.close();
});
afterEach(async () => {
  for (const redis of opened.splice(0)) await redis.close();
  await dropRedisPrefix(prefix);
});

/** One BFF instance's token cache: its own connection to the test's namespace. */
const sharedCache = async () => {
  const redis = await RedisConnection.connect({ url: testRedisUrl, keyPrefix: prefix }, pino());
  opened.push(redis);
  return new RedisTokenCache(redis, key, pino({ level: "warn" }, logs));
};

/** One BFF instance's token provider, as create-app-deps builds it. */
const provider = (cache?: RedisTokenCache): OboTokenProvider =>
  createMsalOboTokenProvider({
    clientId: sim.apps.api.clientId,
    credential: { clientSecret: sim.apps.api.clientSecret },
    authority: `https://login.simulator.invalid/${sim.tenantId}`,
    authorityMetadata: metadata,
    logger: pino({ level: "silent" }),
    scopes: [`${new URL(sim.graphUrl).origin}/.default`],
    ...(cache === undefined ? {} : { sharedCache: cache }),
  });

const userFor = async (account: DemoAccountKey): Promise<AuthenticatedUser> => {
  const assertion = await sim.mintToken({ account });
  const claims = decodeJwt(assertion);
  return createAuthenticatedUser(
    {
      oid: String(claims.oid),
      tid: String(claims.tid),
      name: undefined,
      username: undefined,
      roles: [],
      scopes: [],
      claims,
    },
    assertion,
  );
};

const JWT_SHAPED = /eyJ[\w-]+\.[\w-]+\./;

describeWithRedis("msal-node's token cache shared through Redis", () => {
  it("gives instance B the Graph token instance A obtained, without a new token request", async () => {
    const agent = await userFor("agent");
    const fromA = await provider(await sharedCache()).getGraphToken(agent);
    const fromB = await provider(await sharedCache()).getGraphToken(agent);
    // Every exchange mints a token with a fresh `uti` (the control below), so the same token
    // on B means B made no token request.
    expect(fromB).toBe(fromA);
    const alone = await provider().getGraphToken(agent);
    expect(alone).not.toBe(fromA);
    expect(decodeJwt(alone).uti).not.toBe(decodeJwt(fromA).uti);
  });

  it("reads Redis only when the instance holds no fresh token for the assertion", async () => {
    const cache = await sharedCache();
    const agent = await userFor("agent");
    const a = provider(cache);
    const token = await a.getGraphToken(agent);
    await opened[0]?.commands.set(cache.redisKeyOf(`${agent.tid}:${agent.oid}`), "v1.garbage");
    const before = logs.lines.length;
    expect(await a.getGraphToken(agent)).toBe(token);
    expect(logs.lines.slice(before).join("\n")).not.toContain("does not decrypt");
    // A fresh instance does read it, finds it unreadable, and asks the token service.
    expect(await provider(cache).getGraphToken(agent)).not.toBe(token);
    expect(logs.lines.slice(before).join("\n")).toContain("does not decrypt");
  });

  it("keeps each user's tokens in their own partition", async () => {
    const [agent, senior] = await Promise.all([userFor("agent"), userFor("senior")]);
    const a = provider(await sharedCache());
    const agentToken = await a.getGraphToken(agent);
    const seniorToken = await a.getGraphToken(senior);
    const b = provider(await sharedCache());
    // B, asked for the senior first, gets the senior's token, and the agent's for the agent.
    expect(await b.getGraphToken(senior)).toBe(seniorToken);
    expect(await b.getGraphToken(agent)).toBe(agentToken);
    expect(decodeJwt(seniorToken).oid).toBe(senior.oid);
    expect(decodeJwt(agentToken).oid).toBe(agent.oid);
    expect(seniorToken).not.toBe(agentToken);
    // Two entries, one per user, each opening only as its own user's.
    const cache = await sharedCache();
    const raw = opened[0]?.commands;
    expect(await raw?.keys(`${prefix}token-cache:*`)).toHaveLength(2);
    expect(await cache.get(`${agent.tid}:${agent.oid}`)).toContain(agentToken);
    expect(await cache.get(`${senior.tid}:${senior.oid}`)).toContain(seniorToken);
    expect(await cache.get(`${senior.tid}:${senior.oid}`)).not.toContain(agentToken);
  });

  it("stores ciphertext only, under a hashed key, expiring with the refresh token", async () => {
    const cache = await sharedCache();
    const agent = await userFor("agent");
    const token = await provider(cache).getGraphToken(agent);
    const raw = opened[0]?.commands;
    const redisKey = cache.redisKeyOf(`${agent.tid}:${agent.oid}`);
    expect(redisKey).not.toContain(agent.oid);
    const stored = (await raw?.get(redisKey)) ?? "";
    expect(stored).toMatch(/^v1\.[\w-]+$/);
    expect(stored).not.toMatch(JWT_SHAPED);
    expect(stored).not.toContain(token.split(".")[1]);
    expect(stored.length).toBeGreaterThan(token.length); // the whole cache, not a stub
    const ttl = (await raw?.ttl(redisKey)) ?? 0;
    expect(ttl).toBeGreaterThan(TOKEN_CACHE_TTL_SECONDS - 60);
    expect(ttl).toBeLessThanOrEqual(TOKEN_CACHE_TTL_SECONDS);
  });

  it("treats a tampered entry, or one moved to another user's key, as a miss", async () => {
    const cache = await sharedCache();
    const raw = opened[0]?.commands;
    const [agent, senior] = await Promise.all([userFor("agent"), userFor("senior")]);
    const agentToken = await provider(cache).getGraphToken(agent);
    const agentKey = cache.redisKeyOf(`${agent.tid}:${agent.oid}`);
    const sealed = (await raw?.get(agentKey)) ?? "";

    // One character of the ciphertext changed: B cannot open it and asks the token service.
    const at = sealed.length - 30;
    const flipped = sealed[at] === "A" ? "B" : "A";
    await raw?.set(agentKey, `${sealed.slice(0, at)}${flipped}${sealed.slice(at + 1)}`);
    const afterTamper = await provider(await sharedCache()).getGraphToken(agent);
    expect(afterTamper).not.toBe(agentToken);
    expect(decodeJwt(afterTamper).oid).toBe(agent.oid);

    // The agent's (valid) entry copied under the senior's key: it does not open for the senior.
    await raw?.set(cache.redisKeyOf(`${senior.tid}:${senior.oid}`), sealed);
    const seniorToken = await provider(await sharedCache()).getGraphToken(senior);
    expect(decodeJwt(seniorToken).oid).toBe(senior.oid);

    const warnings = logs.lines.filter((line) => line.includes("does not decrypt"));
    // Each is read twice: before the exchange, and by msal-node again before it writes.
    expect(warnings.length).toBeGreaterThanOrEqual(2);
    expect(logs.text).not.toMatch(JWT_SHAPED);
    expect(logs.text).not.toContain(sealed.slice(3, 40));
  });
});
