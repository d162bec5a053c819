import { randomUUID } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { api, IDEMPOTENCY_KEY_HEADER, PROBLEM_CONTENT_TYPE } from "@ihc/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawRequest, type RawResponse } from "../test-support/raw-request.js";
import { startStack, TEST_WEB_ORIGIN, type Stack } from "../test-support/start-stack.js";
import {
  pathOf,
  validBodyOf,
  validParamsOf,
  type Route,
  type RouteName,
} from "./route-examples.js";
import { expectNoSecretsInLogs } from "./log-secrets.js";

/** Transport abuse (issue #7, part 2): sizes, types, slow bodies, origins, headers. */
const REQUEST_TIMEOUT_SECONDS = 2;
const HEADERS_TIMEOUT_SECONDS = 1;

const actionRoutes = (Object.entries(api) as [RouteName, Route][]).filter(
  ([, route]) => route.method === "POST",
);

/** Opens a raw connection, writes `head`, then `drip` every `everyMs` until the server ends it. */
const trickle = (
  port: number,
  head: string,
  drip: string,
  everyMs: number,
): Promise<{ answer: string; ms: number }> =>
  new Promise((resolve) => {
    const started = Date.now();
    const socket = connect(port, "127.0.0.1");
    let answer = "";
    const timer = setInterval(() => {
      if (!socket.destroyed) socket.write(drip);
    }, everyMs);
    socket.on("connect", () => socket.write(head));
    socket.on("data", (chunk) => (answer += chunk.toString("latin1")));
    const done = () => {
      clearInterval(timer);
      resolve({ answer, ms: Date.now() - started });
    };
    socket.on("close", done);
    socket.on("error", () => {});
    // The test's own bound: a server that never ends the connection fails the assertion below.
    setTimeout(() => socket.destroy(), 15_000);
  });

