import type { Request, RequestHandler } from "express";
import type { AuthenticatedUser } from "./authenticated-user.js";
import { bearerTokenFrom, type BearerTokenValidator } from "./validate-bearer-token.js";

// Keyed by the request object: typed, and nothing to clean up when the request is gone.
const users = new WeakMap<Request, AuthenticatedUser>();

/** Requires a valid bearer token for our API; later handlers read the caller with `userOf`. */
export const authenticate =
  (validate: BearerTokenValidator): RequestHandler =>
  async (req, _res, next) => {
    const user = await validate(bearerTokenFrom(req.headers.authorization));
    users.set(req, user);
    next();
  };

/** The caller of a request that passed `authenticate`. */
export const userOf = (req: Request): AuthenticatedUser => {
  const user = users.get(req);
  if (user === undefined) throw new Error("userOf() called on a route without authenticate().");
  return user;
};
