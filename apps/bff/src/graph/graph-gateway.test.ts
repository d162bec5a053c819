import { ProblemSchema } from "@ihc/contracts";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { AuthenticatedUser } from "../auth/authenticated-user.js";
import { startStack, type Stack } from "../test-support/start-stack.js";
import { GraphError, GraphOutcomeUnknownError, GraphUnavailableError } from "./graph-error.js";

describe("Graph gateway retry policy (against the simulator)", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ graphRetry: { baseDelayMs: 20, attemptTimeoutMs: 2_000 } });
  });
  afterAll(() => stack.close());
  beforeEach(() => {
    stack.sim.clearFaults();
    stack.sim.clearReceived();
  });

  const meCalls = () => stack.graphCalls().filter((call) => call.path === "/v1.0/me");
  const getMe = async () => stack.fetch("/api/me", { token: await stack.tokenFor("agent") });

  describe("reads (GET /api/me → GET /v1.0/me)", () => {
    it("waits out a 429 with Retry-After and succeeds on the retry", async () => {
      stack.sim.setFaults([
        { method: "GET", path: "^/v1\\.0/me$", kind: "throttle", retryAfterSeconds: 1, times: 1 },
      ]);
      const started = Date.now();
      const response = await getMe();
      expect(response.status).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(950);
      const calls = meCalls();
      expect(calls).toHaveLength(2);
      // One logical call: the same client-request-id on both attempts.
      expect(calls[0]?.clientRequestId).toBe(calls[1]?.clientRequestId);
    });

    it("retries 503 twice and succeeds on the third call", async () => {
      stack.sim.setFaults([
        { method: "GET", path: "^/v1\\.0/me$", kind: "status", status: 503, times: 2 },
      ]);
      expect((await getMe()).status).toBe(200);
      expect(meCalls()).toHaveLength(3);
    });

    it("gives up after three retries and answers a problem with Graph's request id", async () => {
      stack.sim.setFaults([{ method: "GET", path: "^/v1\\.0/me$", kind: "status", status: 503 }]);
      const response = await getMe();
      expect(response.status).toBe(503);
      const problem = ProblemSchema.parse(await response.json());
      expect(problem.code).toBe("graph_unavailable");
      expect(problem.graphRequestId).toEqual(expect.any(String));
      expect(problem.graphCode).toEqual(expect.any(String));
      expect(meCalls()).toHaveLength(4);
    });

    it("does not wait longer than the cap: surfaces Retry-After instead", async () => {
      stack.sim.setFaults([
        { method: "GET", path: "^/v1\\.0/me$", kind: "throttle", retryAfterSeconds: 120 },
      ]);
      const response = await getMe();
      expect(response.status).toBe(429);
      expect(response.headers.get("retry-after")).toBe("120");
      expect(ProblemSchema.parse(await response.json())).toMatchObject({
        code: "graph_throttled",
        retryAfterSeconds: 120,
      });
      expect(meCalls()).toHaveLength(1);
    });

    it("retries a dropped connection on a read, then reports Graph unavailable", async () => {
      stack.sim.setFaults([{ method: "GET", path: "^/v1\\.0/me$", kind: "drop" }]);
      const response = await getMe();
      expect(response.status).toBe(502);
      expect(ProblemSchema.parse(await response.json()).code).toBe("graph_unavailable");
      expect(meCalls()).toHaveLength(4);
    });

    it("does not retry a 404", async () => {
      stack.sim.setFaults([
        { method: "GET", path: "^/v1\\.0/me$", kind: "status", status: 404, times: 1 },
      ]);
      const response = await getMe();
      expect(response.status).toBe(404);
      expect(ProblemSchema.parse(await response.json()).code).toBe("not_found");
      expect(meCalls()).toHaveLength(1);
    });
  });

  describe("writes (POST through the gateway)", () => {
    let user: AuthenticatedUser;
    let path: string;
    const postCalls = () =>
      stack.graphCalls().filter((call) => call.method === "POST" && call.path === `/beta${path}`);

    beforeAll(async () => {
      user = await stack.deps.validateToken(await stack.tokenFor("senior"));
      const target = stack.sim.accounts.find((account) => account.key === "norole");
      path = `/users/${target?.id ?? ""}/removeAllDevicesFromManagement`;
    });

    const post = () => stack.deps.graph.post(user, path, { version: "beta" });

    it("sends a POST exactly once when Graph answers 503", async () => {
      stack.sim.setFaults([
        {
          method: "POST",
          path: "removeAllDevicesFromManagement",
          kind: "status",
          status: 503,
          times: 1,
        },
      ]);
      const error: unknown = await post().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(GraphError);
      expect((error as GraphError).status).toBe(503);
      expect(postCalls()).toHaveLength(1);
    });

    it("sends a POST again after a 429 (Graph did not act), after Retry-After", async () => {
      stack.sim.setFaults([
        {
          method: "POST",
          path: "removeAllDevicesFromManagement",
          kind: "throttle",
          retryAfterSeconds: 1,
          times: 1,
        },
      ]);
      const started = Date.now();
      // The simulator may not implement this action yet; what it answers second does not
      // matter here, only that the 429 was followed by exactly one more attempt.
      const outcome = await post().then(
        (response) => response,
        (error: unknown) => error,
      );
      expect(Date.now() - started).toBeGreaterThanOrEqual(950);
      const calls = postCalls();
      expect(calls).toHaveLength(2);
      expect(calls[0]?.status).toBe(429);
      expect(calls[1]?.status).not.toBe(429);
      expect(calls[0]?.clientRequestId).toBe(calls[1]?.clientRequestId);
      if (outcome instanceof GraphError) expect(outcome.status).not.toBe(429);
      else
        expect(outcome).toMatchObject({ attempts: 2, clientRequestId: calls[0]?.clientRequestId });
    });

    it("reports an unknown outcome, once, when the connection drops", async () => {
      stack.sim.setFaults([
        { method: "POST", path: "removeAllDevicesFromManagement", kind: "drop", times: 1 },
      ]);
      const error: unknown = await post().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(GraphOutcomeUnknownError);
      expect(error).toMatchObject({ method: "POST", timedOut: false });
      expect(postCalls()).toHaveLength(1);
    });

    it("reports an unknown outcome, once, when Graph is too slow", async () => {
      stack.sim.setFaults([
        {
          method: "POST",
          path: "removeAllDevicesFromManagement",
          kind: "latency",
          latencyMs: 3_000,
          times: 1,
        },
      ]);
      const error: unknown = await post().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(GraphOutcomeUnknownError);
      expect(error).toMatchObject({ timedOut: true });
      // The simulator records the request when the aborted connection closes.
      await vi.waitFor(() => {
        expect(postCalls()).toHaveLength(1);
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(postCalls()).toHaveLength(1);
    });

    it("retries a timed-out read but not past its budget", async () => {
      stack.sim.setFaults([
        { method: "GET", path: "^/v1\\.0/me$", kind: "latency", latencyMs: 3_000, times: 1 },
      ]);
      const response = await stack.deps.graph.get(user, "/me");
      expect(response.status).toBe(200);
      expect(response.attempts).toBe(2);
    });

    it("ends a read that never gets through in GraphUnavailableError", async () => {
      stack.sim.setFaults([{ method: "GET", path: "^/v1\\.0/me$", kind: "drop" }]);
      const error: unknown = await stack.deps.graph
        .get(user, "/me")
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(GraphUnavailableError);
      expect(stack.graphCalls().filter((call) => call.path === "/v1.0/me")).toHaveLength(4);
    });
  });
});
