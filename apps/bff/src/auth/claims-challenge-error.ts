/**
 * Entra ID or Graph wants a token with more claims (Conditional Access, CAE). The SPA gets a
 * 401 with `WWW-Authenticate: Bearer error="insufficient_claims", claims="<base64>"` and
 * re-acquires its token with those claims.
 * https://learn.microsoft.com/entra/identity-platform/claims-challenge
 */
export class ClaimsChallengeError extends Error {
  override readonly name = "ClaimsChallengeError";
  constructor(
    /** The claims request as JSON text (decoded), or undefined when none was given. */
    readonly claims: string | undefined,
    readonly source: "graph" | "token-service",
    options?: ErrorOptions,
  ) {
    super("Sign in again to satisfy an access policy.", options);
  }

  /** The value of the WWW-Authenticate header the SPA receives. */
  get wwwAuthenticate(): string {
    return this.claims === undefined
      ? 'Bearer error="interaction_required"'
      : `Bearer error="insufficient_claims", claims="${Buffer.from(this.claims).toString("base64")}"`;
  }
}
