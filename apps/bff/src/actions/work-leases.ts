/**
 * Who does a piece of work when several BFF instances could (ADR 0020): a bulk revoke's sender,
 * a target's watcher, a single action's Graph call. One process alone needs none (`leases` left
 * out); with Redis, a lease is taken before the work starts, renewed while it runs, released when
 * it ends, and taken over by another instance when its holder dies (cluster/redis-leases.ts).
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
  /**
   * Renews the lease now; false when this holder no longer has it. True proves no other
   * instance held it since this holder's previous renewal (the key kept this holder's token
   * throughout), so a step two instances must never both take (journaling a batch `sent`, then
   * sending it) is bracketed by two confirmations.
   */
  confirm(): Promise<boolean>;
  /** Ends the lease (the work is finished, or this instance stops). */
  release(): Promise<void>;
}

/** The lease a single action's pipeline run holds from before its record exists to its outcome. */
export const pipelineRunLease = (actionId: string): string => `action-run:${actionId}`;
