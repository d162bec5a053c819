import type { RequestHandler } from "express";
import { errors, jwtVerify, type JWTPayload } from "jose";
import { demoTenant } from "../seed/demo-tenant.js";
import type { SimulatorContext } from "../simulator-context.js";
import { GraphError } from "./graph-error.js";
import { graphContext, type VerifiedGraphToken } from "./graph-request-context.js";

const graphAudiences = new Set([
  demoTenant.graph.audience,
  `${demoTenant.graph.audience}/`,
  demoTenant.graph.appId,
]);

/**
 * Graph's token check: a bearer token signed by the tenant's published key, for Graph's
 * audience, from this tenant's issuer (v1 or v2 form), within its lifetime. No clock skew is
 * allowed, so a token minted as expired is expired.
 */
export function graphAuthentication(ctx: SimulatorContext): RequestHandler {
  const challenge = `Bearer realm="", authorization_uri="${ctx.url}/${ctx.tenantId}/oauth2/v2.0/authorize", client_id="${demoTenant.graph.appId}"`;
  const issuers = new Set([ctx.tokens.v1Issuer, ctx.issuer]);
  const unauthorized = (message: string): GraphError =>
    new GraphError(401, "InvalidAuthenticationToken", message, { "WWW-Authenticate": challenge });

  return async (req, _res, next) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? "");
    const token = match?.[1];
    if (token === undefined) throw unauthorized("Access token is empty.");
    let claims: JWTPayload;
    try {
      ({ payload: claims } = await jwtVerify(token, ctx.keys.publishedKeys, {
        algorithms: ["RS256"],
      }));
    } catch (error) {
      throw unauthorized(verificationMessage(error));
    }
    if (typeof claims.aud !== "string" || !graphAudiences.has(claims.aud)) {
      throw unauthorized("Access token validation failure. Invalid audience.");
    }
    if (typeof claims.iss !== "string" || !issuers.has(claims.iss)) {
      throw unauthorized("Access token validation failure. Invalid issuer.");
    }
    if (claims.tid !== ctx.tenantId) {
      throw unauthorized("Access token validation failure. Invalid tenant.");
    }
    graphContext(req).token = describe(claims);
    next();
  };
}

function describe(claims: JWTPayload): VerifiedGraphToken {
  const scopes = typeof claims.scp === "string" ? claims.scp.split(" ").filter(Boolean) : [];
  const roles = Array.isArray(claims.roles)
    ? claims.roles.filter((r): r is string => typeof r === "string")
    : [];
  return {
    claims,
    delegated: scopes.length > 0 && claims.idtyp !== "app",
    scopes,
    roles,
    oid: typeof claims.oid === "string" ? claims.oid : "",
  };
}

function verificationMessage(error: unknown): string {
  if (error instanceof errors.JWTExpired)
    return "Lifetime validation failed, the token is expired.";
  if (error instanceof errors.JWTClaimValidationFailed && error.claim === "nbf") {
    return "Lifetime validation failed, the token is not yet valid.";
  }
  if (
    error instanceof errors.JWSSignatureVerificationFailed ||
    error instanceof errors.JWKSNoMatchingKey ||
    error instanceof errors.JWKSMultipleMatchingKeys
  ) {
    return "Access token validation failure. Invalid signature.";
  }
  if (error instanceof errors.JOSEAlgNotAllowed) {
    return "Access token validation failure. Invalid signing algorithm.";
  }
  // What Graph says about a bearer value that is not a JWT at all.
  return "CompactToken parsing failed with error code: 80049217";
}
