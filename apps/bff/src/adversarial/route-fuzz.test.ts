import { randomUUID } from "node:crypto";
import { api, IDEMPOTENCY_KEY_HEADER, PROBLEM_CONTENT_TYPE, ProblemSchema } from "@ihc/contracts";
import fc from "fast-check";
import type { z } from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawRequest, type RawResponse } from "../test-support/raw-request.js";
import { startStack, type Stack } from "../test-support/start-stack.js";
import { malformedGraphPaths } from "./graph-paths.js";
import { expectNoSecretsInLogs } from "./log-secrets.js";
import {
  paramNamesOf,
  pathOf,
  validBodyOf,
  validParamsOf,
  validQueryOf,
  type Route,
  type RouteName,
} from "./route-examples.js";

/**
 * Schema-driven fuzzing of every route of the contracts' table (issue #7, part 1): hostile path
 * parameters, query strings, bodies and Idempotency-Keys, sent by a caller with every role so
 * that authorization is never what refuses them. Each run is seeded: a failure prints the seed
 * and path to replay it (`fc.assert` options below).
 */
const SEED = 7_2026;
const RUNS = { params: 40, query: 40, ignoredQuery: 10, body: 60, headers: 20, confirmation: 15 };

const routes = Object.entries(api) as [RouteName, Route][];
const isPost = (route: Route) => route.method === "POST";

/** What an attacker puts in an id: separators, traversal, encodings, OData syntax, quotes. */
const HOSTILE_FRAGMENTS = [
  "/",
  "..",
  "../",
  "%2F",
  "%2f",
  "%2e%2e",
  "..%2F",
  "?",
  "#",
  "$",
  "$batch",
  "$value",
  " ",
  "'",
  '"',
  "\\",
  "%",
  "%00",
  "%ZZ",
  "%E0%A4%A",
  "%C3",
  ";",
  ",",
  "(",
  ")",
  "&",
  "=",
  "+",
  "*",
  "~",
  "é",
  "李娜",
  "😀",
  "\u202e",
  "microsoft.graph.iosVppApp",
  "revokeLicenses",
  "00000000-0000-0000-0000-000000000000",
  randomUUID(),
];

const hostileText = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .array(
        fc.oneof(
          fc.constantFrom(...HOSTILE_FRAGMENTS),
          fc.string({ unit: "grapheme", maxLength: 8 }),
        ),
        { minLength: 1, maxLength: 6 },
      )
      .map((parts) => parts.join("")),
  },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength: 0, maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer({ min: 300, max: 3000 }).map((n) => "a".repeat(n)) },
);

/** Characters Node's client refuses in a request line are escaped; everything else goes raw. */
const rawPathSegment = (value: string) =>
  value.replace(/[^\u0021-\u007e]/gu, (char) => encodeURIComponent(char));

const parseProblem = (response: RawResponse) => {
  if (response.kind !== "response") throw new Error(`connection closed: ${response.error}`);
  expect(response.headers["content-type"]).toContain(PROBLEM_CONTENT_TYPE);
  const problem = ProblemSchema.parse(JSON.parse(response.body));
  expect(problem.requestId).toBe(response.headers["x-request-id"]);
  return problem;
};

/** A 400 naming `field` (or a field below it) among the problem's fields. */
const expectFieldError = (response: RawResponse, field: string) => {
  expect(response.kind === "response" && response.status, describe400(response)).toBe(400);
  const problem = parseProblem(response);
  expect(problem.code).toBe("validation_failed");
  const paths = (problem.fields ?? []).map((f) => f.path);
  expect(
    paths.some((path) => path === field || path.startsWith(`${field}.`)),
    `fields ${JSON.stringify(paths)} should name ${field}`,
  ).toBe(true);
};

const describe400 = (response: RawResponse) =>
  response.kind === "response"
    ? `${response.status} ${response.body.slice(0, 300)}`
    : `closed: ${response.error}`;

