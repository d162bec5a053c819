import { GraphBudgetExceededError } from "../../errors.js";

export interface FairReadSchedulerOptions {
  /** The tenant's Graph read rate: reads sent per second, all users together. */
  readsPerSecond: number;
  /** Reads that may go out at once after a quiet spell; at least the largest single cost. */
  burst: number;
  /**
   * The longest a read may queue; a read still waiting then is refused (429), and so is a read
   * of a user who already has half of what the tenant sends in that time queued.
   */
  maxWaitMs: number;
  now?: () => number;
}

interface Waiter {
  key: string;
  cost: number;
  /** Start-time fair queuing tags (virtual time, in reads). */
  start: number;
  finish: number;
  resolve: () => void;
  reject: (error: unknown) => void;
  deadline: NodeJS.Timeout;
}

/**
 * The tenant's Graph read budget, shared fairly between users (ADR 0024). A token bucket
 * (`readsPerSecond`, `burst`) paces every read the BFF sends; when reads must wait, they wait
 * in one queue ordered by weighted fair queuing tags per user (start = max(virtual time, the
 * user's last finish), finish = start + cost). A user with a backlog has tags far ahead of the
 * virtual time, so a light user's read, tagged from the virtual time, goes before it: each
 * active user gets an equal share (max-min fair), and an idle user's unused share goes to the
 * others. A user whose queue is full, or whose read waited `maxWaitMs`, is refused (429).
 */
export class FairReadScheduler {
  private tokens: number;
  private updatedAt: number;
  private virtualTime = 0;
  private readonly lastFinish = new Map<string, number>();
  private readonly queued = new Map<string, number>();
  private waiting: Waiter[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly now: () => number;
  private readonly maxQueuedPerUser: number;

  constructor(private readonly options: FairReadSchedulerOptions) {
    this.now = options.now ?? Date.now;
    this.tokens = options.burst;
    this.updatedAt = this.now();
    // Half of what the tenant's whole rate sends in the longest wait: with another user as
    // busy, a queued read still goes out before its deadline.
    this.maxQueuedPerUser = Math.max(
      options.burst,
      (options.readsPerSecond * options.maxWaitMs) / 2000,
    );
  }

  /** Resolves when `cost` reads of `key`'s may go to Graph; rejects with a 429 error if not. */
  acquire(key: string, cost: number): Promise<void> {
    const charge = Math.max(1, Math.min(cost, this.options.burst));
    const start = Math.max(this.virtualTime, this.lastFinish.get(key) ?? 0);
    this.refill();
    if (this.waiting.length === 0 && this.tokens >= charge) {
      this.tokens -= charge;
      this.virtualTime = start;
      this.lastFinish.set(key, start + charge);
      return Promise.resolve();
    }
    const queued = this.queued.get(key) ?? 0;
    if (queued + charge > this.maxQueuedPerUser) {
      return Promise.reject(this.refusal(queued + charge));
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        key,
        cost: charge,
        start,
        finish: start + charge,
        resolve,
        reject,
        deadline: setTimeout(() => {
          this.remove(waiter);
          reject(this.refusal(this.queued.get(key) ?? charge));
          this.pump();
        }, this.options.maxWaitMs),
      };
      waiter.deadline.unref();
      this.lastFinish.set(key, waiter.finish);
      this.queued.set(key, queued + charge);
      this.insert(waiter);
      this.pump();
    });
  }

  /** Reads waiting for their turn, all users together. */
  get waitingCount(): number {
    return this.waiting.length;
  }

  private refill(): void {
    const now = this.now();
    this.tokens = Math.min(
      this.options.burst,
      this.tokens + ((now - this.updatedAt) * this.options.readsPerSecond) / 1000,
    );
    this.updatedAt = now;
  }

  private insert(waiter: Waiter): void {
    let at = this.waiting.length;
    while (at > 0 && (this.waiting[at - 1]?.finish ?? 0) > waiter.finish) at--;
    this.waiting.splice(at, 0, waiter);
  }

  private remove(waiter: Waiter): void {
    this.waiting = this.waiting.filter((w) => w !== waiter);
    const left = (this.queued.get(waiter.key) ?? 0) - waiter.cost;
    if (left > 0) this.queued.set(waiter.key, left);
    else this.queued.delete(waiter.key);
  }

  private pump(): void {
    // A read that arrived since the timer was set may go first, and may fit already.
    clearTimeout(this.timer);
    this.timer = undefined;
    this.refill();
    for (let head = this.waiting[0]; head !== undefined; head = this.waiting[0]) {
      if (this.tokens < head.cost) {
        const waitMs = Math.ceil(((head.cost - this.tokens) * 1000) / this.options.readsPerSecond);
        this.timer = setTimeout(() => {
          this.timer = undefined;
          this.pump();
        }, waitMs);
        this.timer.unref();
        return;
      }
      this.tokens -= head.cost;
      this.virtualTime = head.start;
      clearTimeout(head.deadline);
      this.remove(head);
      head.resolve();
    }
    this.forgetIdle();
  }

  /** Users whose last finish is behind the virtual time have no credit or debt to remember. */
  private forgetIdle(): void {
    for (const [key, finish] of this.lastFinish) {
      if (finish <= this.virtualTime) this.lastFinish.delete(key);
    }
  }

  private refusal(queuedReads: number): GraphBudgetExceededError {
    const seconds = Math.max(1, Math.ceil(queuedReads / this.options.readsPerSecond));
    return new GraphBudgetExceededError(
      seconds,
      `Your Graph reads already wait their turn: the tenant's Graph read budget ` +
        `(${this.options.readsPerSecond} per second) is shared fairly between everyone using ` +
        `the console, and your share is in use. Try again in ${seconds} s.`,
    );
  }
}
