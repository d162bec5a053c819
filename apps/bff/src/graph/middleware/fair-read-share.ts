import type { Context, Middleware } from "@microsoft/microsoft-graph-client";
import { GraphCall } from "../graph-call.js";

/** What the chain needs of the tenant's read budget (FairReadScheduler). */
export interface ReadScheduler {
  acquire(key: string, cost: number): Promise<void>;
}

/**
 * Between the retry policy and auth, so every attempt of every read — whatever route or
 * background watcher made it — waits for its fair share of the tenant's Graph read budget
 * (ADR 0024). Writes pass: their own budget paces them (actions/write-budget.ts). A refusal
 * is thrown before anything reaches the wire, so the retry policy does not resend it.
 */
export class FairReadShareMiddleware implements Middleware {
  private next: Middleware | undefined;

  constructor(private readonly scheduler: ReadScheduler) {}

  async execute(context: Context): Promise<void> {
    const call = GraphCall.of(context);
    if (call.readCost > 0) await this.scheduler.acquire(call.user.oid, call.readCost);
    if (!this.next) throw new Error("FairReadShareMiddleware needs a next middleware.");
    await this.next.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}
