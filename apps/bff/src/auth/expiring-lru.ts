/**
 * A bounded map whose entries expire: at most `maxEntries` (the least recently used goes
 * first) and each one only until its own `validUntil` (epoch ms). The validated-token cache and
 * the on-behalf-of token memo (issue #19) keep their per-request shortcuts here, so neither can
 * grow with the number of callers nor serve anything past its lifetime.
 */
export class ExpiringLru<V> {
  private readonly entries = new Map<string, { value: V; validUntil: number }>();

  constructor(
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The value while it is valid (and it becomes the most recently used); else undefined. */
  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    this.entries.delete(key);
    if (this.now() >= entry.validUntil) return undefined;
    this.entries.set(key, entry); // Map order is the LRU order
    return entry.value;
  }

  set(key: string, value: V, validUntil: number): void {
    this.entries.delete(key);
    if (this.now() >= validUntil) return;
    this.entries.set(key, { value, validUntil });
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.entries.delete(oldest);
    }
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
