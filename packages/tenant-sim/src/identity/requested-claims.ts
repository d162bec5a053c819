import { z } from "zod";
import { EntraError } from "./entra-error.js";

/**
 * What a `claims` request parameter asks of the access token: authentication contexts (`acrs`,
 * from a claims challenge) and client capabilities (`xms_cc`, e.g. CP1 from MSAL's
 * clientCapabilities). https://learn.microsoft.com/entra/identity-platform/claims-challenge
 */
export interface RequestedClaims {
  acrs: readonly string[];
  clientCapabilities: readonly string[];
}

export const noRequestedClaims: RequestedClaims = Object.freeze({
  acrs: [],
  clientCapabilities: [],
});

const ClaimRequestSchema = z
  .object({ value: z.string().optional(), values: z.array(z.string()).optional() })
  .loose()
  .nullable()
  .optional();

const ClaimsParameterSchema = z
  .object({
    access_token: z
      .object({ acrs: ClaimRequestSchema, xms_cc: ClaimRequestSchema })
      .loose()
      .optional(),
  })
  .loose();

export function parseRequestedClaims(claimsParam: string | undefined): RequestedClaims {
  if (claimsParam === undefined || claimsParam.trim() === "") return noRequestedClaims;
  let json: unknown;
  try {
    json = JSON.parse(claimsParam);
  } catch {
    throw invalidClaims();
  }
  const parsed = ClaimsParameterSchema.safeParse(json);
  if (!parsed.success) throw invalidClaims();
  const accessToken = parsed.data.access_token;
  return {
    acrs: valuesOf(accessToken?.acrs),
    clientCapabilities: valuesOf(accessToken?.xms_cc),
  };
}

export function mergeRequestedClaims(a: RequestedClaims, b: RequestedClaims): RequestedClaims {
  return {
    acrs: unique([...a.acrs, ...b.acrs]),
    clientCapabilities: unique([...a.clientCapabilities, ...b.clientCapabilities]),
  };
}

function valuesOf(request: z.infer<typeof ClaimRequestSchema>): string[] {
  if (request === undefined || request === null) return [];
  return unique([
    ...(request.value === undefined ? [] : [request.value]),
    ...(request.values ?? []),
  ]);
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function invalidClaims(): EntraError {
  return new EntraError(
    "invalid_request",
    90100,
    "The 'claims' parameter is not valid JSON of the OpenID Connect claims request shape.",
  );
}
