import { setMaxListeners } from "node:events";
import type { Actor } from "@ihc/contracts";
import type { ActionJournal, ActionPatch, StoredAction } from "./action-journal.js";
import { abortableSleep } from "./abortable-sleep.js";
import type { WorkLeases } from "./work-leases.js";

/** What one look at the target means for one record: a patch, and whether it is final. */
export interface Settlement {
  patch: ActionPatch;
  done: boolean;
}

export interface TargetWatcherTuning {
  /** First wait between polls; it doubles while nothing changes, back to this on a change. */
  pollMs?: number;
  /** Longest wait between polls while nothing changes (Intune may take hours). */
  maxPollMs?: number;
  /** Longest wait between polls after errors. */
  maxBackoffMs?: number;
  /** How often a poll that changed nothing journals `lastCheckedAt` (at most). */
  checkedEveryMs?: number;
}

export interface TargetWatcherOptions<S> extends TargetWatcherTuning {
  /** Publishes every write (PublishingActionJournal). */
  journal: ActionJournal;
  /**
   * Reads the target from Graph (with the BFF's retry policy for reads), as the records' actor
   * or whoever is signed in; `actions` are the records being watched, so that it reads only
   * what they need.
   */
  read: (targetId: string, actor: Actor, actions: readonly StoredAction[]) => Promise<S>;
  /** What a snapshot means for one record; undefined when nothing changed. */
  settle: (action: StoredAction, snapshot: S, now: number) => Settlement | undefined;
  /** Each snapshot, with the previous one of this loop (e.g. to publish the target's progress). */
  onSnapshot?: (targetId: string, snapshot: S, previous: S | undefined) => void;
  onError?: (error: unknown, targetId: string) => void;
  /** Errors that mean "no one to read as yet", not "Graph is failing". */
  isWaiting?: (error: unknown) => boolean;
}

/**
 * One poller per target (a VPP token, an app), however many records and browsers wait on it
 * (DESIGN §6.4): it reads the target, lets `settle` match what it shows to each watched record,
 * journals and publishes the changes, and stops when every record is final — however long Intune
 * takes (issue #15: a retired device may check in hours later). Polls back off while nothing
 * changes (2 s doubling to 5 min), and on errors; they cost nothing while no identity is
 * available. A restart resumes the watch from the journal (recover-actions.ts).
 */
export class TargetWatchers<S> {
  private readonly running = new Map<string, Set<string>>();
  private readonly loops = new Set<Promise<void>>();
  /** Per target: ends its current wait (a record joined a loop that was waiting minutes). */
  private readonly wakers = new Map<string, () => void>();
  private readonly abort = new AbortController();
  private readonly pollMs: number;
  private readonly maxBackoffMs: number;
  private readonly maxPollMs: number;
  private readonly checkedEveryMs: number;
  private leased: { leases: WorkLeases; name: string } | undefined;

  constructor(private readonly options: TargetWatcherOptions<S>) {
    // One sleeper per loop waits on this signal: as many as there are targets or runs.
    setMaxListeners(0, this.abort.signal);
    this.pollMs = options.pollMs ?? 2000;
    this.maxBackoffMs = options.maxBackoffMs ?? 15_000;
    this.maxPollMs = Math.max(options.maxPollMs ?? 5 * 60_000, this.pollMs);
    this.checkedEveryMs = options.checkedEveryMs ?? 5_000;
  }

  /** Starts (or joins) the poller of the record's target. */
  watch(action: StoredAction): void {
    if (this.abort.signal.aborted) return;
    const targetId = action.target.id;
    const actions = this.running.get(targetId);
    if (actions) {
      actions.add(action.id);
      this.wakers.get(targetId)?.();
      return;
    }
    this.running.set(targetId, new Set([action.id]));
    const loop = this.leasedLoop(targetId)
      .catch((error: unknown) => {
        // A journal write that failed: the record stays open and is watched again on restart.
        if (!this.abort.signal.aborted) this.options.onError?.(error, targetId);
      })
      .finally(() => this.loops.delete(loop));
    this.loops.add(loop);
  }

