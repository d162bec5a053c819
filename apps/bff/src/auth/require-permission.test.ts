import type { AddressInfo } from "node:net";
import { ProblemSchema } from "@ihc/contracts";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { problemHandler } from "../http/problem-handler.js";
import { requestId } from "../http/request-id.js";
import { startStack, type AccountKey, type Stack } from "../test-support/start-stack.js";
import { authenticate } from "./authenticate.js";
import { requirePermission } from "./require-permission.js";

describe("requirePermission (with real tokens from the simulator)", () => {
  let stack: Stack;
  let url: string;
  let close: () => void;

  beforeAll(async () => {
    stack = await startStack();
    const app = express();
    app.use(requestId());
    app.get(
      "/retire",
      authenticate(stack.deps.validateToken),
      requirePermission("devices:retire"),
      (_req, res) => {
        res.json({ ok: true });
      },
    );
    app.use(problemHandler({ exposeStack: false, logger: stack.deps.logger }));
    const server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/retire`;
    close = () => server.close();
  });
  afterAll(async () => {
    close();
    await stack.close();
  });

  it.each<[AccountKey, number]>([
    ["senior", 200],
    ["agent", 403],
    ["auditor", 403],
    ["norole", 403],
  ])("%s → %i", async (account, status) => {
    const response = await fetch(url, {
      headers: { authorization: `Bearer ${await stack.tokenFor(account)}` },
    });
    expect(response.status).toBe(status);
    if (status === 403) {
      expect(ProblemSchema.parse(await response.json())).toMatchObject({
        code: "forbidden",
        status: 403,
      });
    }
  });

  it("does not trust roles a token claims for a role the table does not know", async () => {
    const token = await stack.tokenFor("norole", { roles: ["Devices.Retire.All", "admin"] });
    expect((await fetch(url, { headers: { authorization: `Bearer ${token}` } })).status).toBe(403);
  });
});
