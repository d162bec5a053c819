import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REDACTED_PATHS, createLogger } from "./logger.js";
import { LogCapture, startStack, type Stack } from "./test-support/start-stack.js";

const JWT = /eyJ[\w-]+\.eyJ[\w-]+\.[\w-]*/;

describe("logging", () => {
  it("redacts credentials wherever they sit in a log object", () => {
    const capture = new LogCapture();
    const logger = createLogger({ logLevel: "trace", logPretty: false }, capture);
    logger.info(
      {
        req: { headers: { authorization: "Bearer SECRET-1", cookie: "SECRET-2" } },
        refresh_token: "SECRET-3",
        client_secret: "SECRET-4",
        assertion: "SECRET-5",
        body: { access_token: "SECRET-6", token: "SECRET-7", clientSecret: "SECRET-8" },
      },
      "a line with secrets",
    );
    expect(capture.lines).toHaveLength(1);
    expect(capture.text).not.toMatch(/SECRET-\d/);
    expect(capture.text).toContain("[redacted]");
    expect(REDACTED_PATHS).toContain("req.headers.authorization");
  });

  describe("during real flows", () => {
    let stack: Stack;
    beforeAll(async () => {
      stack = await startStack();
    });
    afterAll(() => stack.close());

    it("never writes a token, an assertion, the client secret or an Authorization value", async () => {
      const tokens = await Promise.all([
        stack.tokenFor("agent"),
        stack.tokenFor("norole"),
        stack.tokenFor("agent", { audience: "graph" }),
        stack.tokenFor("agent", { lifetimeSeconds: -600 }),
      ]);
      const [good, norole, wrongAudience, expired] = tokens;
      await stack.fetch("/api/me", { token: good });
      await stack.fetch("/api/me", { token: norole });
      await stack.fetch("/api/me", { token: wrongAudience });
      await stack.fetch("/api/me", { token: expired });
      await stack.fetch("/api/me", { headers: { authorization: "Basic dXNlcjpwYXNzd29yZA==" } });
      await stack.fetch("/api/me", { token: good, headers: { cookie: "session=SECRET-COOKIE" } });
      stack.sim.setFaults([{ method: "GET", path: "^/v1\\.0/me$", kind: "status", status: 500 }]);
      await stack.fetch("/api/me", { token: good });
      stack.sim.clearFaults();
      stack.sim.setScenario({ oboInteractionRequired: true });
      await stack.fetch("/api/me", { token: await stack.tokenFor("senior") });
      stack.sim.setScenario({ oboInteractionRequired: false });

      const text = stack.logs.text;
      expect(stack.logs.lines.length).toBeGreaterThan(8);
      for (const token of tokens) expect(text).not.toContain(token);
      for (const token of tokens) expect(text).not.toContain(token.split(".")[2] ?? "-");
      expect(text).not.toMatch(JWT);
      expect(text).not.toContain(stack.sim.apps.api.clientSecret);
      expect(text).not.toMatch(/Bearer\s+(?!error=)[\w-]/);
      expect(text).not.toContain("dXNlcjpwYXNzd29yZA");
      expect(text).not.toContain("SECRET-COOKIE");
      expect(text).not.toMatch(/refresh_token"\s*:\s*"(?!\[redacted\])/);
      // It did log the requests, with their ids.
      expect(text).toContain('"reqId"');
    });
  });
});
