import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import type { Context } from "@microsoft/microsoft-graph-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphHttpResponse } from "../graph-call.js";
import { GraphHttpHandler } from "./graph-http-handler.js";

/**
 * The last link of the Graph chain against a real loopback HTTP server standing in for Graph's
 * edge cases the simulator does not produce (compressed answers, redirects, a cut body). The
 * gateway's own tests (graph-gateway.test.ts) drive it against the simulator.
 */
describe("GraphHttpHandler", () => {
  let server: Server;
  let base: string;
  const connections: unknown[] = [];
  const seen: { method: string; url: string; headers: IncomingMessage["headers"] }[] = [];
  const handler = new GraphHttpHandler();

  const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
    "/json": (_req, res) => {
      res.setHeader("content-type", "application/json");
      res.setHeader("request-id", "r-1");
      res.end('\uFEFF{"value":[1,2]}');
    },
    "/gzip": (_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" });
      res.end(gzipSync(JSON.stringify({ value: "ü".repeat(10_000) })));
    },
    "/moved": (_req, res) => {
      res.writeHead(302, { location: "/json" }).end();
    },
    "/cut": (_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "1000" });
      res.write('{"value":[');
      setTimeout(() => res.socket?.destroy(), 20);
    },
    "/slow": (_req, res) => {
      setTimeout(() => res.end("{}"), 2_000);
    },
    "/echo": (req, res) => {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ method: req.method }));
    },
  };

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers });
      (routes[req.url ?? ""] ?? ((_q, s) => s.writeHead(404).end()))(req, res);
    });
    server.on("connection", (socket) => connections.push(socket));
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  const send = async (path: string, options: Context["options"] = {}) => {
    const context: Context = { request: `${base}${path}`, options: { method: "GET", ...options } };
    await handler.execute(context);
    return context.response as unknown as GraphHttpResponse;
  };

  it("reads a GET to its end: status, headers by name, the text without a byte-order mark", async () => {
    const response = await send("/json", { headers: { Authorization: "Bearer x" } });
    expect(response.status).toBe(200);
    expect(response.ok).toBe(true);
    expect(response.headers.get("Request-Id")).toBe("r-1");
    expect(response.headers.get("x-absent")).toBeNull();
    expect(await response.text()).toBe('{"value":[1,2]}');
    const sent = seen.at(-1);
    expect(sent?.headers.authorization).toBe("Bearer x");
    expect(sent?.headers["accept-encoding"]).toBe("gzip, deflate, br");
  });

  it("keeps the connection alive between GETs", async () => {
    await send("/json");
    const before = connections.length;
    for (let i = 0; i < 5; i++) await send("/json");
    expect(connections.length).toBe(before);
  });

  it("decodes a gzip answer, as fetch does", async () => {
    const response = await send("/gzip");
    expect(JSON.parse(await response.text())).toEqual({ value: "ü".repeat(10_000) });
  });

  it("hands a redirected GET to fetch, which follows it", async () => {
    const response = await send("/moved");
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('{"value":[1,2]}');
  });

  it("fails on an answer cut before its end, never returning part of it", async () => {
    await expect(send("/cut")).rejects.toThrow();
  });

  it("fails with the deadline's TimeoutError when the signal fires", async () => {
    const error: unknown = await send("/slow", { signal: AbortSignal.timeout(100) }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe("TimeoutError");
  });

  it("leaves writes to fetch", async () => {
    const response = await send("/echo", {
      method: "POST",
      body: "{}",
      headers: { "content-type": "application/json" },
    });
    expect(JSON.parse(await response.text())).toEqual({ method: "POST" });
    // fetch names itself; node:http sends no user-agent unless told.
    expect(seen.at(-1)?.headers["user-agent"]).toBe("node");
  });
});
