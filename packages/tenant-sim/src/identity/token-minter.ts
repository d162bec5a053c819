import type { JWTPayload } from "jose";
import type { MintTokenOptions } from "../control/mint-token-options.js";
import { appServicePrincipals } from "../seed/app-service-principals.js";
import { demoAccounts, demoTenant } from "../seed/demo-tenant.js";
import type { SimulatorContext } from "../simulator-context.js";
import { shapeApiAccessToken } from "./api-token-shape.js";
import { principalFromUser, type Principal } from "./principal.js";
import { nowSeconds } from "./token-issuer.js";

/** The options named an account the tenant does not have. */
export class UnknownAccountError extends Error {
  constructor(account: string) {
    super(`No demo account key or user principal name '${account}' in the tenant`);
    this.name = "UnknownAccountError";
  }
}

/** Claims an app-only token does not have, because no user is involved. */
const userClaims = [
  "name",
  "preferred_username",
  "upn",
  "unique_name",
  "given_name",
  "family_name",
  "amr",
  "scp",
];

/**
 * Builds a token from the same claim sets the token endpoint issues, then applies the test's
 * changes. Defaults give a valid token; each option breaks exactly one thing.
 */
export async function mintToken(ctx: SimulatorContext, options: MintTokenOptions): Promise<string> {
  const principal = resolveAccount(ctx, options.account ?? "agent");
  const audience = options.audience ?? "api";
  const tenantId = options.tenantId ?? ctx.tenantId;
  const claims = baseClaims(ctx, audience, principal);

  claims.tid = tenantId;
  claims.iss =
    options.issuer ??
    (audience === "graph" ? `${ctx.url}/${tenantId}/` : `${ctx.url}/${tenantId}/v2.0`);

  if (options.appOnly === true) {
    for (const name of userClaims) Reflect.deleteProperty(claims, name);
    claims.idtyp = "app";
    claims.oid = appServicePrincipals.api;
    claims.sub = appServicePrincipals.api;
    claims.azpacr = "1";
    if (options.roles === undefined) delete claims.roles;
  }
  if (options.scopes !== undefined) {
    if (options.scopes.length === 0) delete claims.scp;
    else claims.scp = options.scopes.join(" ");
  }
  if (options.roles !== undefined) {
    if (options.roles.length === 0) delete claims.roles;
    else claims.roles = [...options.roles];
  }

  const now = nowSeconds();
  const lifetime = options.lifetimeSeconds ?? 3600;
  claims.exp = now + lifetime;
  // An expired token was issued an hour before it expired, as a real one would have been.
  claims.iat = lifetime > 0 ? now : claims.exp - 3600;
  claims.nbf =
    options.notBeforeOffsetSeconds === undefined
      ? claims.iat
      : now + options.notBeforeOffsetSeconds;

  // The scenario's registration mistakes (v1 tokens, another client) shape minted API tokens
  // as they shape those the token endpoint issues.
  const shaped =
    audience === "api" && options.issuer === undefined
      ? shapeApiAccessToken(claims, ctx.scenario.get(), tenantId)
      : claims;
  for (const name of Object.keys(claims))
    if (!(name in shaped)) Reflect.deleteProperty(claims, name);
  Object.assign(claims, shaped, options.claims);
  for (const name of options.removeClaims ?? []) Reflect.deleteProperty(claims, name);

  return ctx.tokens.sign(claims, {
    ...(options.signWith === undefined ? {} : { signWith: options.signWith }),
    ...(options.kid === undefined ? {} : { kid: options.kid }),
  });
}

function baseClaims(ctx: SimulatorContext, audience: string, principal: Principal): JWTPayload {
  const noConditionalAccess = { acrs: [], clientCapabilities: [] };
  switch (audience) {
    case "graph":
      return ctx.tokens.graphAccessTokenClaims({
        ...noConditionalAccess,
        principal: { ...principal, roles: [] },
        appId: demoTenant.api.clientId,
        appDisplayName: demoTenant.api.displayName,
        scopes: demoTenant.api.graphScopes,
      });
    case "spa-id-token":
      return ctx.tokens.idTokenClaims({
        principal,
        clientId: demoTenant.spa.clientId,
        nonce: undefined,
      });
    default: {
      const claims = ctx.tokens.apiAccessTokenClaims({
        ...noConditionalAccess,
        principal,
        azp: demoTenant.spa.clientId,
      });
      if (audience !== "api") claims.aud = audience;
      return claims;
    }
  }
}

function resolveAccount(ctx: SimulatorContext, account: string): Principal {
  const demo = demoAccounts.find((a) => a.key === account);
  const user = ctx.store.findUser(demo?.id ?? account);
  if (user === undefined) throw new UnknownAccountError(account);
  return principalFromUser(user);
}
