import type { Request, RequestHandler } from "express";
import { createAuthenticatedUser, type AuthenticatedUser } from "./authenticated-user.js";
import { CLAIMS_CHALLENGE_HEADER, claimsRequestFrom } from "./claims-request-header.js";
import { bearerTokenFrom, type BearerTokenValidator } from "./validate-bearer-token.js";

// Keyed by the request object: typed, and nothing to clean up when the request is gone.
const users = new WeakMap<Request, AuthenticatedUser>();

/**
 * Requires a valid bearer token for our API; later handlers read the caller with `userOf`.
 * A claims request the SPA sends back after a challenge travels with the caller to the
 * on-behalf-of request.
 */
export const authenticate =
  (validate: BearerTokenValidator): RequestHandler =>
  async (req, _res, next) => {
    const user = await validate(bearerTokenFrom(req.headers.authorization));
    const claimsRequest = claimsRequestFrom(req.get(CLAIMS_CHALLENGE_HEADER));
    users.set(
      req,
      claimsRequest === undefined
        ? user
        : createAuthenticatedUser({ ...user, claimsRequest }, user.assertion, user.assertionHash),
    );
    next();
  };

/** The caller of a request that passed `authenticate`. */
export const userOf = (req: Request): AuthenticatedUser => {
  const user = users.get(req);
  if (user === undefined) throw new Error("userOf() called on a route without authenticate().");
  return user;
};
