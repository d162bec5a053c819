import { z } from "zod";
import { ActionRecordSchema } from "./actions/action-record.js";
import { ProblemSchema } from "./problem.js";
import type { RouteContract } from "./route.js";

/** An OpenAPI 3.1 document, as far as `GET /api/openapi.json`'s contract checks it. */
export const OpenApiDocumentSchema = z.looseObject({
  openapi: z.string().startsWith("3.1"),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
  components: z.looseObject({}),
});
export type OpenApiDocument = z.infer<typeof OpenApiDocumentSchema>;

type JsonSchema = Record<string, unknown>;

/** Routes anyone may call; every other route needs the SPA's bearer token. */
const PUBLIC_PATHS = new Set([
  "/api/health",
  "/api/ready",
  "/api/client-config",
  "/api/openapi.json",
]);
/** Served as Server-Sent Events: each `data:` line is the schema. */
const EVENT_STREAM_PATHS = new Set(["/api/events"]);

const STATUS_DESCRIPTIONS: Readonly<Record<string, string>> = {
  "200": "OK",
  "202": "Accepted: the action's journal record; follow it at /api/actions/{id} or /api/events",
  "503": "Not ready",
};

const capitalized = (name: string) => `${name.charAt(0).toUpperCase()}${name.slice(1)}`;

/** `/api/apps/:id` → `/api/apps/{id}`. */
export const openApiPathOf = (path: string): string => path.replace(/:([A-Za-z]+)/g, "{$1}");

const parametersOf = (schema: z.ZodType | undefined, where: "path" | "query") => {
  if (schema === undefined) return [];
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === "path" || (json.required ?? []).includes(name),
    schema: property,
  }));
};

/**
 * The BFF's API as OpenAPI 3.1, generated from the route table (zod 4's `z.toJSONSchema`, JSON
 * Schema 2020-12 as OpenAPI 3.1 uses): nothing is written twice. Bodies and responses are
 * components (`ActionRecord` and `Problem` shared by reference); parameters are inlined.
 */
export const buildOpenApiDocument = (
  routes: Readonly<Record<string, RouteContract>>,
  version: string,
): OpenApiDocument => {
  // Requests are described as callers send them (input), answers as the BFF sends them (output).
  const inputs = z.registry<{ id: string }>();
  const outputs = z.registry<{ id: string }>();
  outputs.add(ActionRecordSchema, { id: "ActionRecord" });
  outputs.add(ProblemSchema, { id: "Problem" });
  const bodyIds = new Map<string, string>();
  const responseIds = new Map<string, string>();
  for (const [name, route] of Object.entries(routes)) {
    if (route.body !== undefined && !inputs.has(route.body)) {
      inputs.add(route.body, { id: `${capitalized(name)}Body` });
    }
    if (route.body !== undefined) bodyIds.set(name, inputs.get(route.body)?.id ?? "");
    for (const [status, schema] of Object.entries(route.responses)) {
      if (!outputs.has(schema)) outputs.add(schema, { id: `${capitalized(name)}${status}` });
      responseIds.set(`${name} ${status}`, outputs.get(schema)?.id ?? "");
    }
  }
  const uri = (id: string) => `#/components/schemas/${id}`;
  const convert = (registry: typeof inputs, io: "input" | "output") =>
    z.toJSONSchema(registry, { io, uri, unrepresentable: "any" }).schemas;
  const schemas = { ...convert(inputs, "input"), ...convert(outputs, "output") };
  for (const schema of Object.values(schemas)) delete (schema as JsonSchema).$schema;

  const paths: Record<string, Record<string, unknown>> = {};
  for (const [name, route] of Object.entries(routes)) {
    const contentType = EVENT_STREAM_PATHS.has(route.path)
      ? "text/event-stream"
      : "application/json";
    const bodyId = bodyIds.get(name);
    const operation = {
      operationId: name,
      ...(PUBLIC_PATHS.has(route.path) ? { security: [] } : {}),
      parameters: [...parametersOf(route.params, "path"), ...parametersOf(route.query, "query")],
      ...(bodyId === undefined
        ? {}
        : {
            requestBody: {
              required: true,
              content: { "application/json": { schema: { $ref: uri(bodyId) } } },
            },
          }),
      responses: {
        ...Object.fromEntries(
          Object.keys(route.responses).map((status) => [
            status,
            {
              description: STATUS_DESCRIPTIONS[status] ?? status,
              content: {
                [Number(status) >= 400 ? "application/problem+json" : contentType]: {
                  schema: { $ref: uri(responseIds.get(`${name} ${status}`) ?? "") },
                },
              },
            },
          ]),
        ),
        default: {
          description: "Any error, as RFC 9457 problem details",
          content: { "application/problem+json": { schema: { $ref: uri("Problem") } } },
        },
      },
    };
    const path = openApiPathOf(route.path);
    paths[path] = { ...paths[path], [route.method.toLowerCase()]: operation };
  }

  return {
    openapi: "3.1.1",
    info: {
      title: "Intune Helpdesk Console API",
      version,
      description:
        "The BFF's API. Actions require an `Idempotency-Key` header (a UUID); every error is " +
        "`application/problem+json`.",
    },
    paths,
    components: {
      schemas,
      securitySchemes: {
        bearer: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "JWT",
          description: "An Entra ID access token for the API's `access_as_user` scope",
        },
      },
    },
    security: [{ bearer: [] }],
  };
};
