import { VppTokenListSchema } from "@ihc/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStack, type Stack } from "../test-support/start-stack.js";

/**
 * Issue #15 (7): Intune's 429s often come without `Retry-After`. A read then backs off on its
 * own, exponentially (graph/middleware/retry-policy.ts), and gets its answer once the window
 * has room again. https://learn.microsoft.com/graph/throttling#best-practices-to-handle-throttling
 */
describe("429 without Retry-After (realistic: retryAfterAsIntune)", () => {
  let stack: Stack;
  beforeAll(async () => {
    // Backoff 200 ms · 2^n (jittered to half or more): 100–200, 200–400, 400–800 ms.
    stack = await startStack({ graphRetry: { baseDelayMs: 200, maxRetries: 3 } });
    stack.sim.setScenario({ retryAfterAsIntune: true });
  });
  afterAll(() => stack.close());

  it("a throttled read backs off exponentially and succeeds", async () => {
    // VPP tokens are Intune's enrollment service: one request per 600 ms window.
    stack.sim.setThrottling({
      service: "enrollment",
      requests: 1,
      tenantRequests: 1,
      windowSeconds: 0.6,
    });
    const token = await stack.tokenFor("agent");
    // The on-behalf-of exchange happens now, so the read below goes out at once.
    expect((await stack.fetch("/api/me", { token })).status).toBe(200);
    // Someone else's request fills the window first.
    const graphToken = await stack.sim.mintToken({
      audience: "graph",
      scopes: ["DeviceManagementServiceConfig.Read.All"],
    });
    await fetch(`${stack.sim.graphUrl}/beta/deviceAppManagement/vppTokens`, {
      headers: { authorization: `Bearer ${graphToken}` },
    });
    stack.sim.clearReceived();

    const response = await stack.fetch("/api/vpp-tokens", { token });
    expect(response.status).toBe(200);
    expect(VppTokenListSchema.parse(await response.json()).items.length).toBeGreaterThan(0);

    const attempts = stack.graphCalls().filter((c) => c.path.endsWith("/vppTokens"));
    expect(attempts.length).toBeGreaterThan(1);
    expect(attempts.at(-1)?.status).toBe(200);
    const throttled = attempts.filter((c) => c.status === 429);
    expect(throttled.length).toBeGreaterThan(0);
    // Same request each time, waiting longer before each retry.
    expect(new Set(attempts.map((c) => c.clientRequestId)).size).toBe(1);
    const gaps = attempts
      .slice(1)
      .map((c, i) => Date.parse(c.at) - Date.parse(attempts[i]?.at ?? ""));
    gaps.forEach((gap, i) => {
      expect(gap).toBeGreaterThanOrEqual(95 * 2 ** i);
    });
    stack.sim.resetThrottling();
  });
});
