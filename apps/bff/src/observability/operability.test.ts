import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ReadinessSchema, NotReadyProblemSchema } from "@ihc/contracts";
import { createSimulator, seededIds } from "@ihc/tenant-sim";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postAction, waitForAction } from "../test-support/action-helpers.js";
import { startStack, type Stack } from "../test-support/start-stack.js";

const METRICS_TOKEN = "metrics-token-for-tests-0123456789abcdef";

/** The value of one sample line of Prometheus's text format (`name{labels} value`). */
const sample = (text: string, name: string, labels: Record<string, string> = {}): number => {
  const line = text
    .split("\n")
    .find((candidate) =>
      candidate.startsWith(`${name}{`) || candidate.startsWith(`${name} `)
        ? Object.entries(labels).every(([label, value]) =>
            candidate.includes(`${label}="${value}"`),
          )
        : false,
    );
  if (line === undefined) throw new Error(`No sample ${name} ${JSON.stringify(labels)}:\n${text}`);
  return Number(line.slice(line.lastIndexOf(" ") + 1));
};

describe("GET /api/ready and GET /metrics", () => {
  let stack: Stack;
  let agent: string;
  const scrape = async () => {
    const response = await stack.fetch("/metrics", {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    return response.text();
  };

  beforeAll(async () => {
    stack = await startStack({ env: { METRICS_ACCESS: "bearer", METRICS_TOKEN } });
    agent = await stack.tokenFor("agent");
  });
  afterAll(() => stack.close());

  it("is ready when the store and the OIDC metadata answer, without a token", async () => {
    const response = await stack.fetch("/api/ready");
    expect(response.status).toBe(200);
    const ready = ReadinessSchema.parse(await response.json());
    expect(ready.checks.map((check) => [check.name, check.ok])).toEqual([
      ["store", true],
      ["oidcMetadata", true],
    ]);
  });

  it("answers /metrics only with METRICS_TOKEN", async () => {
    expect((await stack.fetch("/metrics")).status).toBe(401);
    const wrong = await stack.fetch("/metrics", {
      headers: { authorization: `Bearer ${METRICS_TOKEN}x` },
    });
    expect(wrong.status).toBe(401);
    // A user's console token is not the metrics token.
    expect((await stack.fetch("/metrics", { token: agent })).status).toBe(401);
  });

  it("times requests by route pattern and status, never by raw URL", async () => {
    const app = seededIds.iosVppApps.slack;
    expect((await stack.fetch(`/api/apps/${app}`, { token: agent })).status).toBe(200);
    expect((await stack.fetch("/api/apps/not-an-app", { token: agent })).status).toBeGreaterThan(
      399,
    );
    expect((await stack.fetch("/api/no-such-route", { token: agent })).status).toBe(404);
    const text = await scrape();
    const ok = { route: "/api/apps/:id", method: "GET", status: "200" };
    expect(sample(text, "ihc_http_request_duration_seconds_count", ok)).toBe(1);
    expect(sample(text, "ihc_http_request_duration_seconds_count", { route: "unmatched" })).toBe(1);
    expect(text).not.toContain(app);
    expect(text).not.toContain("not-an-app");
  });

  it("counts Graph calls by resource, 429s and the Retry-After seconds waited", async () => {
    stack.sim.setFaults([
      { method: "GET", path: "/vppTokens$", kind: "throttle", retryAfterSeconds: 1, times: 1 },
    ]);
    expect((await stack.fetch("/api/vpp-tokens", { token: agent })).status).toBe(200);
    const text = await scrape();
    expect(sample(text, "ihc_graph_throttled_total")).toBe(1);
    expect(sample(text, "ihc_graph_retry_wait_seconds_total", { reason: "retryAfter" })).toBe(1);
    expect(
      sample(text, "ihc_graph_calls_total", {
        resource: "/deviceAppManagement/vppTokens",
        method: "GET",
        status: "200",
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(text).toMatch(/resource="\/deviceAppManagement\/mobileApps\/\{id\}"/);
  });

  it("counts actions by kind and state and times the journal's writes", async () => {
    const response = await postAction(
      stack,
      `/api/vpp-tokens/${seededIds.vppTokens.valid}/sync-licenses`,
      agent,
      { reason: "metrics" },
    );
    expect(response.status).toBe(202);
    const { id } = (await response.json()) as { id: string };
    const final = await waitForAction(stack, id, agent, (record) =>
      ["succeeded", "failed", "unknown"].includes(record.state),
    );
    const text = await scrape();
    const kind = "vpp-token.sync-licenses";
    expect(sample(text, "ihc_action_states_total", { kind, state: final.state })).toBe(1);
    expect(
      sample(text, "ihc_journal_write_duration_seconds_count", { operation: "insert" }),
    ).toBeGreaterThanOrEqual(1);
    expect(sample(text, "ihc_watchers_open")).toBeGreaterThanOrEqual(0);
    expect(sample(text, "ihc_event_streams_open")).toBe(0);
    expect(sample(text, "process_resident_memory_bytes")).toBeGreaterThan(0);
  });
});

describe("METRICS_ACCESS off and loopback", () => {
  it("is absent by default (404, as any unknown path)", async () => {
    const stack = await startStack();
    try {
      const response = await stack.fetch("/metrics");
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain("ihc_");
    } finally {
      await stack.close();
    }
  });

  it("loopback: answers this machine directly, not what came through a proxy", async () => {
    const stack = await startStack({ env: { METRICS_ACCESS: "loopback" } });
    try {
      expect((await stack.fetch("/metrics")).status).toBe(200);
      const proxied = await stack.fetch("/metrics", {
        headers: { "x-forwarded-for": "203.0.113.7" },
      });
      expect(proxied.status).toBe(404);
      const forwarded = await stack.fetch("/metrics", {
        headers: { forwarded: "for=203.0.113.7" },
      });
      expect(forwarded.status).toBe(404);
    } finally {
      await stack.close();
    }
  });
});

describe("GET /api/ready when the OIDC metadata stops answering", () => {
  let stack: Stack;
  let relay: Server;
  let failing = false;

  beforeAll(async () => {
    // A relay in front of the simulator's metadata, so the test can make it fail after start.
    const sim = await createSimulator({ host: "127.0.0.1", port: 0 });
    const metadata = await (await fetch(sim.metadataUrl)).text();
    await sim.close();
    relay = createServer((_req, res) => {
      if (failing) res.writeHead(503).end();
      else res.writeHead(200, { "content-type": "application/json" }).end(metadata);
    }).listen(0, "127.0.0.1");
    await new Promise((resolve) => relay.once("listening", resolve));
    const { port } = relay.address() as AddressInfo;
    stack = await startStack({
      env: { OIDC_METADATA_URL: `http://127.0.0.1:${port}/openid-configuration` },
    });
  });
  afterAll(async () => {
    await stack.close();
    await new Promise((resolve) => relay.close(resolve));
  });

  it("answers 503 problem+json naming what is missing; health stays 200", async () => {
    expect((await stack.fetch("/api/ready")).status).toBe(200);
    failing = true;
    const response = await stack.fetch("/api/ready");
    expect(response.status).toBe(503);
    expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    const problem = NotReadyProblemSchema.parse(await response.json());
    expect(problem.detail).toMatch(/oidcMetadata \(HTTP 503/);
    expect(problem.checks.find((check) => check.name === "store")?.ok).toBe(true);
    expect((await stack.fetch("/api/health")).status).toBe(200);
  });
});
