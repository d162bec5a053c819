import { opaqueValue } from "./opaque-value.js";
import type { RequestedClaims } from "./requested-claims.js";

/** Entra gives SPAs 24-hour refresh tokens; other clients 90 days. */
export const spaRefreshTokenLifetimeSeconds = 24 * 60 * 60;
export const confidentialRefreshTokenLifetimeSeconds = 90 * 24 * 60 * 60;

export interface RefreshTokenGrant {
  clientId: string;
  userId: string;
  /** The scope first asked for, used when a refresh request names none. */
  scope: string;
  /** Claims already satisfied when the token was issued (acrs, client capabilities). */
  claims: RequestedClaims;
}

interface StoredRefreshToken extends RefreshTokenGrant {
  expiresAt: number;
}

/** What a redeemed refresh token was bound to, and when its family stops working. */
export interface RedeemedRefreshToken extends RefreshTokenGrant {
  expiresAt: number;
}

/**
 * Opaque refresh tokens, bound to client and user. Like Entra, redeeming one returns a fresh
 * token but does not revoke the presented one ("The Microsoft identity platform doesn't revoke
 * old refresh tokens when used to fetch new access tokens"): two tabs or two concurrent silent
 * renewals holding the same token both succeed. A SPA's later tokens keep the first one's
 * fixed expiry (see `issue`'s `expiresAt`).
 */
export class RefreshTokenStore {
  private readonly tokens = new Map<string, StoredRefreshToken>();

  /** A new token living `lifetimeSeconds`, or until `expiresAt` when a family carries it over. */
  issue(grant: RefreshTokenGrant, lifetimeSeconds: number, expiresAt?: number): string {
    const token = `0.${opaqueValue(64)}`;
    this.tokens.set(token, {
      ...grant,
      expiresAt: expiresAt ?? Date.now() + lifetimeSeconds * 1000,
    });
    return token;
  }

  /**
   * What the token is bound to. A token presented by another client is refused; an expired one
   * is forgotten.
   */
  redeem(
    token: string,
    clientId: string,
  ): RedeemedRefreshToken | "expired" | "wrong-client" | undefined {
    const stored = this.tokens.get(token);
    if (stored === undefined) return undefined;
    if (stored.clientId !== clientId) return "wrong-client";
    if (stored.expiresAt <= Date.now()) {
      this.tokens.delete(token);
      return "expired";
    }
    return { ...stored };
  }
}
