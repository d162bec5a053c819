/**
 * Who does a piece of work when several BFF instances could (ADR 0020): a bulk revoke's sender.
 * One process alone needs none (`leases` left out); with Redis, a lease is taken before the work
 * starts, renewed while it runs, released when it ends, and taken over by another instance
 * when its holder dies (cluster/redis-leases.ts).
 */
export interface WorkLeases {
  /** How long a lease outlives a holder that stopped renewing it (a killed instance). */
  readonly leaseMs: number;
  /** Takes the lease on `name`, or undefined when another instance holds it. */
  acquire(name: string): Promise<WorkLease | undefined>;
}

export interface WorkLease {
  /** Aborted when the lease could not be renewed (another instance may hold it now): stop. */
  readonly lost: AbortSignal;
  /** Ends the lease (the work is finished, or this instance stops). */
  release(): Promise<void>;
}
