import type { SimulatorContext } from "../../simulator-context.js";
import {
  authenticateConfidentialClient,
  clientKindOf,
  rejectCredentialsFromPublicClient,
} from "../client-authentication.js";
import { EntraError } from "../entra-error.js";
import { principalFromUser } from "../principal.js";
import { spaRefreshTokenLifetimeSeconds } from "../refresh-token-store.js";
import { mergeRequestedClaims, parseRequestedClaims } from "../requested-claims.js";
import { resolveScopes } from "../requested-scopes.js";
import { userTokenResponse, type TokenResponse } from "../token-response.js";
import {
  required,
  tokenEndpointOf,
  requireCrossOrigin,
  type GrantRequest,
} from "./grant-request.js";

/**
 * grant_type=refresh_token. A new refresh token is returned; the presented one keeps working
 * (Entra does not revoke it). A SPA's new token keeps the family's fixed 24-hour expiry.
 * Claims already satisfied (acrs after a step-up) stay with the new token; a `claims`
 * parameter adds to them, which is how MSAL's silent renewal answers a claims challenge.
 */
export async function refreshTokenGrant(
  ctx: SimulatorContext,
  request: GrantRequest,
): Promise<TokenResponse> {
  const clientId = required(request, "client_id").toLowerCase();
  const clientKind = clientKindOf(clientId);
  if (clientKind === "spa") {
    rejectCredentialsFromPublicClient(request.params, request.authorization);
    requireCrossOrigin(request);
  } else {
    await authenticateConfidentialClient(
      request.params,
      request.authorization,
      tokenEndpointOf(ctx),
      ctx.workloadIssuer,
    );
  }
  const presented = required(request, "refresh_token");
  // Parse everything that can fail before the token is spent.
  const explicitScope = request.params.get("scope");
  const explicitScopes =
    explicitScope === undefined ? undefined : resolveScopes(explicitScope, clientKind);
  const requestedClaims = parseRequestedClaims(request.params.get("claims"));
  const grant = ctx.refreshTokens.redeem(presented, clientId);
  if (grant === undefined) {
    throw new EntraError(
      "invalid_grant",
      9002313,
      "Invalid request. The refresh token is not valid.",
    );
  }
  if (grant === "wrong-client") {
    throw new EntraError(
      "invalid_grant",
      70000,
      "Provided grant is invalid or malformed: the refresh token was issued to a different client.",
    );
  }
  if (grant === "expired") {
    throw clientKind === "spa"
      ? new EntraError(
          "invalid_grant",
          700084,
          `The refresh token was issued to a single page app (SPA), and therefore has a fixed, limited lifetime of ${spaRefreshTokenLifetimeSeconds / 3600} hours, which cannot be extended. It is now expired and a new sign in request must be sent by the SPA to the sign in page.`,
        )
      : new EntraError(
          "invalid_grant",
          70008,
          "The provided authorization code or refresh token has expired due to inactivity.",
        );
  }
  const user = ctx.store.findUser(grant.userId);
  if (user === undefined) {
    throw new EntraError(
      "invalid_grant",
      50034,
      "The user account does not exist in the directory.",
    );
  }
  return userTokenResponse(ctx, {
    clientKind,
    clientId,
    principal: principalFromUser(user),
    scopes: explicitScopes ?? resolveScopes(grant.scope, clientKind),
    scopeParam: explicitScope ?? grant.scope,
    claims: mergeRequestedClaims(grant.claims, requestedClaims),
    nonce: undefined,
    wantsClientInfo: request.params.get("client_info") === "1",
    ...(clientKind === "spa" ? { refreshTokenExpiresAt: grant.expiresAt } : {}),
  });
}
