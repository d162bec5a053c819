import { randomUUID } from "node:crypto";

export interface EntraErrorExtras {
  suberror?: string;
  /** A claims challenge the client must pass back (interaction_required, insufficient_claims). */
  claims?: string;
}

/**
 * An OAuth error as Entra ID words it: an OAuth `error`, an AADSTS number and a description.
 * The token endpoint serialises it as JSON; /authorize sends it back on the redirect.
 */
export class EntraError extends Error {
  constructor(
    readonly error: string,
    readonly aadsts: number,
    readonly description: string,
    readonly status: 400 | 401 = 400,
    readonly extras: EntraErrorExtras = {},
  ) {
    super(`${error}: AADSTS${aadsts}: ${description}`);
    this.name = "EntraError";
  }
}

export interface EntraErrorBody {
  error: string;
  error_description: string;
  error_codes: number[];
  timestamp: string;
  trace_id: string;
  correlation_id: string;
  error_uri: string;
  suberror?: string;
  claims?: string;
}

/** Entra's JSON error body; the description repeats trace id, correlation id and time as Entra's does. */
export function entraErrorBody(
  error: EntraError,
  correlationId: string,
  errorUri: string,
): EntraErrorBody {
  const timestamp = entraTimestamp(new Date());
  const traceId = randomUUID();
  return {
    error: error.error,
    error_description: `${entraDescription(error)} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
    error_codes: [error.aadsts],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
    error_uri: errorUri,
    ...error.extras,
  };
}

export function entraDescription(error: EntraError): string {
  return `AADSTS${error.aadsts}: ${error.description}`;
}

/** Entra writes "2026-11-23 18:43:17Z". */
function entraTimestamp(date: Date): string {
  return date
    .toISOString()
    .replace("T", " ")
    .replace(/\.\d{3}Z$/, "Z");
}

export function missingParameter(name: string): EntraError {
  return new EntraError(
    "invalid_request",
    900144,
    `The request body must contain the following parameter: '${name}'.`,
  );
}
