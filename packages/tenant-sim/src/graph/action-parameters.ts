import type { Request } from "express";
import { GraphError } from "./graph-error.js";

/** One parameter of a bound action, as the CSDL declares it (graph-schema.json). */
export interface ActionParameter {
  name: string;
  /** An Edm primitive, or an enum type by qualified name (with its `members`). */
  type: "Edm.Boolean" | "Edm.Int32" | "Edm.String" | `microsoft.graph.${string}`;
  /** The members of an enum type. */
  members?: readonly string[];
  nullable: boolean;
  /** Graph's reference page marks it required even where CSDL allows null. */
  required?: boolean;
}

export type ActionArguments = Record<string, boolean | number | string | null>;

/**
 * Reads an action's JSON payload the way Graph's OData reader does: unknown parameters,
 * mistyped values and nulls for non-nullable parameters are a 400 BadRequest with the reader's
 * wording. Instance annotations ("@odata.type" and the like) are ignored.
 */
export function readActionArguments(
  req: Request,
  operation: string,
  parameters: readonly ActionParameter[],
): ActionArguments {
  const body: unknown = req.body;
  if (body === undefined) {
    if (hasPayload(req)) {
      throw badRequest(
        "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.",
      );
    }
    if (parameters.some(isRequired)) throw badRequest("Empty Payload. JSON content expected.");
    return {};
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw badRequest(
      "An unexpected 'StartArray' node was found when reading from the JSON reader. A 'StartObject' node was expected.",
    );
  }
  const args: ActionArguments = {};
  for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
    if (name.startsWith("@") || name.includes("@")) continue;
    const parameter = parameters.find((p) => p.name === name);
    if (parameter === undefined) {
      throw badRequest(
        `The parameter '${name}' in the request payload is not a valid parameter for the operation '${operation}'.`,
      );
    }
    args[name] = checkValue(parameter, value);
  }
  for (const parameter of parameters) {
    if (isRequired(parameter) && (args[parameter.name] ?? null) === null) {
      // An explicit null for a nullable parameter is the action's to judge, as in Intune.
      if (parameter.name in args) continue;
      throw badRequest(
        `The parameter '${parameter.name}' is required for the operation '${operation}' but was not found in the request payload.`,
      );
    }
  }
  return args;
}

function isRequired(parameter: ActionParameter): boolean {
  return parameter.required ?? !parameter.nullable;
}

function checkValue(parameter: ActionParameter, value: unknown): boolean | number | string | null {
  if (value === null) {
    if (!parameter.nullable) {
      const expected = `${parameter.type}[Nullable=False]`;
      throw badRequest(
        `A null value was found for the property named '${parameter.name}', which has the expected type '${expected}'. The expected type '${expected}' does not allow null values.`,
      );
    }
    return null;
  }
  if (parameter.members !== undefined) {
    if (typeof value === "string" && parameter.members.includes(value)) return value;
    throw badRequest(
      typeof value === "string"
        ? `Requested value '${value}' was not found.`
        : `Cannot convert the literal '${literal(value)}' to the expected type '${parameter.type}'.`,
    );
  }
  if (parameter.type === "Edm.Boolean") {
    if (typeof value === "boolean") return value;
    throw badRequest(
      `Cannot convert the literal '${literal(value)}' to the expected type 'Edm.Boolean'.`,
    );
  }
  if (parameter.type === "Edm.Int32") {
    if (typeof value === "number" && Number.isInteger(value) && isInt32(value)) return value;
    throw badRequest(
      `Cannot convert the literal '${literal(value)}' to the expected type 'Edm.Int32'.`,
    );
  }
  if (typeof value === "string") return value;
  throw badRequest(
    "Cannot convert a primitive value to the expected type 'Edm.String'. See the inner exception for more details.",
  );
}

function isInt32(value: number): boolean {
  return value >= -2_147_483_648 && value <= 2_147_483_647;
}

function literal(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

function hasPayload(req: Request): boolean {
  const length = req.headers["content-length"];
  return (length !== undefined && length !== "0") || req.headers["transfer-encoding"] !== undefined;
}

function badRequest(message: string): GraphError {
  return new GraphError(400, "BadRequest", message);
}
