import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { get as httpGet, type IncomingHttpHeaders } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import {
  ClientConfigSchema,
  HealthSchema,
  PROBLEM_CONTENT_TYPE,
  ProblemSchema,
} from "@ihc/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawRequest } from "./test-support/raw-request.js";
import { startStack, TEST_WEB_ORIGIN, type Stack } from "./test-support/start-stack.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

describe("the BFF's HTTP surface", () => {
  let stack: Stack;
  let token: string;
  beforeAll(async () => {
    stack = await startStack({ rateLimit: { limit: 5, windowMs: 60_000 } });
    token = await stack.tokenFor("auditor");
  });
  afterAll(() => stack.close());

  const expectProblem = async (response: Response, status: number, code: string) => {
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toContain(PROBLEM_CONTENT_TYPE);
    const problem = ProblemSchema.parse(await response.json());
    expect(problem).toMatchObject({
      status,
      code,
      requestId: response.headers.get("x-request-id"),
    });
    expect(JSON.stringify(problem)).not.toMatch(/\bat .+\.(ts|js):\d+/); // no stack traces
    return problem;
  };

  describe("public routes", () => {
    it("GET /api/health", async () => {
      const response = await stack.fetch("/api/health");
      expect(response.status).toBe(200);
      expect(HealthSchema.parse(await response.json())).toMatchObject({
        status: "ok",
        tenant: "simulator",
      });
    });

    it("GET /api/client-config gives MSAL everything it needs for the simulator", async () => {
      const response = await stack.fetch("/api/client-config");
      expect(response.status).toBe(200);
      const config = ClientConfigSchema.parse(await response.json());
      expect(config).toEqual({
        clientId: stack.sim.apps.spa.clientId,
        authority: `https://login.simulator.invalid/${stack.sim.tenantId}`,
        knownAuthorities: ["login.simulator.invalid"],
        authorityMetadata: expect.any(String) as string,
        apiScopes: [`api://${stack.sim.apps.api.clientId}/access_as_user`],
        tenant: "simulator",
      });
      const metadata = JSON.parse(config.authorityMetadata ?? "{}") as Record<string, unknown>;
      expect(metadata.issuer).toBe(stack.sim.issuer);
      expect(metadata.token_endpoint).toEqual(expect.stringContaining(stack.sim.url));
    });
  });

  describe("headers", () => {
    it("gives every response its own x-request-id", async () => {
      const responses = await Promise.all([
        stack.fetch("/api/health"),
        stack.fetch("/api/me"),
        stack.fetch("/api/nope", { token }),
        stack.fetch("/elsewhere"),
      ]);
      const ids = responses.map((response) => response.headers.get("x-request-id") ?? "");
      for (const id of ids) expect(id).toMatch(UUID);
      expect(new Set(ids).size).toBe(ids.length);
    });

    it("ignores a caller's x-request-id", async () => {
      const response = await stack.fetch("/api/health", { headers: { "x-request-id": "forged" } });
      expect(response.headers.get("x-request-id")).not.toBe("forged");
    });

    it("sends the document's strict CSP outside /api, and no x-powered-by", async () => {
      // Outside /api the answer may be a document (the SPA, when the BFF serves it).
      const response = await stack.fetch("/not-the-api");
      expect(response.status).toBe(404);
      const csp = response.headers.get("content-security-policy") ?? "";
      const directives = new Map(
        csp.split(";").map((directive) => {
          const [name = "", ...values] = directive.trim().split(/\s+/);
          return [name, values.join(" ")];
        }),
      );
      const simOrigin = new URL(stack.deps.metadata.token_endpoint).origin;
      expect(Object.fromEntries(directives)).toEqual({
        "default-src": "'self'",
        "script-src": "'self'",
        "style-src": "'self' 'unsafe-inline'",
        "img-src": "'self' data:",
        "font-src": "'self'",
        "connect-src": `'self' ${simOrigin}`,
        "frame-src": simOrigin,
        "form-action": `'self' ${simOrigin}`,
        "frame-ancestors": "'none'",
        "base-uri": "'none'",
        "object-src": "'none'",
      });
      expect(csp).not.toContain("unsafe-eval");
      expect(response.headers.get("x-powered-by")).toBeNull();
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("x-frame-options")).toBe("DENY");
      expect(response.headers.get("referrer-policy")).toBe("no-referrer");
      // Plain http: no HSTS (it is only honoured, and only wanted, over https).
      expect(response.headers.get("strict-transport-security")).toBeNull();
    });

    it("sends the strictest policy and OWASP's API headers on every answer under /api", async () => {
      for (const path of ["/api/health", "/api/me", "/api/nope"]) {
        const response = await stack.fetch(path);
        expect(response.headers.get("content-security-policy"), path).toBe(
          "default-src 'none'; frame-ancestors 'none'",
        );
        expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
        expect(response.headers.get("x-frame-options"), path).toBe("DENY");
        expect(response.headers.get("referrer-policy"), path).toBe("no-referrer");
        expect(response.headers.get("cross-origin-resource-policy"), path).toBe("same-origin");
        expect(response.headers.get("cache-control"), path).toBe("no-store");
        expect(response.headers.get("x-powered-by"), path).toBeNull();
        expect(response.headers.get("strict-transport-security"), path).toBeNull();
      }
    });
  });

  describe("CORS", () => {
    it("allows the SPA's origin, without credentials, exposing what the SPA reads", async () => {
      const preflight = await stack.fetch("/api/me", {
        method: "OPTIONS",
        headers: {
          origin: TEST_WEB_ORIGIN,
          "access-control-request-method": "GET",
          "access-control-request-headers": "authorization",
        },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get("access-control-allow-origin")).toBe(TEST_WEB_ORIGIN);
      expect(preflight.headers.get("access-control-allow-headers")).toMatch(/authorization/i);
      expect(preflight.headers.get("access-control-allow-credentials")).toBeNull();

      const response = await stack.fetch("/api/health", { headers: { origin: TEST_WEB_ORIGIN } });
      expect(response.headers.get("access-control-allow-origin")).toBe(TEST_WEB_ORIGIN);
      const exposed = (response.headers.get("access-control-expose-headers") ?? "").toLowerCase();
      for (const header of ["x-request-id", "www-authenticate", "retry-after", "ratelimit"]) {
        expect(exposed).toContain(header);
      }
    });

    it("does not allow another origin", async () => {
      for (const origin of ["http://evil.example", "http://localhost:5174", "null"]) {
        const response = await stack.fetch("/api/health", { headers: { origin } });
        expect(response.headers.get("access-control-allow-origin")).toBeNull();
        const preflight = await stack.fetch("/api/me", {
          method: "OPTIONS",
          headers: { origin, "access-control-request-method": "GET" },
        });
        expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
      }
    });
  });

  describe("bodies", () => {
    it("refuses a body over 16 kB with 413", async () => {
      const response = await stack.fetch("/api/x", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ padding: "x".repeat(17 * 1024) }),
        token,
      });
      await expectProblem(response, 413, "payload_too_large");
    });

    it("refuses a body that is not JSON with 415", async () => {
      for (const [type, body] of [
        ["text/plain", "hello"],
        ["application/x-www-form-urlencoded", "a=1"],
      ] as const) {
        const response = await stack.fetch("/api/x", {
          method: "POST",
          headers: { "content-type": type },
          body,
          token,
        });
        await expectProblem(response, 415, "unsupported_media_type");
      }
    });

    it("refuses broken JSON with 400", async () => {
      const response = await stack.fetch("/api/x", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{not json",
        token,
      });
      await expectProblem(response, 400, "bad_request");
    });
  });

  describe("unknown routes and limits", () => {
    it("answers an unknown /api route with a 404 problem (once authenticated)", async () => {
      await expectProblem(await stack.fetch("/api/nope", { token }), 404, "not_found");
      // Deny by default: without a token the same route is a 401.
      await expectProblem(await stack.fetch("/api/nope"), 401, "unauthenticated");
    });

    it("limits each user separately and answers 429 with Retry-After", async () => {
      const limited = await stack.tokenFor("agent");
      const statuses: number[] = [];
      let last: Response | undefined;
      for (let i = 0; i < 6; i++) {
        last = await stack.fetch("/api/nope", { token: limited });
        statuses.push(last.status);
      }
      expect(statuses).toEqual([404, 404, 404, 404, 404, 429]);
      if (!last) throw new Error("no response");
      expect(Number(last.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(last.headers.get("ratelimit")).toMatch(/per-user/);
      await expectProblem(last, 429, "rate_limited");
      // Another user is not affected.
      const other = await stack.fetch("/api/nope", { token: await stack.tokenFor("senior") });
      expect(other.status).toBe(404);
    });

    it("takes the per-user limit from REQUESTS_PER_USER_PER_MINUTE", async () => {
      const configured = await startStack({ env: { REQUESTS_PER_USER_PER_MINUTE: "2" } });
      try {
        const agent = await configured.tokenFor("agent");
        const statuses: number[] = [];
        for (let i = 0; i < 3; i++) {
          statuses.push((await configured.fetch("/api/nope", { token: agent })).status);
        }
        expect(statuses).toEqual([404, 404, 429]);
      } finally {
        await configured.close();
      }
    });
  });
});

