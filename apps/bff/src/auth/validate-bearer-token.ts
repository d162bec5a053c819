import { errors as joseErrors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from "jose";
import { AuthenticationError, ServiceUnavailableError } from "../errors.js";
import { createAuthenticatedUser, type AuthenticatedUser } from "./authenticated-user.js";
import { createRotatingKeySet } from "./rotating-key-set.js";
import { TokenRefusedError } from "./token-refused-error.js";
import {
  hasScope,
  hasUserObjectId,
  isAppOnlyToken,
  isFromTenant,
  clientIdOf,
  isIdToken,
  isIssuedTo,
  isVersion1Token,
  rolesOf,
  scopesOf,
} from "./token-rules.js";

export interface BearerTokenValidatorOptions {
  /** From the tenant's OIDC metadata. */
  issuer: string;
  /** From the metadata's `jwks_uri`, or a key set (tests). */
  keys: URL | JWTVerifyGetKey;
  audiences: readonly string[];
  tenantId: string;
  spaClientId: string;
  requiredScope?: string;
  clockToleranceSeconds?: number;
}

export type BearerTokenValidator = (token: string) => Promise<AuthenticatedUser>;

/**
 * RFC 6750 §2.1: `Bearer` and one b64token. Anything else (another scheme, no token, two
 * tokens, stray characters) is malformed.
 */
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;

/** The token from an Authorization header; throws AuthenticationError when there is none. */
export const bearerTokenFrom = (header: string | undefined): string => {
  if (header === undefined || header.trim() === "") {
    throw new AuthenticationError("no Authorization header", false);
  }
  const token = BEARER.exec(header.trim())?.[1];
  if (token === undefined) throw new AuthenticationError("malformed Authorization header", true);
  return token;
};

/**
 * jose's errors about the token itself. The others (the key set timed out, was not JSON, or
 * answered non-200: jose's plain JOSEError) mean we could not judge the token at all.
 */
const isTokenRejection = (error: unknown): error is joseErrors.JOSEError =>
  error instanceof joseErrors.JOSEError &&
  error.constructor !== joseErrors.JOSEError &&
  !(error instanceof joseErrors.JWKSTimeout) &&
  !(error instanceof joseErrors.JWKSInvalid);

/**
 * Validates an access token for our API the way Entra ID documents it: RS256 only, signed by a
 * key from the tenant's JWKS, our issuer and audience, our tenant, within its lifetime (60 s
 * skew), a delegated token for a user with our scope, and neither app-only nor an ID token.
 * Two genuine tokens get their own answers (ADR 0027): a v1.0 token (the API registration
 * lacks `accessTokenAcceptedVersion: 2`) and a token issued to another client application.
 * https://learn.microsoft.com/entra/identity-platform/access-tokens#validate-tokens
 */
export const createBearerTokenValidator = ({
  issuer,
  keys,
  audiences,
  tenantId,
  spaClientId,
  requiredScope = "access_as_user",
  clockToleranceSeconds = 60,
}: BearerTokenValidatorOptions): BearerTokenValidator => {
  // The keys are cached and refetched (rate-limited) when a `kid` is unknown, which is how
  // Entra's key rollover reaches us.
  const getKey = keys instanceof URL ? createRotatingKeySet(keys) : keys;

  return async (token) => {
    let claims: JWTPayload;
    try {
      ({ payload: claims } = await jwtVerify(token, getKey, {
        algorithms: ["RS256"],
        // The issuer is checked below, after the v1.0 check: a v1 token's issuer differs, and
        // saying why is more useful than "wrong issuer".
        audience: [...audiences],
        clockTolerance: clockToleranceSeconds,
        requiredClaims: ["exp", "tid"],
      }));
    } catch (error) {
      if (isTokenRejection(error)) {
        throw new AuthenticationError(`token rejected (${error.code})`, true);
      }
      throw new ServiceUnavailableError("The tenant's signing keys could not be fetched.", {
        cause: error,
      });
    }

    if (isVersion1Token(claims)) {
      throw new TokenRefusedError(
        "accessTokenVersion1",
        `The access token is a v1.0 token (issuer ${String(claims.iss)}): the API's app ` +
          'registration issues v1 tokens. Set "accessTokenAcceptedVersion": 2 in its manifest ' +
          "(Microsoft Entra admin center › App registrations › the API › Manifest), then sign in again.",
      );
    }
    if (claims.iss !== issuer) throw new AuthenticationError("token rejected (iss)", true);
    const reason = ruleViolated(claims, { tenantId, spaClientId, requiredScope });
    if (reason !== undefined) throw new AuthenticationError(reason, true);
    requireOurClient(claims, spaClientId);
    if (!hasUserObjectId(claims)) throw new AuthenticationError("no oid claim", true);

    return createAuthenticatedUser(
      {
        oid: claims.oid,
        tid: tenantId,
        name: typeof claims.name === "string" ? claims.name : undefined,
        username:
          typeof claims.preferred_username === "string" ? claims.preferred_username : undefined,
        roles: rolesOf(claims),
        scopes: scopesOf(claims),
        claims,
      },
      token,
    );
  };
};

const ruleViolated = (
  claims: JWTPayload,
  rules: { tenantId: string; spaClientId: string; requiredScope: string },
): string | undefined => {
  if (!isFromTenant(claims, rules.tenantId)) return "token from another tenant";
  if (isIdToken(claims, rules.spaClientId)) return "an ID token, not an access token";
  if (isAppOnlyToken(claims)) return "an app-only token";
  if (!hasScope(claims, rules.requiredScope)) return `scope ${rules.requiredScope} missing`;
  return undefined;
};

const requireOurClient = (claims: JWTPayload, spaClientId: string): void => {
  if (isIssuedTo(claims, spaClientId)) return;
  const client = clientIdOf(claims);
  throw new TokenRefusedError(
    "tokenForAnotherClient",
    client === undefined
      ? "The access token names no client application (no azp or appid claim); only tokens " +
          "the console's own sign-in obtained are accepted."
      : `The access token was issued to another client application (${client}), not to this ` +
          `console (${spaClientId}). Only tokens the console's own sign-in obtained are accepted.`,
  );
};
