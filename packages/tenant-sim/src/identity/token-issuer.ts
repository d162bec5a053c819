import type { JWTPayload } from "jose";
import { demoTenant } from "../seed/demo-tenant.js";
import type { KeyStore, SignOptions } from "./key-store.js";
import { opaqueValue, sha256Base64Url } from "./opaque-value.js";
import type { Principal } from "./principal.js";

/** Entra gives access tokens 60-90 minutes; the simulator uses fixed values so tests can rely. */
export const apiTokenLifetimeSeconds = 3600;
export const graphTokenLifetimeSeconds = 4500;
export const idTokenLifetimeSeconds = 3600;

export interface TokenIssuerOptions {
  tenantId: string;
  /** v2 issuer: `${url}/${tenantId}/v2.0` (what the metadata document advertises). */
  issuer: string;
  /** v1 issuer, the shape of `https://sts.windows.net/{tid}/`, which Graph's v1 tokens carry. */
  v1Issuer: string;
  keys: KeyStore;
}

export interface ConditionalAccessClaims {
  /** Satisfied authentication contexts, e.g. ["c1"]; omitted from the token when empty. */
  acrs: readonly string[];
  /** Client capabilities the client declared (e.g. ["CP1"]) → `xms_cc`; omitted when empty. */
  clientCapabilities: readonly string[];
}

export interface ApiAccessTokenInput extends ConditionalAccessClaims {
  principal: Principal;
  /** The client the token was issued to (the SPA). */
  azp: string;
}

export interface GraphAccessTokenInput extends ConditionalAccessClaims {
  principal: Principal;
  appId: string;
  appDisplayName: string;
  scopes: readonly string[];
}

export interface IdTokenInput {
  principal: Principal;
  clientId: string;
  nonce: string | undefined;
}

/**
 * Builds the claim sets Entra ID puts in its tokens and signs them with the tenant key. Claim
 * names and order follow Entra's access token reference:
 * https://learn.microsoft.com/entra/identity-platform/access-token-claims-reference
 */
export class TokenIssuer {
  constructor(private readonly options: TokenIssuerOptions) {}

  get issuer(): string {
    return this.options.issuer;
  }

  get v1Issuer(): string {
    return this.options.v1Issuer;
  }

  /** A v2 access token for the BFF's API, as the SPA receives it. */
  apiAccessTokenClaims(input: ApiAccessTokenInput): JWTPayload {
    const now = nowSeconds();
    const { principal } = input;
    return {
      aud: demoTenant.api.clientId,
      iss: this.options.issuer,
      iat: now,
      nbf: now,
      exp: now + apiTokenLifetimeSeconds,
      ...optionalList("acrs", input.acrs),
      aio: opaqueValue(24),
      azp: input.azp,
      azpacr: "0",
      name: principal.name,
      oid: principal.oid,
      preferred_username: principal.upn,
      rh: refreshHint(),
      ...optionalList("roles", principal.roles),
      scp: demoTenant.api.scope,
      sub: pairwiseSubject(principal.oid, demoTenant.api.clientId),
      tid: this.options.tenantId,
      uti: opaqueValue(16),
      ver: "2.0",
      ...optionalList("xms_cc", input.clientCapabilities),
    };
  }

  /** A v1 access token for Microsoft Graph, the kind Graph issues to delegated callers. */
  graphAccessTokenClaims(input: GraphAccessTokenInput): JWTPayload {
    const now = nowSeconds();
    const { principal } = input;
    return {
      aud: demoTenant.graph.audience,
      iss: this.options.v1Issuer,
      iat: now,
      nbf: now,
      exp: now + graphTokenLifetimeSeconds,
      acct: 0,
      acr: "1",
      ...optionalList("acrs", input.acrs),
      aio: opaqueValue(24),
      amr: ["pwd"],
      app_displayname: input.appDisplayName,
      appid: input.appId,
      appidacr: input.appId === demoTenant.spa.clientId ? "0" : "1",
      // Graph's v1 tokens name the client in `appid`; `azp` is added for v2-minded readers.
      azp: input.appId,
      ...(principal.surname === undefined ? {} : { family_name: principal.surname }),
      ...(principal.givenName === undefined ? {} : { given_name: principal.givenName }),
      idtyp: "user",
      ipaddr: "127.0.0.1",
      name: principal.name,
      oid: principal.oid,
      rh: refreshHint(),
      scp: input.scopes.join(" "),
      sub: pairwiseSubject(principal.oid, demoTenant.graph.appId),
      tid: this.options.tenantId,
      unique_name: principal.upn,
      upn: principal.upn,
      uti: opaqueValue(16),
      ver: "1.0",
      ...optionalList("xms_cc", input.clientCapabilities),
    };
  }

  /**
   * The SPA's ID token. It deliberately has no `login_hint` or `sid` claim: MSAL would then send
   * those opaque values as hints, and the simulator's silent sign-in keys on the UPN instead.
   */
  idTokenClaims(input: IdTokenInput): JWTPayload {
    const now = nowSeconds();
    const { principal } = input;
    return {
      aud: input.clientId,
      iss: this.options.issuer,
      iat: now,
      nbf: now,
      exp: now + idTokenLifetimeSeconds,
      aio: opaqueValue(24),
      name: principal.name,
      ...(input.nonce === undefined ? {} : { nonce: input.nonce }),
      oid: principal.oid,
      preferred_username: principal.upn,
      rh: refreshHint(),
      sub: pairwiseSubject(principal.oid, input.clientId),
      tid: this.options.tenantId,
      uti: opaqueValue(16),
      ver: "2.0",
    };
  }

  sign(payload: JWTPayload, options?: SignOptions): Promise<string> {
    return this.options.keys.sign(payload, options);
  }
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** Entra's `sub` is pairwise: stable per user and app, different between apps. */
export function pairwiseSubject(oid: string, appId: string): string {
  return sha256Base64Url(`${oid}|${appId}`).slice(0, 43);
}

function refreshHint(): string {
  return `0.${opaqueValue(48)}.`;
}

/** Entra omits list claims such as `roles` when they would be empty. */
function optionalList(name: string, values: readonly string[]): Record<string, string[]> {
  return values.length === 0 ? {} : { [name]: [...values] };
}
