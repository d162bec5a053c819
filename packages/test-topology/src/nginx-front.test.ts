import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  answeringUpstream,
  nginxAvailable,
  SERVED_BY_HEADER,
  startNginxFront,
  type NginxFront,
} from "./nginx-front.js";
import { freePort } from "./server-process.js";

const inCi = process.env.CI !== undefined && process.env.CI !== "" && process.env.CI !== "false";

/** A stand-in instance: `/api/events` sends two events and stays open; anything else says hello. */
const instance = async (): Promise<Server> => {
  const server = createServer((req, res) => {
    if (req.url === "/api/events") {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write("data: first\n\n");
      setTimeout(() => res.write("data: second\n\n"), 200);
      return;
    }
    res.end("hello");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
};

const hostOf = (server: Server) => `127.0.0.1:${(server.address() as AddressInfo).port}`;

// Without nginx: skipped on a developer's machine, a failure under CI (which installs it).
describe.skipIf(!nginxAvailable() && !inCi)("the nginx front of the topology tests", () => {
  let servers: Server[] = [];
  let front: NginxFront;

  beforeAll(async () => {
    servers = [await instance(), await instance()];
    front = await startNginxFront(await freePort(), servers.map(hostOf));
  });

  afterAll(async () => {
    await front.stop();
    for (const server of servers) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("alternates between the instances and names the one that answered", async () => {
    const served: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const answer = await fetch(`${front.url}/api/health`);
      expect(await answer.text()).toBe("hello");
      served.push(answeringUpstream(answer.headers.get(SERVED_BY_HEADER) ?? ""));
    }
    const [a, b] = servers.map(hostOf);
    expect([
      [a, b, a, b],
      [b, a, b, a],
    ]).toContainEqual(served);
  });

  // Each event arrives while the stream stays open. (nginx 1.22 passed these two through with
  // `proxy_buffering on` as well: this does not prove the setting, only the live stream.)
  it("passes events through while their stream stays open", async () => {
    const controller = new AbortController();
    const answer = await fetch(`${front.url}/api/events`, { signal: controller.signal });
    expect(servers.map(hostOf)).toContain(answer.headers.get(SERVED_BY_HEADER));
    const reader = (answer.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let seen = "";
    while (!seen.includes("second")) {
      const { value } = await reader.read();
      seen += decoder.decode(value, { stream: true });
    }
    expect(seen).toBe("data: first\n\ndata: second\n\n");
    controller.abort();
  });
});
