import { api, OpenApiDocumentSchema, openApiPathOf } from "@ihc/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../app.js";
import { startStack, type Stack } from "../test-support/start-stack.js";

interface Layer {
  rawPath?: string;
  route?: { path: string; methods: Record<string, boolean> };
  handle: { stack?: Layer[] };
}

/** Every route the BFF mounts (method and full path), read from Express's own router stack. */
const mountedRoutes = (stack: readonly Layer[], prefix = ""): string[] =>
  stack.flatMap((layer) => {
    if (layer.route !== undefined) {
      const { path, methods } = layer.route;
      return Object.keys(methods).map((method) => `${method.toUpperCase()} ${prefix}${path}`);
    }
    const nested = layer.handle.stack;
    if (nested === undefined) return [];
    const mountPath = layer.rawPath === undefined || layer.rawPath === "/" ? "" : layer.rawPath;
    return mountedRoutes(nested, `${prefix}${mountPath}`);
  });

/** Operational endpoints outside the API, for scrapers rather than API clients. */
const NOT_API = new Set(["GET /metrics"]);

describe("GET /api/openapi.json", () => {
  let stack: Stack;
  let operations: Set<string>;

  beforeAll(async () => {
    stack = await startStack();
    const response = await stack.fetch("/api/openapi.json");
    expect(response.status).toBe(200);
    const document = OpenApiDocumentSchema.parse(await response.json());
    expect(document.openapi).toBe("3.1.1");
    operations = new Set(
      Object.entries(document.paths).flatMap(([path, item]) =>
        Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
      ),
    );
  });
  afterAll(() => stack.close());

  it("lists every route of the contracts' route table", () => {
    const missing = Object.values(api)
      .map((route) => `${route.method} ${openApiPathOf(route.path)}`)
      .filter((operation) => !operations.has(operation));
    expect(missing).toEqual([]);
  });

  it("lists every route the BFF mounts, and nothing it does not", () => {
    const { router } = createApp(stack.deps) as unknown as { router: { stack: Layer[] } };
    const mounted = mountedRoutes(router.stack)
      .filter((route) => !NOT_API.has(route))
      .map((route) => {
        const [method = "", path = ""] = route.split(" ");
        return `${method} ${openApiPathOf(path)}`;
      });
    expect(mounted.length).toBeGreaterThanOrEqual(Object.keys(api).length);
    expect(mounted.filter((operation) => !operations.has(operation))).toEqual([]);
    expect([...operations].filter((operation) => !mounted.includes(operation))).toEqual([]);
  });

  it("shares the action record and the problem by reference", async () => {
    const document = (await (await stack.fetch("/api/openapi.json")).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, unknown> };
    };
    const revoke = document.paths["/api/vpp-tokens/{id}/revoke-licenses"]?.post;
    expect(JSON.stringify(revoke?.responses["202"])).toContain("#/components/schemas/ActionRecord");
    expect(document.components.schemas).toHaveProperty("Problem");
    expect(document.components.schemas).toHaveProperty("RevokeVppLicensesBody");
  });
});
