import type { Response } from "express";
import type { GraphRequestContext } from "./graph-request-context.js";

/**
 * An error Graph answers with, in its JSON shape:
 * {"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}
 * https://learn.microsoft.com/graph/errors
 */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = "GraphError";
  }
}

export function sendGraphError(
  res: Response,
  context: GraphRequestContext,
  error: GraphError,
): void {
  res.status(error.status).set(error.headers);
  sendGraphBody(res, {
    error: {
      code: error.code,
      message: error.message,
      innerError: {
        // Graph writes this without a zone designator or fraction.
        date: new Date().toISOString().replace(/\.\d{3}Z$/, ""),
        "request-id": context.requestId,
        "client-request-id": context.clientRequestId,
      },
    },
  });
}

/** Graph's JSON content type and OData version header on every JSON answer. */
export function sendGraphBody(res: Response, body: unknown): void {
  res
    .set({
      "Content-Type":
        "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8",
      "OData-Version": "4.0",
    })
    .send(JSON.stringify(body));
}

const codesByStatus: Record<number, string> = {
  400: "BadRequest",
  401: "InvalidAuthenticationToken",
  403: "Forbidden",
  404: "ResourceNotFound",
  405: "MethodNotAllowed",
  409: "Conflict",
  412: "PreconditionFailed",
  429: "TooManyRequests",
  500: "InternalServerError",
  502: "BadGateway",
  503: "ServiceUnavailable",
  504: "GatewayTimeout",
};

export function graphCodeForStatus(status: number): string {
  return codesByStatus[status] ?? (status >= 500 ? "InternalServerError" : "BadRequest");
}

const intunePath =
  /\/(deviceAppManagement|deviceManagement|managedDevices|removeAllDevicesFromManagement)(\/|$|\?)/i;

export function isIntunePath(path: string): boolean {
  return intunePath.test(path);
}

/**
 * Intune's services put a JSON document inside Graph's `message` (DESIGN.md §1), with an
 * activity id that support asks for. Callers are expected to parse it.
 */
export function intuneMessage(message: string, context: GraphRequestContext, path: string): string {
  return JSON.stringify({
    _version: 3,
    Message: `${message} - Operation ID (for customer support): 00000000-0000-0000-0000-000000000000 - Activity ID: ${context.requestId} - Url: https://fef.simulator.invalid/StatelessAppMetadataFEService${path} - CustomApiErrorPhrase: `,
    CustomApiErrorPhrase: "",
    RetryAfter: null,
    ErrorSourceService: "",
    HttpHeaders: "{}",
  });
}
