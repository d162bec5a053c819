import type { SimulatorContext } from "../../simulator-context.js";
import {
  clientKindOf,
  authenticateConfidentialClient,
  rejectCredentialsFromPublicClient,
} from "../client-authentication.js";
import { EntraError } from "../entra-error.js";
import { isValidCodeVerifier, verifiesS256 } from "../pkce.js";
import { principalFromUser } from "../principal.js";
import { mergeRequestedClaims, parseRequestedClaims } from "../requested-claims.js";
import { userTokenResponse, type TokenResponse } from "../token-response.js";
import {
  required,
  tokenEndpointOf,
  requireCrossOrigin,
  type GrantRequest,
} from "./grant-request.js";

/** grant_type=authorization_code with PKCE, redeemed by the SPA (a public client). */
export async function authorizationCodeGrant(
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
  const code = required(request, "code");
  const redirectUri = required(request, "redirect_uri");
  const verifier = required(request, "code_verifier");
  const requestedClaims = parseRequestedClaims(request.params.get("claims"));

  const redeemed = ctx.codes.redeem(code);
  switch (redeemed.status) {
    case "unknown":
      throw invalidGrant(9002313, "Invalid request. The authorization code is not valid.");
    case "redeemed":
      throw invalidGrant(
        54005,
        "OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.",
      );
    case "expired":
      throw invalidGrant(
        70008,
        "The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.",
      );
    case "ok":
      break;
  }
  const grant = redeemed.grant;
  if (grant.clientId !== clientId) {
    throw invalidGrant(70000, "The authorization code was issued to a different client.");
  }
  if (grant.redirectUri !== redirectUri) {
    throw invalidGrant(
      50011,
      `The redirect URI '${redirectUri}' does not match the redirect URI used to obtain the authorization code.`,
    );
  }
  if (!isValidCodeVerifier(verifier) || !verifiesS256(verifier, grant.codeChallenge)) {
    throw invalidGrant(
      501481,
      "The Code_Verifier does not match the code_challenge supplied in the authorization request.",
    );
  }
  const user = ctx.store.findUser(grant.userId);
  if (user === undefined)
    throw invalidGrant(50034, "The user account does not exist in the directory.");
  return userTokenResponse(ctx, {
    clientKind,
    clientId,
    principal: principalFromUser(user),
    scopes: grant.scopes,
    scopeParam: grant.scopeParam,
    claims: mergeRequestedClaims(grant.claims, requestedClaims),
    nonce: grant.nonce,
    wantsClientInfo: request.params.get("client_info") === "1",
  });
}

function invalidGrant(aadsts: number, description: string): EntraError {
  return new EntraError("invalid_grant", aadsts, description);
}
