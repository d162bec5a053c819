import type { SimulatorContext } from "../../simulator-context.js";
import { EntraError } from "../entra-error.js";

/** The tenant's v2 token endpoint: a client assertion's required audience. */
export function tokenEndpointOf(ctx: SimulatorContext): string {
  return `${ctx.url}/${ctx.tenantId}/oauth2/v2.0/token`;
}

/** One POST to the token endpoint, reduced to what the grants read. */
export interface GrantRequest {
  params: ReadonlyMap<string, string>;
  /** The Authorization header (client_secret_basic), if sent. */
  authorization: string | undefined;
  /** The Origin header; browsers send it on the cross-origin requests SPAs must make. */
  origin: string | undefined;
}

export function required(request: GrantRequest, name: string): string {
  const value = request.params.get(name);
  if (value === undefined || value === "") {
    throw new EntraError(
      "invalid_request",
      900144,
      `The request body must contain the following parameter: '${name}'.`,
    );
  }
  return value;
}

/** Entra redeems SPA codes and refresh tokens only from a browser's cross-origin request. */
export function requireCrossOrigin(request: GrantRequest): void {
  if (request.origin === undefined || request.origin === "") {
    throw new EntraError(
      "invalid_request",
      9002327,
      "Tokens issued for the 'Single-Page Application' client-type may only be redeemed via cross-origin requests.",
    );
  }
}
