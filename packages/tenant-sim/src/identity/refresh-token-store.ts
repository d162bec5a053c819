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

/**
 * Opaque refresh tokens, bound to client and user. Each use rotates it: the presented token
 * stops working, which makes a replayed token visible as an error.
 */
export class RefreshTokenStore {
  private readonly tokens = new Map<string, StoredRefreshToken>();

  issue(grant: RefreshTokenGrant, lifetimeSeconds: number): string {
    const token = `0.${opaqueValue(64)}`;
    this.tokens.set(token, { ...grant, expiresAt: Date.now() + lifetimeSeconds * 1000 });
    return token;
  }

  /**
   * Takes the token out of circulation and returns what it was bound to. A token presented by
   * another client is left alone: that client cannot burn a token it does not own.
   */
  consume(
    token: string,
    clientId: string,
  ): RefreshTokenGrant | "expired" | "wrong-client" | undefined {
    const stored = this.tokens.get(token);
    if (stored === undefined) return undefined;
    if (stored.clientId !== clientId) return "wrong-client";
    this.tokens.delete(token);
    if (stored.expiresAt <= Date.now()) return "expired";
    const { expiresAt: _expiresAt, ...grant } = stored;
    return grant;
  }
}
