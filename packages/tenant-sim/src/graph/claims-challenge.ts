import type { RequestHandler } from "express";
import type { SimulatorContext } from "../simulator-context.js";
import { GraphError } from "./graph-error.js";
import { graphToken } from "./graph-request-context.js";

/** The authentication context the simulated Conditional Access policy demands. */
export const requiredAuthenticationContext = "c1";

export const claimsChallengeJson = JSON.stringify({
  access_token: { acrs: { essential: true, value: requiredAuthenticationContext } },
});

/**
 * Scenario `claimsChallenge`: Graph refuses tokens without acrs "c1" with a claims challenge,
 * as it does when a Conditional Access authentication context protects the data.
 * https://learn.microsoft.com/entra/identity-platform/claims-challenge
 */
export function claimsChallenge(ctx: SimulatorContext): RequestHandler {
  const header = `Bearer realm="", authorization_uri="${ctx.url}/${ctx.tenantId}/oauth2/v2.0/authorize", error="insufficient_claims", claims="${Buffer.from(claimsChallengeJson).toString("base64")}"`;
  return (req, _res, next) => {
    if (!ctx.scenario.get().claimsChallenge) {
      next();
      return;
    }
    const acrs = graphToken(req).claims.acrs;
    if (Array.isArray(acrs) && acrs.includes(requiredAuthenticationContext)) {
      next();
      return;
    }
    throw new GraphError(
      401,
      "InvalidAuthenticationToken",
      "Continuous access evaluation resulted in challenge with result: InteractionRequired and code: InsufficientAuthenticationContext",
      { "WWW-Authenticate": header },
    );
  };
}
