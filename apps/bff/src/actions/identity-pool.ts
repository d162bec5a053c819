import type { AuthenticatedUser } from "../auth/authenticated-user.js";

/**
 * Background work (a revoke watcher) reads Graph on behalf of a user, and on-behalf-of needs
 * that user's current token for our API. The pool keeps the freshest token of each user who
 * may read the console; a watcher uses the action's actor when they are here, else anyone who
 * is. After a restart the watchers wait until somebody opens the console (DESIGN §6.4).
 */
export class IdentityPool {
  private readonly users = new Map<string, AuthenticatedUser>();

  constructor(private readonly maxUsers = 1000) {}

  offer(user: AuthenticatedUser): void {
    const known = this.users.get(user.oid);
    if (known && expiresAt(known) >= expiresAt(user)) return;
    this.users.delete(user.oid);
    this.users.set(user.oid, user);
    if (this.users.size > this.maxUsers) {
      const oldest = this.users.keys().next().value;
      if (oldest !== undefined) this.users.delete(oldest);
    }
  }

  /**
   * This user, if their token is still good for a minute. Writes in the background (a bulk
   * revoke) go only as the agent who asked, never as whoever else is signed in.
   */
  get(oid: string, now = Date.now()): AuthenticatedUser | undefined {
    const user = this.users.get(oid);
    return user !== undefined && expiresAt(user) > now + 60_000 ? user : undefined;
  }

  /** A user whose token is still good for a minute: the preferred one, else the freshest. */
  pick(preferredOid?: string, now = Date.now()): AuthenticatedUser | undefined {
    const usable = (u: AuthenticatedUser | undefined) =>
      u !== undefined && expiresAt(u) > now + 60_000 ? u : undefined;
    const preferred = usable(preferredOid === undefined ? undefined : this.users.get(preferredOid));
    if (preferred) return preferred;
    let best: AuthenticatedUser | undefined;
    for (const user of this.users.values()) {
      if (usable(user) && (!best || expiresAt(user) > expiresAt(best))) best = user;
    }
    return best;
  }
}

const expiresAt = (user: AuthenticatedUser): number => (user.claims.exp ?? 0) * 1000;
