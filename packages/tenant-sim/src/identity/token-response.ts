import type { JWTPayload } from "jose";
import { demoTenant } from "../seed/demo-tenant.js";
import type { SimulatorContext } from "../simulator-context.js";
import type { ClientKind } from "./client-authentication.js";
import { clientInfo } from "./client-info.js";
import { shapeApiAccessToken } from "./api-token-shape.js";
import type { Principal } from "./principal.js";
import {
  confidentialRefreshTokenLifetimeSeconds,
  spaRefreshTokenLifetimeSeconds,
} from "./refresh-token-store.js";
import type { RequestedClaims } from "./requested-claims.js";
import type { ResolvedScopes } from "./requested-scopes.js";
import { apiTokenLifetimeSeconds, graphTokenLifetimeSeconds } from "./token-issuer.js";

/** Entra's successful token response (v2 endpoint). */
export interface TokenResponse {
  token_type: "Bearer";
  scope: string;
  expires_in: number;
  ext_expires_in: number;
  access_token: string;
  refresh_token?: string;
  refresh_token_expires_in?: number;
  id_token?: string;
  client_info?: string;
}

export interface UserTokenResponseInput {
  clientKind: ClientKind;
  clientId: string;
  principal: Principal;
  scopes: ResolvedScopes;
  /** The raw scope request, kept with a refresh token for refreshes that name none. */
  scopeParam: string;
  /** Claims the access token carries (acrs, xms_cc) and the refresh token stays bound to. */
  claims: RequestedClaims;
  nonce: string | undefined;
  wantsClientInfo: boolean;
  /** A SPA refresh carries the first refresh token's fixed expiry over to the new one. */
  refreshTokenExpiresAt?: number;
}

/** Access token for the resource asked for, plus ID and refresh tokens when the scopes ask. */
export async function userTokenResponse(
  ctx: SimulatorContext,
  input: UserTokenResponseInput,
): Promise<TokenResponse> {
  const { principal, claims } = input;
  const common = { principal, acrs: claims.acrs, clientCapabilities: claims.clientCapabilities };
  const accessClaims: JWTPayload =
    input.scopes.resource === "api"
      ? shapeApiAccessToken(
          ctx.tokens.apiAccessTokenClaims({ ...common, azp: input.clientId }),
          ctx.scenario.get(),
          ctx.tenantId,
        )
      : ctx.tokens.graphAccessTokenClaims({
          ...common,
          appId: input.clientId,
          appDisplayName:
            input.clientKind === "spa" ? demoTenant.spa.displayName : demoTenant.api.displayName,
          scopes: input.scopes.granted,
        });
  const lifetime =
    input.scopes.resource === "api" ? apiTokenLifetimeSeconds : graphTokenLifetimeSeconds;
  const response: TokenResponse = {
    token_type: "Bearer",
    scope: input.scopes.responseScope,
    expires_in: lifetime,
    ext_expires_in: lifetime,
    access_token: await ctx.tokens.sign(accessClaims),
  };
  if (input.scopes.oidc.has("offline_access")) {
    const refreshLifetime =
      input.clientKind === "spa"
        ? spaRefreshTokenLifetimeSeconds
        : confidentialRefreshTokenLifetimeSeconds;
    const expiresAt = input.refreshTokenExpiresAt;
    response.refresh_token = ctx.refreshTokens.issue(
      { clientId: input.clientId, userId: principal.oid, scope: input.scopeParam, claims },
      refreshLifetime,
      expiresAt,
    );
    // Entra tells SPAs their refresh token's remaining fixed lifetime; MSAL browser stores it.
    if (input.clientKind === "spa") {
      response.refresh_token_expires_in =
        expiresAt === undefined
          ? refreshLifetime
          : Math.max(0, Math.floor((expiresAt - Date.now()) / 1000));
    }
  }
  if (input.scopes.oidc.has("openid")) {
    response.id_token = await ctx.tokens.sign(
      ctx.tokens.idTokenClaims({ principal, clientId: input.clientId, nonce: input.nonce }),
    );
  }
  if (input.wantsClientInfo) response.client_info = clientInfo(principal.oid, ctx.tenantId);
  return response;
}
