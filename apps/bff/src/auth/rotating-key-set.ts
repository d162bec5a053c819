import { createRemoteJWKSet, errors as joseErrors, type JWTVerifyGetKey } from "jose";

export interface RotatingKeySetOptions {
  /** At most one forced refetch this often, however many unknown `kid`s arrive. */
  minRefetchIntervalMs?: number;
  now?: () => number;
}

/**
 * The tenant's JWKS, refetched when a token names a `kid` we do not hold. jose's remote key set
 * does this too, but not within 30 s of its last fetch (`cooldownDuration`), so a token signed
 * right after Entra rolled its key would be refused for up to 30 s. Here an unknown `kid`
 * reloads the set at once, at most once per `minRefetchIntervalMs` (our own rate limit, so a
 * stream of made-up `kid`s cannot turn into a stream of JWKS fetches), and the token is tried
 * once more. https://learn.microsoft.com/entra/identity-platform/signing-key-rollover
 */
export const createRotatingKeySet = (
  url: URL,
  { minRefetchIntervalMs = 1_000, now = Date.now }: RotatingKeySetOptions = {},
): JWTVerifyGetKey => {
  const jwks = createRemoteJWKSet(url);
  let lastForcedAt = Number.NEGATIVE_INFINITY;

  return async (header, token) => {
    try {
      return await jwks(header, token);
    } catch (error) {
      if (!(error instanceof joseErrors.JWKSNoMatchingKey)) throw error;
      if (now() - lastForcedAt < minRefetchIntervalMs) throw error;
      lastForcedAt = now();
      await jwks.reload();
      return jwks(header, token);
    }
  };
};
