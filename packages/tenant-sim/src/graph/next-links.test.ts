import { request } from "node:http";
import { createServer, type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSimulator } from "../create-simulator.js";
import { seededUserIds } from "../seed/showcase-catalog.js";
import { seededIds } from "../seed/vpp-catalog.js";
import type { Simulator } from "../simulator.js";
import {
  graphGet,
  graphPost,
  valueOf,
  type GraphResult,
  type GraphTarget,
} from "../test-support/graph-client.js";

let sim: Simulator;
let token: string;
beforeAll(async () => {
  sim = await createSimulator({ port: 0, size: "tiny" });
  token = await sim.mintToken({ audience: "graph" });
});
afterAll(() => sim.close());

/** Every paged collection the simulator serves, asked for one item a page. */
const pagedCollections = [
  "/v1.0/deviceAppManagement/vppTokens",
  "/beta/deviceAppManagement/vppTokens",
  "/beta/deviceAppManagement/mobileApps",
  "/v1.0/deviceAppManagement/mobileApps/graph.iosVppApp",
  `/beta/deviceAppManagement/mobileApps/${seededIds.iosVppApps.outlook}/microsoft.graph.iosVppApp/assignedLicenses`,
  "/beta/deviceManagement/androidForWorkEnrollmentProfiles",
  "/beta/deviceManagement/androidDeviceOwnerEnrollmentProfiles",
  "/v1.0/users",
  "/v1.0/deviceManagement/managedDevices",
  `/beta/users/${seededUserIds.lukaszWisniewski}/managedDevices`,
];

const nextLinkOf = (result: GraphResult): string | undefined => {
  const link = result.body["@odata.nextLink"];
  return typeof link === "string" ? link : undefined;
};

/** The simulator under another loopback name: it binds 127.0.0.1, sim.graphUrl says localhost. */
const on = (name: string): GraphTarget => ({
  graphUrl: sim.graphUrl.replace("//localhost:", `//${name}:`),
});

describe.each(["localhost", "127.0.0.1"])("@odata.nextLink asked on %s", (name) => {
  it.each(pagedCollections)("keeps the host on %s", async (path) => {
    const target = on(name);
    const asked = `${target.graphUrl}${path}?`;
    const first = await graphGet(target, `${path}?$top=2`, token);
    expect(first.status).toBe(200);
    const link = nextLinkOf(first) ?? "";
    expect(link.slice(0, asked.length)).toBe(asked);
    const second = await graphGet(target, link.slice(target.graphUrl.length), token);
    expect(second.status).toBe(200);
    expect(valueOf(second).length).toBeGreaterThan(0);
    expect((nextLinkOf(second) ?? asked).slice(0, asked.length)).toBe(asked);
  });

  it("keeps the outer request's host in a $batch response's inner links", async () => {
    const { graphUrl } = on(name);
    const batch = await graphPost(on(name), "/v1.0/$batch", token, {
      requests: [
        { id: "tokens", method: "GET", url: "/deviceAppManagement/vppTokens?$top=1" },
        { id: "users", method: "GET", url: "users?$top=1&$select=id" },
      ],
    });
    expect(batch.status).toBe(200);
    const links = (batch.body.responses as { id: string; body: Record<string, unknown> }[]).map(
      (r) => [r.id, r.body["@odata.nextLink"]],
    );
    expect(Object.fromEntries(links)).toEqual({
      tokens: expect.stringMatching(
        new RegExp(`^${graphUrl}/v1\\.0/deviceAppManagement/vppTokens\\?`),
      ) as unknown,
      users: expect.stringMatching(new RegExp(`^${graphUrl}/v1\\.0/users\\?`)) as unknown,
    });
  });
});

describe("@odata.nextLink behind a proxy", () => {
  let proxied: Simulator;
  let port: number;
  let proxiedToken: string;
  beforeAll(async () => {
    port = await freePort();
    proxied = await createSimulator({
      port,
      size: "tiny",
      publicUrl: "https://sim.localtest:9443",
    });
    proxiedToken = await proxied.mintToken({ audience: "graph" });
  });
  afterAll(() => proxied.close());

  /** The first page's nextLink, asked of the listening port with this Host header. */
  function nextLinkWithHost(host: string): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: "127.0.0.1",
          port,
          path: "/v1.0/deviceAppManagement/vppTokens?$top=1",
          headers: { host, authorization: `Bearer ${proxiedToken}` },
        },
        (res) => {
          let text = "";
          res.on("data", (chunk: Buffer) => (text += chunk.toString()));
          res.on("end", () => {
            resolve((JSON.parse(text) as Record<string, unknown>)["@odata.nextLink"]);
          });
        },
      );
      req.on("error", reject);
      req.end();
    });
  }

  it("keeps the public URL's scheme for its host, and http for any other", async () => {
    expect(await nextLinkWithHost("sim.localtest:9443")).toMatch(
      /^https:\/\/sim\.localtest:9443\/v1\.0\/deviceAppManagement\/vppTokens\?/,
    );
    expect(await nextLinkWithHost(`127.0.0.1:${port}`)).toMatch(
      new RegExp(`^http://127\\.0\\.0\\.1:${port}/v1\\.0/deviceAppManagement/vppTokens\\?`),
    );
    // Not a host: links fall back to the public URL.
    expect(await nextLinkWithHost("evil.localtest/path")).toMatch(
      /^https:\/\/sim\.localtest:9443\/v1\.0\//,
    );
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => {
        resolve(port);
      });
    });
    server.on("error", reject);
  });
}