  /**
   * With several instances: a target is polled only under its lease `watch:<name>:<target>`,
   * so by one instance; another's records on it join that poller at its next scan (ADR 0020).
   */
  useLeases(leases: WorkLeases, name: string): void {
    this.leased = { leases, name };
  }

  private async leasedLoop(targetId: string): Promise<void> {
    if (this.leased === undefined) return this.loop(targetId);
    const lease = await this.leased.leases.acquire(`watch:${this.leased.name}:${targetId}`);
    if (lease === undefined) {
      this.running.delete(targetId);
      return;
    }
    try {
      await this.loop(targetId, lease.lost);
    } finally {
      await lease.release();
    }
  }

  /** How many targets are being polled (one loop each). */
  get activeCount(): number {
    return this.running.size;
  }

  /** A call, not a field: it turns true while a loop awaits. */
  private isStopped(): boolean {
    return this.abort.signal.aborted;
  }

  /** Stops every poller and resolves once none can write any more (before the journal closes). */
  async stop(): Promise<void> {
    this.abort.abort();
    await Promise.all([...this.loops]);
  }

  /** `lost`: the lease is gone (another instance may poll now), so this poller stops. */
  private async loop(targetId: string, lost?: AbortSignal): Promise<void> {
    const actionIds = this.running.get(targetId) ?? new Set<string>();
    let delay = 0;
    // The quiet period grows while polls change nothing; any change brings it back to pollMs.
    let quietMs = this.pollMs;
    let previous: S | undefined;
    try {
      while (!this.isStopped() && lost?.aborted !== true && actionIds.size > 0) {
        if (delay > 0) {
          const wake = new AbortController();
          this.wakers.set(targetId, () => {
            wake.abort();
          });
          await abortableSleep(delay, AbortSignal.any([this.abort.signal, wake.signal]));
          this.wakers.delete(targetId);
          // A record joined: it is followed from the first poll period again.
          if (wake.signal.aborted) quietMs = this.pollMs;
        }
        if (this.isStopped()) break;
        const actions = await this.load(actionIds);
        const first = actions[0];
        if (!first) break;
        let snapshot: S;
        try {
          snapshot = await this.options.read(targetId, first.actor, actions);
        } catch (error) {
          if (this.isStopped()) break;
          this.options.onError?.(error, targetId);
          // Waiting for an identity costs Graph nothing: keep checking at the poll period.
          delay = this.options.isWaiting?.(error)
            ? this.pollMs
            : Math.min(Math.max(delay * 2, this.pollMs), this.maxBackoffMs);
          continue;
        }
        if (this.isStopped()) break;
        this.options.onSnapshot?.(targetId, snapshot, previous);
        previous = snapshot;
        const checkedAt = Date.now();
        let changed = false;
        for (const action of actions) {
          const settlement = this.options.settle(action, snapshot, checkedAt);
          // "Checking… · last checked 10 s ago" (issue #12, 5): said on every change, and
          // otherwise at most every `checkedEveryMs`, so polls do not flood the journal.
          const due =
            checkedAt - Date.parse(action.lastCheckedAt ?? "1970-01-01T00:00:00Z") >=
            this.checkedEveryMs;
          if (settlement !== undefined) changed = true;
          if (settlement === undefined && !due) continue;
          if (settlement?.done === true) actionIds.delete(action.id);
          await this.options.journal.update(action.id, {
            ...settlement?.patch,
            lastCheckedAt: new Date(checkedAt).toISOString(),
          });
        }
        quietMs = changed ? this.pollMs : Math.min(quietMs * 2, this.maxPollMs);
        delay = quietMs;
      }
    } finally {
      this.running.delete(targetId);
      this.wakers.delete(targetId);
    }
  }

  private async load(ids: Set<string>): Promise<StoredAction[]> {
    const out: StoredAction[] = [];
    for (const id of ids) {
      const action = await this.options.journal.get(id);
      if (action) out.push(action);
      else ids.delete(id);
    }
    return out;
  }
}
