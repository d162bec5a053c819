interface Entry {
  value: unknown;
  expiresAt: number;
}

/**
 * Expensive views (a user's VPP licenses: about 22 Graph reads) kept per caller for a short
 * time (VIEW_CACHE_SECONDS), so opening the same screen again costs no Graph call (ADR 0024).
 * Per caller, so one person never sees what another's rights produced. `invalidateUser` drops
 * everything of one caller: it is called on each of their action events, so their own revoke
 * is never answered from a view read before it. A load that began before an invalidation is
 * not kept.
 */
export class PerUserViewCache {
  private readonly entries = new Map<string, Map<string, Entry>>();
  private readonly generations = new Map<string, number>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async getOrLoad<T>(oid: string, key: string, load: () => Promise<T>): Promise<T> {
    if (this.ttlMs <= 0) return load();
    const now = this.now();
    const cached = this.entries.get(oid)?.get(key);
    if (cached !== undefined && cached.expiresAt > now) return cached.value as T;
    const generation = this.generations.get(oid) ?? 0;
    const value = await load();
    if ((this.generations.get(oid) ?? 0) === generation) {
      const mine = this.entries.get(oid) ?? new Map<string, Entry>();
      for (const [k, entry] of mine) if (entry.expiresAt <= now) mine.delete(k);
      mine.set(key, { value, expiresAt: this.now() + this.ttlMs });
      this.entries.set(oid, mine);
    }
    return value;
  }

  invalidateUser(oid: string): void {
    this.entries.delete(oid);
    this.generations.set(oid, (this.generations.get(oid) ?? 0) + 1);
  }
}
