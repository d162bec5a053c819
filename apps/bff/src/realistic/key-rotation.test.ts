import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStack, type Stack } from "../test-support/start-stack.js";

/**
 * Issue #15 (8): the tenant rolls its signing key mid-run (`POST /_sim/keys/rotate`). A token
 * signed with the new `kid` is accepted at once, even right after the BFF fetched the JWKS
 * (jose's own refetch waits out a 30 s cooldown).
 */
describe("signing key rotation", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  /** The BFF forces at most one JWKS refetch a second; real rollovers are weeks apart. */
  const pastRefetchLimit = () => new Promise((resolve) => setTimeout(resolve, 1_100));
  const meStatus = async (token: string) => (await stack.fetch("/api/me", { token })).status;

  it("accepts a token with the new kid right after a rotation", async () => {
    expect(await meStatus(await stack.tokenFor("agent"))).toBe(200);
    await stack.sim.rotateSigningKey();
    const fresh = await stack.tokenFor("agent");
    expect(await meStatus(fresh)).toBe(200);
    // Tokens signed before the rollover stay valid while the old key is published.
    await pastRefetchLimit();
    await stack.sim.rotateSigningKey();
    expect(await meStatus(fresh)).toBe(200);
    expect(await meStatus(await stack.tokenFor("senior"))).toBe(200);
  });

  it("refuses old tokens once the old key is withdrawn, and new ones still pass", async () => {
    const old = await stack.tokenFor("agent");
    expect(await meStatus(old)).toBe(200);
    await pastRefetchLimit();
    await stack.sim.rotateSigningKey({ dropPrevious: true });
    expect(await meStatus(await stack.tokenFor("agent"))).toBe(200);
    // The old kid is no longer published, so it is unknown: one more fetch, still refused.
    await pastRefetchLimit();
    expect(await meStatus(old)).toBe(401);
  });
});
