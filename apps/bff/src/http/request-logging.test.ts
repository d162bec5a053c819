import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REQUEST_ID_HEADER } from "./request-id.js";
import { startStack, type Stack } from "../test-support/start-stack.js";

interface Line {
  level: number;
  msg: string;
  reqId?: string;
  req?: { id: string; method: string; url: string; remoteAddress?: string; headers?: unknown };
  res?: { statusCode: number; headers?: unknown };
  responseTime?: number;
  err?: { type: string; message: string };
}

/** The request line the BFF writes per request (issue #19 replaced pino-http with it). */
describe("request logging", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  const lineOf = async (id: string): Promise<Line> => {
    // The line is written when the answer finishes, possibly just after the client has read it.
    for (let i = 0; i < 50; i++) {
      const line = stack.logs.lines
        .map((text) => JSON.parse(text) as Line)
        .find((l) => l.reqId === id && l.req !== undefined);
      if (line) return line;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`no request line for ${id}`);
  };

  it("writes one line per request: id, method, redacted URL, status, time; no headers", async () => {
    const token = await stack.tokenFor("agent");
    const response = await stack.fetch("/api/vpp-tokens", { token });
    expect(response.status).toBe(200);
    const id = response.headers.get(REQUEST_ID_HEADER) ?? "";
    const line = await lineOf(id);
    expect(line).toMatchObject({
      level: 30,
      msg: "request completed",
      reqId: id,
      req: { id, method: "GET", url: "/api/vpp-tokens" },
      res: { statusCode: 200 },
    });
    expect(typeof line.req?.remoteAddress).toBe("string");
    expect(line.responseTime).toBeGreaterThanOrEqual(0);
    expect(line.req?.headers).toBeUndefined();
    expect(line.res?.headers).toBeUndefined();
    expect(
      stack.logs.lines.filter((l) => l.includes(`"reqId":"${id}"`) && l.includes('"req":')),
    ).toHaveLength(1);
  });

  it("logs a 4xx at info and a 5xx at error with the error behind it", async () => {
    const token = await stack.tokenFor("agent");
    const missing = await stack.fetch("/api/vpp-tokens/not-a-guid", { token });
    expect(missing.status).toBe(400);
    expect(await lineOf(missing.headers.get(REQUEST_ID_HEADER) ?? "")).toMatchObject({
      level: 30,
      res: { statusCode: 400 },
    });

    stack.sim.setFaults([{ method: "GET", path: "vppTokens", kind: "status", status: 500 }]);
    try {
      const failed = await stack.fetch("/api/vpp-tokens", { token });
      expect(failed.status).toBeGreaterThanOrEqual(500);
      const line = await lineOf(failed.headers.get(REQUEST_ID_HEADER) ?? "");
      expect(line).toMatchObject({ level: 50, msg: "request errored" });
      expect(line.err?.message).toBeTruthy();
    } finally {
      stack.sim.clearFaults();
    }
  });
});
