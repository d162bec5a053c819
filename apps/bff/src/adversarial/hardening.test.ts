import { randomUUID } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { IDEMPOTENCY_KEY_HEADER, PROBLEM_CONTENT_TYPE } from "@ihc/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postAction } from "../test-support/action-helpers.js";
import { rawRequest, type RawResponse } from "../test-support/raw-request.js";
import { startStack, type Stack } from "../test-support/start-stack.js";
import { expectNoSecretsInLogs } from "./log-secrets.js";

/** What an attack on the running console found (issue #17, 3, 5, 7 and 8). */

/** Writes `text` on a raw connection and returns all the server answered before it closed. */
const exchange = (port: number, text: string | Buffer, closeAfterMs = 10_000): Promise<string> =>
  new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    let answer = "";
    socket.on("connect", () => socket.write(text));
    socket.on("data", (chunk) => (answer += chunk.toString("latin1")));
    socket.on("close", () => {
      resolve(answer);
    });
    socket.on("error", () => {});
    setTimeout(() => socket.destroy(), closeAfterMs);
  });

const headersOf = (answer: string): Map<string, string> =>
  new Map(
    (answer.split("\r\n\r\n")[0] ?? "")
      .split("\r\n")
      .slice(1)
      .map((line) => {
        const at = line.indexOf(":");
        return [line.slice(0, at).trim().toLowerCase(), line.slice(at + 1).trim()] as const;
      }),
  );

const problemOf = (response: RawResponse) => {
  if (response.kind !== "response") throw new Error(`closed: ${response.error}`);
  return {
    status: response.status,
    type: response.headers["content-type"],
    body: JSON.parse(response.body) as { code?: string; fields?: { path: string }[] },
  };
};