describe("transport abuse", () => {
  let stack: Stack;
  let token: string;
  let port: number;
  let spaDir: string;
  beforeAll(async () => {
    spaDir = await mkdtemp(path.join(tmpdir(), "ihc-spa-"));
    await mkdir(path.join(spaDir, "assets"));
    await writeFile(path.join(spaDir, "index.html"), "<!doctype html><title>console</title>");
    await writeFile(path.join(spaDir, "assets", "app-1a2b.js"), "console.log(1)");
    stack = await startStack({
      env: {
        SPA_DIST_DIR: spaDir,
        REQUEST_TIMEOUT_SECONDS: String(REQUEST_TIMEOUT_SECONDS),
        HEADERS_TIMEOUT_SECONDS: String(HEADERS_TIMEOUT_SECONDS),
      },
      rateLimit: { limit: 1000, windowMs: 60_000 },
    });
    token = await stack.tokenFor("senior");
    port = Number(new URL(stack.bffUrl).port);
  });
  afterAll(async () => {
    expectNoSecretsInLogs(stack, [token]);
    await stack.close();
    await rm(spaDir, { recursive: true });
  });

  const post = (route: Route, name: RouteName, headers: Record<string, string>, body: string) =>
    rawRequest(stack.bffUrl, {
      method: "POST",
      path: pathOf(route, validParamsOf(name, route)),
      headers: {
        authorization: `Bearer ${token}`,
        [IDEMPOTENCY_KEY_HEADER]: randomUUID(),
        ...headers,
      },
      body,
    });

  const statusOf = (response: RawResponse) =>
    response.kind === "response" ? response.status : response.error;

  describe.each(actionRoutes)("%s", (name, route) => {
    const limitKb = name === "revokeAppLicensesBulk" ? 128 : 16;

    it(`refuses a body over ${limitKb} kB with 413, as declared or chunked, and sends nothing`, async () => {
      const before = stack.graphCalls().length;
      const huge = JSON.stringify({
        ...validBodyOf(name, route),
        reason: "x".repeat(limitKb * 1024),
      });
      const declared = await post(route, name, { "content-type": "application/json" }, huge);
      expect(statusOf(declared)).toBe(413);
      // Chunked, so no length is declared and the limit must be enforced while reading.
      const target = pathOf(route, validParamsOf(name, route));
      const chunked = await trickle(
        port,
        `POST ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n` +
          `Authorization: Bearer ${token}\r\nContent-Type: application/json\r\n` +
          `${IDEMPOTENCY_KEY_HEADER}: ${randomUUID()}\r\nTransfer-Encoding: chunked\r\n\r\n` +
          `${Buffer.byteLength(huge).toString(16)}\r\n${huge}\r\n0\r\n\r\n`,
        "",
        1000,
      );
      expect(chunked.answer).toMatch(/^HTTP\/1\.1 413 /);
      expect(stack.graphCalls().length).toBe(before);
    });

    it("refuses every body that is not application/json with 415, and sends nothing", async () => {
      const before = stack.graphCalls().length;
      const json = JSON.stringify(validBodyOf(name, route));
      for (const type of [
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "application/xml",
        "application/merge-patch+json",
        "text/json",
      ]) {
        const response = await post(route, name, { "content-type": type }, json);
        expect(statusOf(response), type).toBe(415);
        if (response.kind === "response") {
          expect(response.headers["content-type"]).toContain(PROBLEM_CONTENT_TYPE);
        }
      }
      // No content type at all, with a body.
      expect(statusOf(await post(route, name, {}, json))).toBe(415);
      expect(stack.graphCalls().length).toBe(before);
    });
  });

  describe("slow and never-ending requests", () => {
    const bound = (REQUEST_TIMEOUT_SECONDS + 2.5) * 1000;
    const postHead = (extra: string) =>
      `POST /api/vpp-tokens/${validParamsOf("syncVppLicenses", api.syncVppLicenses).id}/sync-licenses HTTP/1.1\r\n` +
      `Host: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\n` +
      `${IDEMPOTENCY_KEY_HEADER}: ${randomUUID()}\r\n${extra}\r\n`;

    it("ends a body trickled a byte at a time with 408 within the request timeout", async () => {
      const { answer, ms } = await trickle(port, postHead("Content-Length: 100000\r\n"), "{", 200);
      expect(answer).toMatch(/^HTTP\/1\.1 408 /);
      expect(ms).toBeLessThan(bound);
    });

    it("ends a chunked body that never ends with 408 within the request timeout", async () => {
      const { answer, ms } = await trickle(
        port,
        postHead("Transfer-Encoding: chunked\r\n"),
        "1\r\n \r\n",
        100,
      );
      expect(answer).toMatch(/^HTTP\/1\.1 408 /);
      expect(ms).toBeLessThan(bound);
    });

    it("ends headers that never finish (slowloris) within the headers timeout", async () => {
      const { answer, ms } = await trickle(
        port,
        "GET /api/health HTTP/1.1\r\nHost: x\r\n",
        "X-a: b\r\n",
        200,
      );
      expect(answer === "" || /^HTTP\/1\.1 408 /.test(answer)).toBe(true);
      expect(ms).toBeLessThan((HEADERS_TIMEOUT_SECONDS + 2.5) * 1000);
    });

    it("stays healthy while slow clients hang on, and sends nothing for them", async () => {
      const before = stack.graphCalls().length;
      const slow = Array.from({ length: 20 }, () =>
        trickle(port, postHead("Content-Length: 100000\r\n"), " ", 250),
      );
      const response = await stack.fetch("/api/vpp-tokens", { token });
      expect(response.status).toBe(200);
      for (const { answer } of await Promise.all(slow)) expect(answer).toMatch(/^HTTP\/1\.1 408 /);
      expect((await stack.fetch("/api/health")).status).toBe(200);
      expect(
        stack
          .graphCalls()
          .slice(before)
          .filter((call) => call.method === "POST"),
      ).toEqual([]);
    });

    it("does not cut a long-lived event stream once its request has arrived", async () => {
      const started = Date.now();
      const response = await fetch(`${stack.bffUrl}/api/events`, {
        headers: { authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout((REQUEST_TIMEOUT_SECONDS + 2) * 1000),
      });
      expect(response.status).toBe(200);
      const reader = response.body?.getReader();
      let open = true;
      try {
        while (reader) {
          const { done } = await reader.read();
          if (done) {
            open = false;
            break;
          }
        }
      } catch {
        // Our own abort, after the request timeout had passed: the stream was still open.
      }
      expect(open).toBe(true);
      expect(Date.now() - started).toBeGreaterThan(REQUEST_TIMEOUT_SECONDS * 1000);
    });
  });

  describe("origins", () => {
    const strangers = [
      "http://evil.example",
      "http://localhost:5173.evil.example",
      "https://localhost:5173",
      "http://localhost",
      "null",
    ];

    it.each(actionRoutes)(
      "%s: no CORS approval for another origin, preflight or not",
      async (name, route) => {
        for (const origin of strangers) {
          const preflight = await rawRequest(stack.bffUrl, {
            method: "OPTIONS",
            path: pathOf(route, validParamsOf(name, route)),
            headers: {
              origin,
              "access-control-request-method": "POST",
              "access-control-request-headers": "authorization,content-type,idempotency-key",
            },
          });
          expect(
            preflight.kind === "response" && preflight.headers["access-control-allow-origin"],
          ).toBeUndefined();
          const response = await post(
            route,
            name,
            { origin, "content-type": "application/json" },
            "{}",
          );
          expect(
            response.kind === "response" && response.headers["access-control-allow-origin"],
          ).toBeUndefined();
        }
        const own = await rawRequest(stack.bffUrl, {
          method: "OPTIONS",
          path: pathOf(route, validParamsOf(name, route)),
          headers: { origin: TEST_WEB_ORIGIN, "access-control-request-method": "POST" },
        });
        expect(own.kind === "response" && own.headers["access-control-allow-origin"]).toBe(
          TEST_WEB_ORIGIN,
        );
      },
    );
  });

  describe("security headers", () => {
    /**
     * An answer under /api is data: the strictest policy (nothing loads, nothing frames it).
     * Anything else may be a document: the SPA's strict policy.
     */
    const expectSecurityHeaders = (response: RawResponse, what: string, path = "/api/") => {
      if (response.kind !== "response") throw new Error(`${what}: ${response.error}`);
      const h = response.headers;
      const csp = String(h["content-security-policy"] ?? "");
      if (/^\/api(\/|$)/i.test(path)) {
        expect(csp, what).toBe("default-src 'none'; frame-ancestors 'none'");
        expect(h["cross-origin-resource-policy"], what).toBe("same-origin");
      } else {
        expect(csp, what).toMatch(/(^|;)\s*script-src 'self'(;|$)/);
        expect(csp, what).toMatch(/(^|;)\s*frame-ancestors 'none'(;|$)/);
        expect(csp, what).toMatch(/(^|;)\s*default-src 'self'(;|$)/);
        expect(csp, what).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
      }
      expect(h["x-content-type-options"], what).toBe("nosniff");
      expect(h["referrer-policy"], what).toBe("no-referrer");
      expect(h["x-frame-options"], what).toBe("DENY");
      expect(h["x-powered-by"], what).toBeUndefined();
      return h;
    };

    it("are on every kind of answer: data, errors, 404s, preflights, static files, the SPA", async () => {
      const norole = await stack.tokenFor("norole");
      const vppId = validParamsOf("vppToken", api.vppToken).id ?? "";
      const cases: [string, Parameters<typeof rawRequest>[1], number][] = [
        ["health", { method: "GET", path: "/api/health" }, 200],
        [
          "data",
          { method: "GET", path: "/api/vpp-tokens", headers: { authorization: `Bearer ${token}` } },
          200,
        ],
        ["HEAD", { method: "HEAD", path: "/api/health" }, 200],
        ["401", { method: "GET", path: "/api/me" }, 401],
        [
          "403",
          {
            method: "GET",
            path: "/api/vpp-tokens",
            headers: { authorization: `Bearer ${norole}` },
          },
          403,
        ],
        [
          "400",
          {
            method: "GET",
            path: "/api/vpp-tokens/x",
            headers: { authorization: `Bearer ${token}` },
          },
          400,
        ],
        [
          "400 path",
          {
            method: "GET",
            path: "/api/vpp-tokens/%E0%A4%A",
            headers: { authorization: `Bearer ${token}` },
          },
          400,
        ],
        [
          "404 api",
          { method: "GET", path: "/api/nope", headers: { authorization: `Bearer ${token}` } },
          404,
        ],
        [
          "404 graph",
          {
            method: "GET",
            path: `/api/vpp-tokens/${vppId.slice(0, -1)}9`,
            headers: { authorization: `Bearer ${token}` },
          },
          404,
        ],
        ["404 non-GET outside /api", { method: "POST", path: "/users/1" }, 404],
        [
          "413",
          {
            method: "POST",
            path: "/api/x",
            headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
            body: JSON.stringify({ a: "x".repeat(20_000) }),
          },
          413,
        ],
        [
          "415",
          {
            method: "POST",
            path: "/api/x",
            headers: { authorization: `Bearer ${token}`, "content-type": "text/plain" },
            body: "hi",
          },
          415,
        ],
        [
          "preflight",
          {
            method: "OPTIONS",
            path: "/api/me",
            headers: { origin: TEST_WEB_ORIGIN, "access-control-request-method": "GET" },
          },
          204,
        ],
        // Express routes case-insensitively: the API's headers follow the API, whatever the case.
        ["API, upper case", { method: "GET", path: "/API/health" }, 200],
        ["SPA route", { method: "GET", path: "/vpp-tokens" }, 200],
        ["SPA index", { method: "GET", path: "/" }, 200],
        ["static asset", { method: "GET", path: "/assets/app-1a2b.js" }, 200],
        // A missing file is a 404 (issue #17, 5), with the same headers.
        ["missing asset", { method: "GET", path: "/assets/missing.js" }, 404],
      ];
      for (const [what, request, status] of cases) {
        const response = await rawRequest(stack.bffUrl, request);
        expect(statusOf(response), what).toBe(status);
        expect(
          expectSecurityHeaders(response, what, request.path)["strict-transport-security"],
          what,
        ).toBeUndefined();
      }
    });

    it("are on a 429 too", async () => {
      const limited = await startStack({ rateLimit: { limit: 1, windowMs: 60_000 } });
      try {
        const agent = await limited.tokenFor("agent");
        const headers = { authorization: `Bearer ${agent}` };
        await rawRequest(limited.bffUrl, { method: "GET", path: "/api/nope", headers });
        const response = await rawRequest(limited.bffUrl, {
          method: "GET",
          path: "/api/nope",
          headers,
        });
        expect(statusOf(response)).toBe(429);
        expectSecurityHeaders(response, "429");
      } finally {
        await limited.close();
      }
    });

    it("add HSTS only when served over https: behind a trusted proxy that says so, never on a forged header", async () => {
      const forged = await rawRequest(stack.bffUrl, {
        method: "GET",
        path: "/api/health",
        headers: { "x-forwarded-proto": "https" },
      });
      expect(expectSecurityHeaders(forged, "forged")["strict-transport-security"]).toBeUndefined();

      const proxied = await startStack({ env: { TRUST_PROXY: "loopback" } });
      try {
        const viaTls = await rawRequest(proxied.bffUrl, {
          method: "GET",
          path: "/api/health",
          headers: { "x-forwarded-proto": "https" },
        });
        expect(expectSecurityHeaders(viaTls, "https")["strict-transport-security"]).toBe(
          "max-age=31536000; includeSubDomains",
        );
        const viaHttp = await rawRequest(proxied.bffUrl, { method: "GET", path: "/api/health" });
        expect(expectSecurityHeaders(viaHttp, "http")["strict-transport-security"]).toBeUndefined();
      } finally {
        await proxied.close();
      }
    });
  });
});