const ASSET = `export const answer = ${"42 + ".repeat(200)}0;\n`;

/** A GET with this Accept-Encoding, the body left as it came (fetch would decode it). */
const rawBody = (baseUrl: string, file: string, acceptEncoding: string) =>
  new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const req = httpGet(
      `${baseUrl}${file}`,
      { headers: { "accept-encoding": acceptEncoding }, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          });
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
  });

describe("serving the built SPA (SPA_DIST_DIR)", () => {
  let stack: Stack;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "ihc-spa-"));
    await mkdir(path.join(dir, "assets"));
    await writeFile(path.join(dir, "index.html"), "<!doctype html><title>console</title>");
    await writeFile(path.join(dir, "assets", "app-1a2b.js"), ASSET);
    // As the build writes them (vite-plugin-compression2): each file's .br and .gz beside it.
    await writeFile(path.join(dir, "assets", "app-1a2b.js.br"), brotliCompressSync(ASSET));
    await writeFile(path.join(dir, "assets", "app-1a2b.js.gz"), gzipSync(ASSET));
    await writeFile(path.join(dir, "assets", "plain-3c4d.js"), "console.log(2)");
    stack = await startStack({ env: { SPA_DIST_DIR: dir } });
  });
  afterAll(async () => {
    await stack.close();
    await rm(dir, { recursive: true });
  });

  it("serves index.html for client-side routes, with the CSP", async () => {
    for (const route of ["/", "/users/123", "/vpp-tokens?x=1"]) {
      const response = await stack.fetch(route);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain("<title>console</title>");
      expect(response.headers.get("content-security-policy")).toContain("script-src 'self'");
      expect(response.headers.get("cache-control")).toBe("no-cache");
    }
  });

  it("serves hashed assets as immutable", async () => {
    const response = await stack.fetch("/assets/app-1a2b.js");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("immutable");
  });

  it.each([
    ["br, gzip, deflate", "br", brotliDecompressSync],
    ["gzip, deflate", "gzip", gunzipSync],
    ["gzip;q=1, br;q=0", "gzip", gunzipSync],
  ])(
    "sends the build's compressed file to a browser accepting %s (%s), typed as the file",
    async (accepted, encoding, decompress) => {
      const response = await rawBody(stack.bffUrl, "/assets/app-1a2b.js", accepted);
      expect(response.status).toBe(200);
      expect(response.headers["content-encoding"]).toBe(encoding);
      expect(response.headers["content-type"]).toMatch(/^text\/javascript; charset=utf-8$/i);
      expect(response.headers["vary"]).toContain("Accept-Encoding");
      expect(response.headers["cache-control"]).toContain("immutable");
      expect(decompress(response.body).toString("utf8")).toBe(ASSET);
    },
  );

  it("answers a file's path with a 404 problem, never marked compressed, on other methods or when it cannot be decoded", async () => {
    for (const [method, file] of [
      ["POST", "/assets/app-1a2b.js"],
      ["DELETE", "/assets/app-1a2b.js"],
      ["GET", "/assets/%E0%A4%A.js"],
    ] as const) {
      const response = await rawRequest(stack.bffUrl, {
        method,
        path: file,
        headers: { "accept-encoding": "br, gzip" },
      });
      expect(response.kind === "response" && response.status, `${method} ${file}`).toBe(404);
      if (response.kind === "response") {
        expect(response.headers["content-encoding"]).toBeUndefined();
        expect(response.headers["content-type"]).toContain(PROBLEM_CONTENT_TYPE);
      }
    }
  });

  it("sends the file itself to a client accepting no compression, or when none was built", async () => {
    const identity = await rawBody(stack.bffUrl, "/assets/app-1a2b.js", "identity");
    expect(identity.headers["content-encoding"]).toBeUndefined();
    expect(identity.body.toString("utf8")).toBe(ASSET);
    const plain = await rawBody(stack.bffUrl, "/assets/plain-3c4d.js", "br, gzip");
    expect(plain.status).toBe(200);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString("utf8")).toBe("console.log(2)");
  });

  it("never answers /api or non-GET requests with the SPA", async () => {
    const token = await stack.tokenFor("agent");
    const api = await stack.fetch("/api/nope", { token });
    expect(api.status).toBe(404);
    expect(api.headers.get("content-type")).toContain(PROBLEM_CONTENT_TYPE);
    const post = await stack.fetch("/users/123", { method: "POST" });
    expect(post.status).toBe(404);
    expect(post.headers.get("content-type")).toContain(PROBLEM_CONTENT_TYPE);
  });
});
