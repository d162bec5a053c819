import type { JWTPayload } from "jose";

/**
 * The rules an access token for our API must satisfy beyond its signature, issuer, audience
 * and lifetime (which jose checks), one small function each, in the manner of Microsoft's OBO
 * sample `permissionUtils`. Claims: https://learn.microsoft.com/entra/identity-platform/access-token-claims-reference
 */

/** `scp` is a space-separated list of the delegated scopes granted to the client. */
export const scopesOf = (claims: JWTPayload): string[] =>
  typeof claims.scp === "string" ? claims.scp.split(" ").filter((scope) => scope !== "") : [];

export const rolesOf = (claims: JWTPayload): string[] =>
  Array.isArray(claims.roles)
    ? claims.roles.filter((role): role is string => typeof role === "string")
    : [];

export const audiencesOf = (claims: JWTPayload): string[] =>
  claims.aud === undefined ? [] : Array.isArray(claims.aud) ? claims.aud : [claims.aud];

/** The token was issued by our tenant, not another one using the same (multi-tenant) keys. */
export const isFromTenant = (claims: JWTPayload, tenantId: string): boolean =>
  claims.tid === tenantId;

/**
 * App-only tokens (client credentials) carry `roles` but no `scp`, and `idtyp: "app"` when the
 * optional claim is configured. The console acts only for signed-in people.
 */
export const isAppOnlyToken = (claims: JWTPayload): boolean =>
  claims.idtyp === "app" || typeof claims.scp !== "string";

/** An ID token is for the SPA itself (aud = the SPA, a nonce), never a credential for an API. */
export const isIdToken = (claims: JWTPayload, spaClientId: string): boolean =>
  claims.nonce !== undefined || audiencesOf(claims).includes(spaClientId);

/** The user consented to let the SPA call our API: the scope the API exposes is granted. */
export const hasScope = (claims: JWTPayload, scope: string): boolean =>
  scopesOf(claims).includes(scope);

/** A delegated token names its user by `oid`; without it there is nobody to act on behalf of. */
export const hasUserObjectId = (claims: JWTPayload): claims is JWTPayload & { oid: string } =>
  typeof claims.oid === "string" && claims.oid !== "";

/**
 * A v1.0 access token (`ver: "1.0"`, issuer `https://sts.windows.net/{tid}/`): Entra issues
 * these for an API whose registration has not set `accessTokenAcceptedVersion: 2`.
 */
export const isVersion1Token = (claims: JWTPayload): boolean => claims.ver === "1.0";

/** The application the token was issued to: `azp` in v2 tokens, `appid` in v1 tokens. */
export const clientIdOf = (claims: JWTPayload): string | undefined => {
  const value = claims.ver === "1.0" ? claims.appid : claims.azp;
  return typeof value === "string" && value !== "" ? value.toLowerCase() : undefined;
};

/**
 * The token was obtained by our SPA, not by another application the user also consented to:
 * our audience alone does not say who asked for the token.
 */
export const isIssuedTo = (claims: JWTPayload, spaClientId: string): boolean =>
  clientIdOf(claims) === spaClientId.toLowerCase();
