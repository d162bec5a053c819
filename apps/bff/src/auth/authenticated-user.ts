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
}

export const createAuthenticatedUser = (
  fields: Omit<AuthenticatedUser, "assertion">,
  assertion: string,
): AuthenticatedUser => {
  const user = { ...fields } as AuthenticatedUser;
  Object.defineProperty(user, "assertion", { value: assertion, enumerable: false });
  return Object.freeze(user);
};