const counts = new Map<string, Record<string, number>>();
const count = (name: RouteName, part: string) => {
  const row = counts.get(name) ?? {};
  row[part] = (row[part] ?? 0) + 1;
  counts.set(name, row);
};

describe("every route of the contracts' table against hostile input", () => {
  let stack: Stack;
  let token: string;
  beforeAll(async () => {
    stack = await startStack({ rateLimit: { limit: 1_000_000, windowMs: 60_000 } });
    for (const service of ["enrollment", "applications", "androidForWork", "devices"] as const) {
      stack.sim.setThrottling({ service, requests: 100_000, tenantRequests: 100_000 });
    }
    token = await stack.tokenFor("senior");
  });
  afterAll(async () => {
    expectNoSecretsInLogs(stack, [token]);
    await stack.close();
    const table = [...counts].map(([name, row]) => ({ route: name, ...row }));
    console.info("Adversarial fuzz cases per route:");
    console.table(table);
  });

  const send = (
    route: Route,
    path: string,
    init: {
      body?: unknown;
      headers?: Record<string, string>;
      rawBody?: string;
      query?: string;
    } = {},
  ) =>
    rawRequest(stack.bffUrl, {
      method: route.method,
      path: `${path}${init.query ?? ""}`,
      headers: {
        authorization: `Bearer ${token}`,
        ...(isPost(route)
          ? { "content-type": "application/json", [IDEMPOTENCY_KEY_HEADER]: randomUUID() }
          : {}),
        ...init.headers,
      },
      ...(init.rawBody !== undefined
        ? { body: init.rawBody }
        : init.body !== undefined
          ? { body: JSON.stringify(init.body) }
          : {}),
      // The event stream never ends: its status line is the answer.
      headersOnly: route.path === api.events.path,
    });

  /** Runs `body` and checks what reached Graph meanwhile: nothing malformed; nothing, if `none`. */
  const watchingGraph = async (none: boolean, body: () => Promise<void>) => {
    const before = stack.graphCalls().length;
    await body();
    const calls = stack.graphCalls().slice(before);
    expect(malformedGraphPaths(calls)).toEqual([]);
    if (none) expect(calls.map((call) => `${call.method} ${call.path}`)).toEqual([]);
  };

  const runs = (numRuns: number) => ({ seed: SEED, numRuns, endOnFailure: true });

  describe("the route table and the BFF agree", () => {
    it.each(routes)("%s has a handler", async (name, route) => {
      const params = validParamsOf(name, route);
      // A bad parameter reaches the handler's validation; a route without parameters answers.
      const names = paramNamesOf(route);
      const last = names.at(-1);
      const probeParams = last === undefined ? params : { ...params, [last]: "not-a-guid" };
      const query = new URLSearchParams(validQueryOf(name, route)).toString();
      const path = pathOf(route, probeParams) + (query === "" ? "" : `?${query}`);
      const response = await send(route, path, {
        ...(isPost(route) ? { body: validBodyOf(name, route) } : {}),
      });
      if (response.kind !== "response") throw new Error(response.error);
      // Only a problem (JSON) can say "No route for"; an export answers CSV or JSON Lines.
      const body = response.body.startsWith("{")
        ? (JSON.parse(response.body) as { detail?: string })
        : {};
      const unrouted = response.status === 404 && (body.detail ?? "").startsWith("No route for");
      expect(unrouted, `${route.method} ${route.path} has no handler in the BFF`).toBe(false);
      if (last !== undefined) expectFieldError(response, `params.${last}`);
      else expect(response.status).toBe(200);
    });
  });

  describe.each(routes.filter(([, route]) => paramNamesOf(route).length > 0))(
    "%s: path parameters",
    (name, route) => {
      it("answers 400 naming the parameter (encoded) or 400/404 (raw), never 5xx, never a bad Graph path", async () => {
        const valid = validParamsOf(name, route);
        const schema = (route as { params: z.ZodType }).params;
        const arbitrary = fc
          .record({
            param: fc.constantFrom(...paramNamesOf(route)),
            value: hostileText,
            raw: fc.boolean(),
          })
          .filter(
            ({ param, value }) =>
              value !== "" && !schema.safeParse({ ...valid, [param]: value }).success,
          );
        // A parameter that names a kind of resource (an enum) is a resource we do not have.
        const shape = (schema as z.ZodObject).shape;
        const isKind = (param: string) => shape[param] !== undefined && "options" in shape[param];
        await watchingGraph(false, () =>
          fc.assert(
            fc.asyncProperty(arbitrary, async ({ param, value, raw }) => {
              count(name, "params");
              const encoded = Object.fromEntries(
                Object.entries(valid).map(([key, v]) => [key, encodeURIComponent(v)]),
              );
              const path = pathOf(route, {
                ...encoded,
                [param]: raw ? rawPathSegment(value) : encodeURIComponent(value),
              });
              const before = stack.graphCalls().length;
              const response = await send(
                route,
                path,
                isPost(route) ? { body: validBodyOf(name, route) } : {},
              );
              if (!raw && isKind(param)) {
                expect(response.kind === "response" && response.status).toBe(404);
                expect(parseProblem(response).code).toBe("not_found");
                expect(stack.graphCalls().length).toBe(before);
              } else if (!raw) {
                expectFieldError(response, `params.${param}`);
                expect(stack.graphCalls().length).toBe(before);
                return;
              }
              // Raw: the value may end the path (`?`, `#`) or add segments (`/`): then another
              // route, or none, answers, but never with a 5xx.
              if (response.kind === "closed") return;
              const allowed = isPost(route) ? [400, 404, 414, 431] : [200, 400, 404, 414, 431];
              expect(allowed, describe400(response)).toContain(response.status);
              if (response.headers["x-request-id"] !== undefined && response.status !== 200) {
                parseProblem(response);
              }
            }),
            runs(RUNS.params),
          ),
        );
      });
    },
  );

  describe.each(routes.filter(([, route]) => "query" in route))(
    "%s: query string",
    (name, route) => {
      it("answers 400 naming the key for invalid values, 200 for valid ones, never 5xx", async () => {
        const schema = (route as { query: z.ZodObject }).query;
        const valid = validQueryOf(name, route);
        const keys = Object.keys(schema.shape);
        const numeric = new Set(
          keys.filter(
            (key) => (schema.shape[key] as z.ZodType | undefined)?.safeParse(1).success === true,
          ),
        );
        const isValid = (key: string, value: string | string[]) =>
          keys.includes(key) &&
          !Array.isArray(value) &&
          schema.safeParse({ ...valid, [key]: numeric.has(key) ? Number(value) : value }).success;
        const arbitrary = fc.record({
          key: fc.oneof(
            fc.constantFrom(...keys),
            fc.constantFrom("$filter", "$select", "__proto__", "constructor", "top"),
            fc.string({ minLength: 1, maxLength: 12 }),
          ),
          value: fc.oneof(
            hostileText,
            fc.integer({ min: -5, max: 100_000 }).map(String),
            fc.array(fc.string({ maxLength: 5 }), { minLength: 2, maxLength: 3 }),
            fc.integer({ min: 4000, max: 6000 }).map((n) => "z".repeat(n)),
          ),
        });
        await watchingGraph(false, () =>
          fc.assert(
            fc.asyncProperty(arbitrary, async ({ key, value }) => {
              count(name, "query");
              const search = new URLSearchParams(valid);
              search.delete(key);
              for (const v of Array.isArray(value) ? value : [value]) search.append(key, v);
              const response = await send(route, pathOf(route, validParamsOf(name, route)), {
                query: `?${search.toString()}`,
              });
              if (isValid(key, value) && key === "cursor") {
                // Well-formed, but not a cursor this route handed out.
                expectFieldError(response, `query.${key}`);
              } else if (isValid(key, value)) {
                expect(response.kind === "response" && response.status, describe400(response)).toBe(
                  200,
                );
              } else {
                expectFieldError(response, `query.${key}`);
              }
            }),
            runs(RUNS.query),
          ),
        );
      });
    },
  );

  describe.each(routes.filter(([, route]) => !("query" in route)))(
    "%s: a query string it does not take",
    (name, route) => {
      it("is refused: 400 naming the key (issue #17, 8), never 5xx, nothing sent to Graph", async () => {
        const path = pathOf(route, validParamsOf(name, route));
        const body = isPost(route) ? { body: validBodyOf(name, route) } : {};
        await watchingGraph(true, () =>
          fc.assert(
            fc.asyncProperty(
              fc.string({ minLength: 1, maxLength: 10 }),
              hostileText,
              async (key, value) => {
                count(name, "query");
                const response = await send(route, path, {
                  ...body,
                  query: `?${new URLSearchParams([[key, value]]).toString()}`,
                });
                expect(response.kind === "response" && response.status).toBe(400);
                // The event stream's answer is read to its headers only.
                if (response.kind === "response" && response.body === "") return;
                const fields = (parseProblem(response).fields ?? []).map((f) => f.path);
                expect(fields.some((field) => field.startsWith("query."))).toBe(true);
              },
            ),
            runs(RUNS.ignoredQuery),
          ),
        );
      });
    },
  );

  describe.each(routes.filter(([, route]) => isPost(route)))("%s: body", (name, route) => {
    const schema = () => (route as { body: z.ZodObject }).body;
    const example = () => validBodyOf(name, route);

    it("answers 400 naming the field for every body that breaks the schema; nothing reaches Graph", async () => {
      const keys = Object.keys(schema().shape);
      const mutation = fc.oneof(
        // An unknown key.
        fc.record({
          kind: fc.constant("unknown" as const),
          key: fc
            .string({ minLength: 1, maxLength: 20 })
            .filter((key) => !keys.includes(key) && key !== "__proto__"),
          value: fc.anything(),
        }),
        // A missing field.
        fc.record({
          kind: fc.constant("missing" as const),
          key: fc.constantFrom(...keys),
          value: fc.constant(undefined),
        }),
        // A field of the wrong type, a huge or hostile string, null.
        fc.record({
          kind: fc.constant("wrong" as const),
          key: fc.constantFrom(...keys),
          value: fc.oneof(
            fc.anything(),
            hostileText,
            fc.constant(null),
            fc.integer({ min: 600, max: 12_000 }).map((n) => "é".repeat(n)),
            fc.array(fc.anything(), { maxLength: 3 }),
            fc.object(),
          ),
        }),
        // Not an object at all.
        fc.record({
          kind: fc.constant("whole" as const),
          key: fc.constant(""),
          value: fc.oneof(
            fc.constant(null),
            fc.array(fc.anything(), { maxLength: 3 }),
            fc.string(),
            fc.integer(),
            fc.boolean(),
          ),
        }),
      );
      const bodyOf = (m: { kind: string; key: string; value: unknown }): unknown => {
        if (m.kind === "whole") return m.value;
        const body: Record<string, unknown> = { ...example() };
        if (m.kind === "missing") Reflect.deleteProperty(body, m.key);
        else body[m.key] = m.value;
        return body;
      };
      const invalid = mutation.filter((m) => {
        const body = bodyOf(m);
        // JSON drops undefined values: judge what is actually sent.
        const sent: unknown = JSON.parse(JSON.stringify(body));
        return !schema().safeParse(sent).success;
      });
      await watchingGraph(true, () =>
        fc.assert(
          fc.asyncProperty(invalid, async (m) => {
            count(name, "body");
            const json = JSON.stringify(bodyOf(m));
            const response = await send(route, pathOf(route, validParamsOf(name, route)), {
              rawBody: json,
            });
            const sent: unknown = JSON.parse(json);
            if (sent === null || typeof sent !== "object") {
              // Strict JSON parsing: only an object or array is a body.
              expect(response.kind === "response" && response.status, describe400(response)).toBe(
                400,
              );
              expect(parseProblem(response).code).toBe("bad_request");
              return;
            }
            if (Buffer.byteLength(json) > 16 * 1024 && name !== "revokeAppLicensesBulk") {
              expect(response.kind === "response" && response.status).toBe(413);
              return;
            }
            expectFieldError(response, m.kind === "whole" ? "body" : `body.${m.key}`);
          }),
          runs(RUNS.body),
        ),
      );
    });

    it("answers 400 naming the Idempotency-Key header when it is missing or not a UUID", async () => {
      const key = fc
        .oneof(
          fc.constant(undefined),
          fc.constant(""),
          fc.string({
            unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)),
            maxLength: 60,
          }),
          fc.constant(`${randomUUID()}x`),
          fc.constant(`{${randomUUID()}}`),
          fc.constant(randomUUID().replaceAll("-", "")),
          fc.integer({ min: 100, max: 4000 }).map((n) => "k".repeat(n)),
        )
        .filter(
          (value) =>
            value === undefined ||
            !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value),
        );
      await watchingGraph(true, () =>
        fc.assert(
          fc.asyncProperty(key, async (value) => {
            count(name, "headers");
            const response = await rawRequest(stack.bffUrl, {
              method: "POST",
              path: pathOf(route, validParamsOf(name, route)),
              headers: {
                authorization: `Bearer ${token}`,
                "content-type": "application/json",
                ...(value === undefined ? {} : { [IDEMPOTENCY_KEY_HEADER]: value }),
              },
              body: JSON.stringify(example()),
            });
            expectFieldError(response, `headers.${IDEMPOTENCY_KEY_HEADER.toLowerCase()}`);
          }),
          runs(RUNS.headers),
        ),
      );
    });
  });

  const confirmFieldOf = (route: Route) =>
    "body" in route
      ? Object.keys((route.body as z.ZodObject).shape).find((key) => key.startsWith("confirm"))
      : undefined;

  describe.each(routes.filter(([, route]) => confirmFieldOf(route) !== undefined))(
    "%s: the typed confirmation",
    (name, route) => {
      it("answers 400 naming it when hostile text does not match the target; no action is sent", async () => {
        const schema = (route as { body: z.ZodObject }).body;
        const example = validBodyOf(name, route);
        const field = confirmFieldOf(route) ?? "";
        const text = hostileText.filter(
          (value) => schema.safeParse({ ...example, [field]: value }).success,
        );
        await watchingGraph(false, () =>
          fc.assert(
            fc.asyncProperty(text, async (value) => {
              count(name, "confirmation");
              const before = stack.graphCalls().length;
              const response = await send(route, pathOf(route, validParamsOf(name, route)), {
                body: { ...example, [field]: value },
              });
              expectFieldError(response, `body.${field}`);
              const sent = stack.graphCalls().slice(before);
              expect(sent.filter((call) => call.method !== "GET")).toEqual([]);
            }),
            runs(RUNS.confirmation),
          ),
        );
      });
    },
  );

  it("answers 400 (never 500) to a path parameter that is not valid percent-encoding", async () => {
    // Found by the fuzzer: Express's URIError fell through to the 500 mapping.
    for (const [name, route] of routes) {
      const names = paramNamesOf(route);
      const last = names.at(-1);
      if (last === undefined) continue;
      for (const broken of ["%", "%ZZ", "%E0%A4%A", "a%2"]) {
        const path = pathOf(route, { ...validParamsOf(name, route), [last]: broken });
        const response = await send(
          route,
          path,
          isPost(route) ? { body: validBodyOf(name, route) } : {},
        );
        expect(response.kind === "response" && response.status, `${name} ${path}`).toBe(400);
        expect(parseProblem(response)).toMatchObject({
          code: "bad_request",
          fields: [{ path: "params" }],
        });
      }
    }
  });
});
