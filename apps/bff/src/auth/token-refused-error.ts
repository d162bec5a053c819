/**
 * A token that is genuine (our tenant's signature, our audience) but that the API refuses
 * because of how an app registration is set up. Unlike AuthenticationError, whose reason stays
 * in the log, the detail here is sent: it names the setting an administrator must change, and
 * it reveals nothing a holder of such a token could not read from the token itself.
 */
export class TokenRefusedError extends Error {
  override readonly name = "TokenRefusedError";
  constructor(
    readonly code: "accessTokenVersion1" | "tokenForAnotherClient",
    detail: string,
  ) {
    super(detail);
  }
}
