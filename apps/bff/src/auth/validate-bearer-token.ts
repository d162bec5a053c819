import {
  errors as joseErrors,
  jwtVerify,
  type JWTHeaderParameters,
  type JWTPayload,
  type JWTVerifyGetKey,
} from "jose";
import { AuthenticationError, ServiceUnavailableError } from "../errors.js";
import { createAuthenticatedUser, type AuthenticatedUser } from "./authenticated-user.js";
import { ExpiringLru } from "./expiring-lru.js";
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
  /**
   * Tokens that passed, kept by the SHA-256 of the token so the same token is not verified
   * again (RSA) on every request: how many, and for how long at most (0: no cache).
   */
  cache?: { maxEntries: number; maxAgeMs: number };
  now?: () => number;
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
  cache = defaultValidatedTokenCache,
  now = Date.now,
}: BearerTokenValidatorOptions): BearerTokenValidator => {
  // The keys are cached and refetched (rate-limited) when a `kid` is unknown, which is how
  // Entra's key rollover reaches us.
  const getKey = keys instanceof URL ? createRotatingKeySet(keys) : keys;
  const validate = validateFully({
    issuer,
    getKey,
    audiences,
    tenantId,
    spaClientId,
    requiredScope,
    clockToleranceSeconds,
  });
  if (cache.maxAgeMs <= 0 || cache.maxEntries <= 0) {
    return async (token) => (await validate(token)).user;
  }

  /**
   * Issue #19: a token that passed is kept until its `exp` or `maxAgeMs`, whichever comes
   * first, with the key that verified it. Keyed by the token itself, not a digest of it: the
   * user kept holds the token anyway (the on-behalf-of assertion), and a SHA-256 per request
   * was 2 % of the BFF's CPU where the map's own string hash costs next to nothing. A hit asks the key set for that
   * key again (a lookup, no RSA): if the JWKS was refetched since, or the `kid` is no longer
   * published (a withdrawn key: the key set refetches, rate-limited, as for any unknown kid),
   * the answer is another key or an error, and the token goes through full validation again.
   * Only successes are kept; a rejection is thrown before anything is stored.
   */
  const passed = new ExpiringLru<Validated>(cache.maxEntries, now);
  const keyStillCurrent = async ({ header, key }: Validated): Promise<boolean> => {
    try {
      return (await getKey(header, { payload: "", signature: "" })) === key;
    } catch {
      return false;
    }
  };
  return async (token) => {
    const hit = passed.get(token);
    if (hit !== undefined && (await keyStillCurrent(hit))) return hit.user;
    passed.delete(token);
    const validated = await validate(token);
    const exp = validated.user.claims.exp;
    if (typeof exp === "number") {
      passed.set(token, validated, Math.min(exp * 1000, now() + cache.maxAgeMs));
    }
    return validated.user;
  };
};

/**
 * How long a token that passed is taken on its hash (issue #19). Short, so a token is
 * re-verified (signature, key set freshness) at least once a minute whatever its lifetime.
 */
export const defaultValidatedTokenCache = { maxEntries: 2_000, maxAgeMs: 60_000 };

interface Validated {
  user: AuthenticatedUser;
  /** The token's protected header and the key it was verified with (see keyStillCurrent). */
  header: JWTHeaderParameters;
  key: unknown;
}

const validateFully = ({
  issuer,
  getKey,
  audiences,
  tenantId,
  spaClientId,
  requiredScope,
  clockToleranceSeconds,
}: {
  issuer: string;
  getKey: JWTVerifyGetKey;
  audiences: readonly string[];
  tenantId: string;
  spaClientId: string;
  requiredScope: string;
  clockToleranceSeconds: number;
}) => {
  return async (token: string): Promise<Validated> => {
    let claims: JWTPayload;
    let header: JWTHeaderParameters;
    let key: unknown;
    try {
      ({
        payload: claims,
        protectedHeader: header,
        key,
      } = await jwtVerify(token, getKey, {
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

    // One user object may now answer many requests (the cache above): nothing may change it.
    for (const value of Object.values(claims)) if (Array.isArray(value)) Object.freeze(value);
    Object.freeze(claims);
    const user = createAuthenticatedUser(
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
    return { user, header, key };
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
