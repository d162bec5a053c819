import { createHash } from "node:crypto";
import type { JWTPayload } from "jose";

/** The caller, as established from a validated access token for our API. */
export interface AuthenticatedUser {
  /** Object id: the user's stable id in the tenant (`oid`). */
  readonly oid: string;
  readonly tid: string;
  readonly name: string | undefined;
  readonly username: string | undefined;
  /** App roles as issued (`roles`), unknown ones included. */
  readonly roles: readonly string[];
  /** Delegated scopes (`scp`, space-separated in the token). */
  readonly scopes: readonly string[];
  readonly claims: Readonly<JWTPayload>;
  /**
   * The claims request (JSON) the SPA satisfied when it re-acquired this token after a claims
   * challenge (`X-Claims-Challenge`), passed on to the on-behalf-of request. Undefined otherwise.
   */
  readonly claimsRequest?: string | undefined;
  /**
   * The raw bearer token, needed as the on-behalf-of assertion. Non-enumerable, so logging or
   * serialising the user can never include it.
   */
  readonly assertion: string;
  /**
   * SHA-256 of the assertion, base64url without padding (msal-node's `userAssertionHash` of
   * an on-behalf-of assertion is the same): the on-behalf-of memo's key. Computed on first use
   * and kept with the user, so a user object the validated-token cache answers many requests
   * with hashes its token once, not once per request (issue #19). Non-enumerable, like the
   * assertion.
   */
  readonly assertionHash: string;
}

/** base64url SHA-256 of a bearer token. */
const tokenHash = (token: string): string => createHash("sha256").update(token).digest("base64url");

export const createAuthenticatedUser = (
  fields: Omit<AuthenticatedUser, "assertion" | "assertionHash">,
  assertion: string,
  assertionHash?: string,
): AuthenticatedUser => {
  // One user object may answer many requests (the validated-token cache): nothing in it may
  // change, and frozen roles let permissionsFor keep its answer.
  const user = {
    ...fields,
    roles: Object.freeze([...fields.roles]),
    scopes: Object.freeze([...fields.scopes]),
  } as AuthenticatedUser;
  let hash = assertionHash;
  Object.defineProperties(user, {
    assertion: { value: assertion, enumerable: false },
    assertionHash: { get: () => (hash ??= tokenHash(assertion)), enumerable: false },
  });
  return Object.freeze(user);
};