describe("hardening (issue #17)", () => {
  let stack: Stack;
  let token: string;
  let port: number;
  let spaDir: string;
  const codeSecret = "s3cr3t-code-value";
  const clientSecret = "s3cr3t-client-secret";
  const urlSecrets = [codeSecret, clientSecret];

  beforeAll(async () => {
    spaDir = await mkdtemp(path.join(tmpdir(), "ihc-spa-"));
    await mkdir(path.join(spaDir, "assets"));
    await writeFile(path.join(spaDir, "index.html"), "<!doctype html><title>console</title>");
    await writeFile(path.join(spaDir, "assets", "app-1a2b.js"), "console.log(1)");
    stack = await startStack({
      env: { SPA_DIST_DIR: spaDir, HEADERS_TIMEOUT_SECONDS: "1", REQUEST_TIMEOUT_SECONDS: "2" },
      rateLimit: { limit: 1000, windowMs: 60_000 },
    });
    token = await stack.tokenFor("senior");
    port = Number(new URL(stack.bffUrl).port);
  });
  afterAll(async () => {
    expectNoSecretsInLogs(stack, [token]);
    for (const secret of urlSecrets) expect(stack.logs.text).not.toContain(secret);
    await stack.close();
    await rm(spaDir, { recursive: true });
  });

  describe("3. credentials in a URL are refused and never logged", () => {
    it("every credential-named query parameter and any JWT-shaped value is redacted", async () => {
      const jwt = await stack.tokenFor("agent");
      const queries = [
        `access_token=${jwt}`,
        `token=${jwt}`,
        `id_token=${jwt}`,
        `assertion=${jwt}`,
        `code=${codeSecret}`,
        `client_secret=${clientSecret}`,
        `anything=${jwt}`,
        `x=1&ACCESS_TOKEN=${jwt}`,
      ];
      for (const query of queries) {
        // No Authorization header: a token in the URL is never taken as one.
        const response = await rawRequest(stack.bffUrl, {
          method: "GET",
          path: `/api/me?${query}`,
        });
        expect(response.kind === "response" && response.status, query).toBe(401);
      }
      const logged = stack.logs.text;
      expect(logged).not.toContain(jwt);
      expect(logged).not.toContain(jwt.split(".")[2] ?? jwt);
      expect(logged).toContain("access_token=[redacted]");
      expect(logged).toContain("code=[redacted]");
      expect(logged).toContain("anything=[redacted]");
    });
  });

  describe("4. an Idempotency-Key replay answers only on the route that made it", () => {
    it("the same key on another app's route or another kind's route is a 422; nothing is sent", async () => {
      const apps = (await (await stack.fetch("/api/apps", { token })).json()) as {
        items: { id: string; usedLicenseCount?: number }[];
      };
      const withLicenses = apps.items.filter((app) => (app.usedLicenseCount ?? 0) > 0);
      const [first, second] = withLicenses;
      if (first === undefined || second === undefined) throw new Error("two licensed apps");
      const licenses = (await (
        await stack.fetch(`/api/apps/${first.id}/licenses?limit=50`, { token })
      ).json()) as { items: { kind: string; userId?: string }[] };
      const userId = licenses.items.find((l) => l.kind === "user")?.userId;
      if (userId === undefined) throw new Error("a user license");
      const key = randomUUID();
      const body = { userId, notifyManagedDevices: false };
      const sent = await postAction(
        stack,
        `/api/apps/${first.id}/revoke-user-license`,
        token,
        body,
        key,
      );
      expect(sent.status).toBe(202);
      const record = (await sent.json()) as { id: string };
      const graphBefore = stack.graphCalls().length;

      const elsewhere = await postAction(
        stack,
        `/api/apps/${second.id}/revoke-user-license`,
        token,
        body,
        key,
      );
      expect(elsewhere.status).toBe(422);
      expect(JSON.stringify(await elsewhere.json())).not.toContain(record.id);
      const otherKind = await postAction(
        stack,
        `/api/apps/${first.id}/revoke-device-license`,
        token,
        { managedDeviceId: userId, notifyManagedDevices: false },
        key,
      );
      expect(otherKind.status).toBe(422);
      const again = await postAction(
        stack,
        `/api/apps/${first.id}/revoke-user-license`,
        token,
        body,
        key,
      );
      expect(again.status).toBe(202);
      expect(((await again.json()) as { id: string }).id).toBe(record.id);
      expect(
        stack
          .graphCalls()
          .slice(graphBefore)
          .filter((call) => call.method === "POST"),
      ).toEqual([]);
    });
  });

  describe("5. what decodes to /api is an API path; missing files are 404", () => {
    it.each([
      "//api/me",
      "/%61pi/me",
      "/%61%70%69/me",
      "/api/../api/me",
      "/x/../api/me",
      "/./api/me",
      "/api/./me",
      "/api%2Fme",
      "/%2Fapi/me",
      "/api/no-such-route",
    ])("%s answers as the API, never with the SPA page", async (spelling) => {
      for (const headers of [{}, { authorization: `Bearer ${token}` }]) {
        const response = await rawRequest(stack.bffUrl, { method: "GET", path: spelling, headers });
        if (response.kind !== "response") throw new Error(response.error);
        expect(response.headers["content-type"], spelling).not.toMatch(/text\/html/);
        expect([200, 401, 404], `${spelling}: ${response.status}`).toContain(response.status);
        if (response.status !== 200) {
          expect(response.headers["content-type"]).toContain(PROBLEM_CONTENT_TYPE);
        } else {
          // Only an exact spelling of a real route reaches it.
          expect(JSON.parse(response.body)).toHaveProperty("displayName");
        }
      }
    });

    it.each(["/assets/missing-9f9f.js", "/assets/app-1a2b.css", "/favicon.ico", "/robots.txt"])(
      "a missing file %s is 404, not the SPA page",
      async (file) => {
        const response = await rawRequest(stack.bffUrl, { method: "GET", path: file });
        expect(response.kind === "response" && response.status).toBe(404);
        if (response.kind === "response") {
          expect(response.headers["content-type"]).not.toMatch(/text\/html/);
        }
      },
    );

    it("the SPA's own routes and files are still served", async () => {
      for (const page of [
        "/",
        "/vpp-tokens",
        "/apps/1b2c3d4e-0000-4000-8000-000000000001",
        "/activity",
      ]) {
        const response = await rawRequest(stack.bffUrl, { method: "GET", path: page });
        expect(response.kind === "response" && response.status, page).toBe(200);
        if (response.kind === "response") expect(response.headers["content-type"]).toMatch(/html/);
      }
      const asset = await rawRequest(stack.bffUrl, { method: "GET", path: "/assets/app-1a2b.js" });
      expect(asset.kind === "response" && asset.status).toBe(200);
    });
  });

  describe("7. free text holds no control characters or bidi overrides", () => {
    it.each([
      ["a right-to-left override", "INC-42\u202Egnp.exe"],
      ["NUL", "INC\u000042"],
      ["an escape sequence", "\u001B[2J INC-42"],
      ["a C1 control", "INC\u008542"],
      ["an isolate", "INC\u2067-42"],
    ])(
      "a reason holding %s is a 400 naming body.reason, and nothing is journaled or sent",
      async (_name, reason) => {
        const tokens = (await (await stack.fetch("/api/vpp-tokens", { token })).json()) as {
          items: { id: string }[];
        };
        const id = tokens.items[0]?.id ?? "";
        // Writes only: a watcher of an earlier test may still be reading Graph.
        const writes = () => stack.graphCalls().filter((call) => call.method === "POST").length;
        const graphBefore = writes();
        const response = await stack.fetch(`/api/vpp-tokens/${id}/sync-licenses`, {
          token,
          method: "POST",
          headers: { "content-type": "application/json", [IDEMPOTENCY_KEY_HEADER]: randomUUID() },
          body: JSON.stringify({ reason }),
        });
        expect(response.status).toBe(400);
        const problem = (await response.json()) as { fields?: { path: string }[] };
        expect(problem.fields?.map((f) => f.path)).toContain("body.reason");
        expect(writes()).toBe(graphBefore);
        const mine = (await (await stack.fetch("/api/actions", { token })).json()) as {
          items: { reason?: string }[];
        };
        expect(mine.items.some((record) => record.reason === reason)).toBe(false);
      },
    );

    it("a search holding one is a 400 naming query.search", async () => {
      const response = await stack.fetch(`/api/users?search=${encodeURIComponent("adele\u202E")}`, {
        token,
      });
      expect(response.status).toBe(400);
      const problem = (await response.json()) as { fields?: { path: string }[] };
      expect(problem.fields?.map((f) => f.path)).toContain("query.search");
    });
  });

  describe("8. Node's own answers and unknown query keys", () => {
    const expectSecurityHeaders = (answer: string, status: number) => {
      expect(answer).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
      const headers = headersOf(answer);
      expect(headers.get("content-security-policy")).toContain("default-src 'self'");
      expect(headers.get("x-content-type-options")).toBe("nosniff");
      expect(headers.get("x-frame-options")).toBe("DENY");
      expect(headers.get("content-type")).toContain(PROBLEM_CONTENT_TYPE);
    };

    it("a request line Node cannot parse: 400 with the security headers", async () => {
      expectSecurityHeaders(await exchange(port, "NOT HTTP AT ALL\r\n\r\n"), 400);
    });

    it("headers too large: 431 with the security headers", async () => {
      const answer = await exchange(
        port,
        `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`,
      );
      expectSecurityHeaders(answer, 431);
    });

    it("headers too slow: 408 with the security headers", async () => {
      expectSecurityHeaders(await exchange(port, "GET /api/health HTTP/1.1\r\nHost: x\r\n"), 408);
    });

    it.each(["/api/me?debug=1", "/api/health?x=1", "/api/vpp-tokens?top=5", "/api/events?since=0"])(
      "%s: a route without a query schema refuses an unknown key with 400 naming it",
      async (url) => {
        const response = problemOf(
          await rawRequest(stack.bffUrl, {
            method: "GET",
            path: url,
            headers: { authorization: `Bearer ${token}` },
            headersOnly: false,
          }),
        );
        expect(response.status).toBe(400);
        expect(response.type).toContain(PROBLEM_CONTENT_TYPE);
        const [key] = [...new URL(url, "http://x").searchParams.keys()];
        expect(response.body.fields?.map((f) => f.path)).toContain(`query.${key ?? ""}`);
      },
    );
  });
});
