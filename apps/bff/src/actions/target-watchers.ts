import type { Actor } from "@ihc/contracts";
import { toActionRecord, type ActionJournal, type StoredAction } from "./action-journal.js";
import type { EventBus } from "./event-bus.js";

/** What one look at the target means for one record: a patch, and whether it is final. */
export interface Settlement {
  patch: Partial<StoredAction>;
  done: boolean;
}

export interface TargetWatcherTuning {
  /** Poll period while records are watched: about one Graph read per second per target. */
  pollMs?: number;
  /** Longest wait between polls after errors. */
  maxBackoffMs?: number;
  /** Give up watching (record `watchTimedOut`) after this long. */
  timeoutMs?: number;
}

export interface TargetWatcherOptions<S> extends TargetWatcherTuning {
  journal: ActionJournal;
  bus: EventBus;
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
 * journals and publishes the changes, and stops when every record is final or the watch times
 * out. Reads back off on errors and cost nothing while no identity is available.
 */
export class TargetWatchers<S> {
  private readonly running = new Map<string, Set<string>>();
  private readonly pollMs: number;
  private readonly maxBackoffMs: number;
  private readonly timeoutMs: number;
  private stopped = false;

  constructor(private readonly options: TargetWatcherOptions<S>) {
    this.pollMs = options.pollMs ?? 1000;
    this.maxBackoffMs = options.maxBackoffMs ?? 15_000;
    this.timeoutMs = options.timeoutMs ?? 30 * 60_000;
  }

  /** Starts (or joins) the poller of the record's target. */
  watch(action: StoredAction): void {
    if (this.stopped) return;
    const targetId = action.target.id;
    const actions = this.running.get(targetId);
    if (actions) {
      actions.add(action.id);
      return;
    }
    this.running.set(targetId, new Set([action.id]));
    void this.loop(targetId);
  }

  /** How many targets are being polled (one loop each). */
  get activeCount(): number {
    return this.running.size;
  }

  stop(): void {
    this.stopped = true;
  }

  private async loop(targetId: string): Promise<void> {
    const actionIds = this.running.get(targetId) ?? new Set<string>();
    const startedAt = Date.now();
    let delay = 0;
    let previous: S | undefined;
    try {
      while (!this.stopped && actionIds.size > 0) {
        if (delay > 0) await sleep(delay);
        const actions = await this.load(actionIds);
        const first = actions[0];
        if (!first) break;
        let snapshot: S;
        try {
          snapshot = await this.options.read(targetId, first.actor, actions);
          delay = this.pollMs;
        } catch (error) {
          this.options.onError?.(error, targetId);
          // Waiting for an identity costs Graph nothing: keep checking at the poll period.
          delay = this.options.isWaiting?.(error)
            ? this.pollMs
            : Math.min(Math.max(delay * 2, this.pollMs), this.maxBackoffMs);
          if (Date.now() - startedAt > this.timeoutMs) await this.timeOut(actions, actionIds);
          continue;
        }
        this.options.onSnapshot?.(targetId, snapshot, previous);
        previous = snapshot;
        for (const action of actions) {
          const settlement = this.options.settle(action, snapshot, Date.now());
          if (settlement === undefined) continue;
          if (settlement.done) actionIds.delete(action.id);
          this.publish(await this.options.journal.update(action.id, settlement.patch));
        }
        if (Date.now() - startedAt > this.timeoutMs) await this.timeOut(actions, actionIds);
      }
    } finally {
      this.running.delete(targetId);
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

  private async timeOut(actions: StoredAction[], ids: Set<string>): Promise<void> {
    for (const action of actions) {
      if (!ids.delete(action.id)) continue;
      const current = (await this.options.journal.get(action.id)) ?? action;
      this.publish(
        await this.options.journal.update(action.id, {
          progress: {
            ...(current.progress ?? { actionState: "none", attemptedCount: 0, failedCount: 0 }),
            watchTimedOut: true,
          },
        }),
      );
    }
  }

  private publish(action: StoredAction): void {
    this.options.bus.publish(
      { type: "action", action: toActionRecord(action) },
      { actorOid: action.actor.oid },
    );
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
