export interface WriteBudgetOptions {
  /** Writes Graph allows in one window (Intune's applications service: 100 per app per tenant). */
  writes: number;
  windowMs: number;
  /** Added to each token's return time, for clock granularity. */
  marginMs?: number;
  now?: () => number;
}

/** Writes taken from the budget and now on their way to Graph. */
export interface WriteReservation {
  readonly count: number;
  /**
   * Graph has answered (or the call failed): the writes count from now, for one window, except
   * `unused` ones Graph did not count (answered 429, or never sent), which come back at once.
   */
  settle(unused?: number): void;
}

/** When `count` writes could go, and why not now. */
export interface NextTurn {
  reason: "throttled" | "writeBudget";
  at: number;
}

/**
 * Graph's write limit as the bulk queue and single app revokes see it: in-process
 * (`WriteBudget`), or shared by every instance through Redis (cluster/redis-write-budget.ts,
 * ADR 0020) — Intune counts per app per tenant, however many instances send.
 */
export interface AppWriteBudget {
  readonly writes: number;
  readonly windowMs: number;
  /** Waits until `count` writes (at most the whole budget) fit, then takes them. */
  take(count: number, signal?: AbortSignal): Promise<WriteReservation>;
  /** Graph said 429 with Retry-After: nobody writes before then. */
  blockFor(ms: number): void;
  /** Why `count` writes could not be taken at once, and about when; undefined when they can. */
  nextTurn(count: number): NextTurn | undefined | Promise<NextTurn | undefined>;
}

/**
 * Our side of Graph's write limit, so that a bulk action keeps under it instead of provoking
 * 429s: a token bucket of `writes` tokens, where a token comes back one window after the write
 * it paid for was answered. That is the mirror image of the sliding window Intune counts in
 * (https://learn.microsoft.com/graph/throttling-limits#intune-service-limits): Graph admits a
 * write somewhere between our send and its answer, so a token returned a window after the
 * answer can never meet Graph's count of the write it paid for. A continuously refilling bucket
 * would allow up to twice the limit in one window, and 429 every burst.
 *
 * Takers are served in order; a 429's Retry-After blocks every taker (`blockFor`).
 */
export class WriteBudget implements AppWriteBudget {
  readonly writes: number;
  readonly windowMs: number;
  private readonly marginMs: number;
  private readonly now: () => number;
  /** When settled tokens come back, ascending. */
  private returns: number[] = [];
  private inFlight = 0;
  private blockedUntil = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private wake: (() => void) | undefined;

  constructor(options: WriteBudgetOptions) {
    this.writes = options.writes;
    this.windowMs = options.windowMs;
    this.marginMs = options.marginMs ?? 100;
    this.now = options.now ?? Date.now;
  }

  /** Waits until `count` writes (at most the whole budget) fit, then takes them. */
  take(count: number, signal?: AbortSignal): Promise<WriteReservation> {
    const wanted = Math.max(1, Math.min(count, this.writes));
    const turn = this.queue.then(() => this.waitFor(wanted, signal));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** A write sent outside the queue (a single revoke): it counts against the same window. */
  note(count = 1): void {
    this.addReturns(count, this.now());
  }

  /** Graph said 429 with Retry-After: nobody writes before then. */
  blockFor(ms: number): void {
    this.blockedUntil = Math.max(this.blockedUntil, this.now() + ms);
    this.notify();
  }

  /**
   * Why `count` writes could not be taken at once, and about when they could (an estimate: a
   * taker ahead in the queue, or a 429, may push it later); undefined when they can now. A
   * record waiting for its turn says so (issue #12, 5).
   */
  nextTurn(count: number): NextTurn | undefined {
    const now = this.now();
    this.prune(now);
    const waitMs = this.waitMs(Math.max(1, Math.min(count, this.writes)), now);
    if (waitMs <= 0) return undefined;
    return {
      reason: now < this.blockedUntil ? "throttled" : "writeBudget",
      // Tokens still in flight come back a window after they settle, at the latest.
      at: now + (Number.isFinite(waitMs) ? waitMs : this.windowMs + this.marginMs),
    };
  }

  /** Writes that could be taken at once. */
  available(): number {
    const now = this.now();
    if (now < this.blockedUntil) return 0;
    this.prune(now);
    return this.writes - this.inFlight - this.returns.length;
  }

  private async waitFor(count: number, signal: AbortSignal | undefined): Promise<WriteReservation> {
    for (;;) {
      signal?.throwIfAborted();
      const now = this.now();
      this.prune(now);
      const waitMs = this.waitMs(count, now);
      if (waitMs <= 0) {
        this.inFlight += count;
        return this.reservation(count);
      }
      await this.sleep(waitMs, signal);
    }
  }

  /** 0 when `count` tokens are free; Infinity when tokens still in flight must settle first. */
  private waitMs(count: number, now: number): number {
    if (now < this.blockedUntil) return this.blockedUntil - now;
    const missing = count - (this.writes - this.inFlight - this.returns.length);
    if (missing <= 0) return 0;
    const back = this.returns[missing - 1];
    return back === undefined ? Number.POSITIVE_INFINITY : back - now;
  }

  private reservation(count: number): WriteReservation {
    let settled = false;
    return {
      count,
      settle: (unused = 0) => {
        if (settled) return;
        settled = true;
        this.inFlight -= count;
        this.addReturns(count - Math.min(count, Math.max(0, unused)), this.now());
      },
    };
  }

  private addReturns(count: number, at: number): void {
    const back = at + this.windowMs + this.marginMs;
    for (let i = 0; i < count; i++) this.returns.push(back);
    this.returns.sort((a, b) => a - b);
    this.notify();
  }

  private prune(now: number): void {
    let expired = 0;
    while (expired < this.returns.length && (this.returns[expired] ?? 0) <= now) expired++;
    if (expired > 0) this.returns = this.returns.slice(expired);
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  /** Sleeps `ms` (or until tokens settle or a block changes), unless aborted. */
  private sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener("abort", aborted);
        resolve();
      };
      const aborted = () => {
        clearTimeout(timer);
        reject(signal?.reason instanceof Error ? signal.reason : new Error("aborted"));
      };
      const timer = setTimeout(done, Number.isFinite(ms) ? Math.max(1, ms) : 1_000);
      this.wake = done;
      signal?.addEventListener("abort", aborted, { once: true });
    });
  }
}
