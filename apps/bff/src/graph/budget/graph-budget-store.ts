/** What a budget answered: granted, or refused with how long until the cost would fit. */
export type BudgetDecision =
  | { granted: true; remaining: number }
  | { granted: false; remaining: number; retryAfterMs: number };

export interface GraphBudgetLimits {
  /** Graph calls one key may spend per window; also the most it can save up. */
  budget: number;
  windowMs: number;
}

/**
 * Per-key Graph budgets (a key is a user's oid). In memory by default, so each BFF instance
 * counts alone; behind this interface a store shared by the cluster (Redis, like the write
 * budget of issue #13) can replace it without touching its callers (ADR 0024). Asynchronous for
 * that reason.
 */
export interface GraphBudgetStore {
  /** Takes `cost` from `key`'s budget if it is all there; takes nothing otherwise. */
  take(key: string, cost: number): Promise<BudgetDecision>;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * A token bucket per key: `budget` tokens, refilled continuously at budget per window, so a
 * refusal can say exactly when the cost fits again (Retry-After) and nobody waits for a
 * window boundary. Buckets that are full again are forgotten.
 */
export class InMemoryGraphBudgetStore implements GraphBudgetStore {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;

  constructor(
    private readonly limits: GraphBudgetLimits,
    private readonly now: () => number = Date.now,
  ) {
    this.perMs = limits.budget / limits.windowMs;
  }

  take(key: string, cost: number): Promise<BudgetDecision> {
    const now = this.now();
    this.forgetFull(now);
    const bucket = this.buckets.get(key) ?? { tokens: this.limits.budget, updatedAt: now };
    bucket.tokens = Math.min(
      this.limits.budget,
      bucket.tokens + (now - bucket.updatedAt) * this.perMs,
    );
    bucket.updatedAt = now;
    this.buckets.set(key, bucket);
    // A cost above the whole budget could never fit: it is charged as the whole budget.
    const charge = Math.min(cost, this.limits.budget);
    if (bucket.tokens >= charge) {
      bucket.tokens -= charge;
      return Promise.resolve({ granted: true, remaining: Math.floor(bucket.tokens) });
    }
    return Promise.resolve({
      granted: false,
      remaining: Math.floor(bucket.tokens),
      retryAfterMs: Math.ceil((charge - bucket.tokens) / this.perMs),
    });
  }

  private forgetFull(now: number): void {
    if (this.buckets.size < 1000) return;
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.updatedAt) * this.perMs >= this.limits.budget) {
        this.buckets.delete(key);
      }
    }
  }
}
