import { opaqueValue } from "./opaque-value.js";
import type { RequestedClaims } from "./requested-claims.js";
import type { ResolvedScopes } from "./requested-scopes.js";

export const authCodeLifetimeMs = 5 * 60 * 1000;

/** Everything an authorization code is bound to, checked again when it is redeemed. */
export interface AuthCodeGrant {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  nonce: string | undefined;
  userId: string;
  scopes: ResolvedScopes;
  scopeParam: string;
  claims: RequestedClaims;
}

interface StoredCode extends AuthCodeGrant {
  expiresAt: number;
}

export type RedeemResult =
  | { status: "ok"; grant: AuthCodeGrant }
  | { status: "unknown" }
  | { status: "redeemed" }
  | { status: "expired" };

/**
 * Single-use authorization codes held in memory. A code is spent on its first presentation,
 * whether or not the rest of the request checks out, so a leaked code cannot be retried.
 */
export class AuthCodeStore {
  private readonly codes = new Map<string, StoredCode>();
  private readonly spent = new Set<string>();

  issue(grant: AuthCodeGrant): string {
    this.sweep();
    const code = `1.${opaqueValue(48)}`;
    this.codes.set(code, { ...grant, expiresAt: Date.now() + authCodeLifetimeMs });
    return code;
  }

  redeem(code: string): RedeemResult {
    const stored = this.codes.get(code);
    if (stored === undefined)
      return this.spent.has(code) ? { status: "redeemed" } : { status: "unknown" };
    this.codes.delete(code);
    this.spent.add(code);
    if (stored.expiresAt <= Date.now()) return { status: "expired" };
    const { expiresAt: _expiresAt, ...grant } = stored;
    return { status: "ok", grant };
  }

  private sweep(): void {
    const now = Date.now();
    for (const [code, stored] of this.codes) {
      if (stored.expiresAt <= now) {
        this.codes.delete(code);
        this.spent.add(code);
      }
    }
    // Remembering spent codes is only for a clearer error; bound the memory it takes.
    if (this.spent.size > 10_000) this.spent.clear();
  }
}
