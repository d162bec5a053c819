import {
  isTerminalGraphActionState,
  type ActionProgress,
  type VppToken,
  type VppTokenActionResult,
} from "@ihc/contracts";
import { toActionRecord, type ActionJournal, type StoredAction } from "./action-journal.js";
import type { EventBus } from "./event-bus.js";

export interface VppRevokeWatcherOptions {
  /** Reads the token from Graph with the BFF's own retry policy for reads. */
  readToken: (tokenId: string, actor: StoredAction["actor"]) => Promise<VppToken>;
  journal: ActionJournal;
  bus: EventBus;
  /** Poll period while a revoke runs: about one Graph read per second per token. */
  pollMs?: number;
  /** Longest wait between polls after errors. */
  maxBackoffMs?: number;
  /** Give up watching (record `watchTimedOut`) after this long. */
  timeoutMs?: number;
  /**
   * An `unknown` POST is reconciled from the token's results: a revoke that started after
   * (sentAt − skew) proves it happened; none within this window proves it did not.
   */
  reconcileWindowMs?: number;
  clockSkewMs?: number;
  onError?: (error: unknown, tokenId: string) => void;
  /** Errors that mean "no one to read as yet", not "Graph is failing". */
  isWaiting?: (error: unknown) => boolean;
}

const REVOKE_ACTION = /revoke/i;

/**
 * One watcher per VPP token, however many browsers look (DESIGN §6.4): it polls the token,
 * matches its `tokenActionResults` to the journal's revoke records, and publishes progress
 * until every watched revoke is final or the watch times out.
 */
export class VppRevokeWatchers {
  private readonly running = new Map<string, Set<string>>();
  private readonly pollMs: number;
  private readonly maxBackoffMs: number;
  private readonly timeoutMs: number;
  private readonly reconcileWindowMs: number;
  private readonly clockSkewMs: number;
  private stopped = false;

  constructor(private readonly options: VppRevokeWatcherOptions) {
    this.pollMs = options.pollMs ?? 1000;
    this.maxBackoffMs = options.maxBackoffMs ?? 15_000;
    this.timeoutMs = options.timeoutMs ?? 30 * 60_000;
    this.reconcileWindowMs = options.reconcileWindowMs ?? 120_000;
    this.clockSkewMs = options.clockSkewMs ?? 60_000;
  }

  /** Starts (or joins) the token's watcher for this action. */
  watch(action: StoredAction): void {
    if (this.stopped) return;
    const tokenId = action.target.id;
    const actions = this.running.get(tokenId);
    if (actions) {
      actions.add(action.id);
      return;
    }
    this.running.set(tokenId, new Set([action.id]));
    void this.loop(tokenId);
  }

  /** How many tokens are being polled (one loop each). */
  get activeCount(): number {
    return this.running.size;
  }

  stop(): void {
    this.stopped = true;
  }

  private async loop(tokenId: string): Promise<void> {
    const actionIds = this.running.get(tokenId) ?? new Set<string>();
    const startedAt = Date.now();
    let delay = 0;
    let lastPublished = "";
    try {
      while (!this.stopped && actionIds.size > 0) {
        if (delay > 0) await sleep(delay);
        const actions = await this.load(actionIds);
        const first = actions[0];
        if (!first) break;
        let token: VppToken;
        try {
          token = await this.options.readToken(tokenId, first.actor);
          delay = this.pollMs;
        } catch (error) {
          this.options.onError?.(error, tokenId);
          // Waiting for an identity costs Graph nothing: keep checking at the poll period.
          delay = this.options.isWaiting?.(error)
            ? this.pollMs
            : Math.min(Math.max(delay * 2, this.pollMs), this.maxBackoffMs);
          if (Date.now() - startedAt > this.timeoutMs) await this.timeOut(actions, actionIds);
          continue;
        }
        const latest = latestRevoke(token.tokenActionResults);
        if (latest) {
          const fingerprint = JSON.stringify(latest);
          if (fingerprint !== lastPublished) {
            lastPublished = fingerprint;
            this.options.bus.publish(
              { type: "vpp-token-progress", vppTokenId: tokenId, result: latest },
              {},
            );
          }
        }
        for (const action of actions) await this.apply(action, token, actionIds);
        if (Date.now() - startedAt > this.timeoutMs) await this.timeOut(actions, actionIds);
      }
    } finally {
      this.running.delete(tokenId);
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

  /** Matches the token's results to one revoke record and moves that record on. */
  private async apply(action: StoredAction, token: VppToken, ids: Set<string>): Promise<void> {
    const sentAt = Date.parse(action.sentAt ?? action.createdAt);
    // Only a revoke Graph started after the newest one it showed before we sent can be ours;
    // without that baseline, one that started around our send time (our clock may be off).
    const after = action.watchAfter === undefined ? undefined : Date.parse(action.watchAfter);
    const result = latestRevoke(
      token.tokenActionResults.filter((r) => {
        if (!r.startDateTime) return false;
        const started = Date.parse(r.startDateTime);
        return after === undefined ? started >= sentAt - this.clockSkewMs : started > after;
      }),
    );
    if (!result) {
      if (action.state === "unknown" && Date.now() - sentAt > this.reconcileWindowMs) {
        await this.finish(action, ids, {
          state: "failed",
          graph: {
            ...(action.graph ?? { clientRequestId: "" }),
            code: "notApplied",
            message: "Graph shows no revoke started after this request: it did not happen.",
          },
        });
      }
      return;
    }
    const progress: ActionProgress = {
      ...(action.progress ?? {}),
      actionState: result.actionState,
      attemptedCount: result.totalLicensesCount,
      failedCount: result.failedLicensesCount,
      ...(result.actionFailureReason && result.actionFailureReason !== "none"
        ? { failureReason: result.actionFailureReason }
        : {}),
      ...(result.startDateTime ? { startDateTime: result.startDateTime } : {}),
      ...(result.lastUpdatedDateTime ? { lastUpdatedDateTime: result.lastUpdatedDateTime } : {}),
    };
    const reconciled = action.state === "unknown" || action.state === "sent";
    const changed =
      reconciled || JSON.stringify(progress) !== JSON.stringify(action.progress ?? null);
    if (!changed) return;
    const terminal = isTerminalGraphActionState(result.actionState);
    const patch: Partial<StoredAction> = {
      progress,
      ...(reconciled ? { state: "succeeded" as const } : {}),
      ...(terminal ? { completedAt: new Date().toISOString() } : {}),
    };
    if (terminal) await this.finish(action, ids, patch);
    else this.publish(await this.options.journal.update(action.id, patch));
  }

  private async finish(
    action: StoredAction,
    ids: Set<string>,
    patch: Partial<StoredAction>,
  ): Promise<void> {
    ids.delete(action.id);
    this.publish(await this.options.journal.update(action.id, patch));
  }

  private async timeOut(actions: StoredAction[], ids: Set<string>): Promise<void> {
    for (const action of actions) {
      await this.finish(action, ids, {
        progress: {
          ...(action.progress ?? { actionState: "none", attemptedCount: 0, failedCount: 0 }),
          watchTimedOut: true,
        },
      });
    }
  }

  private publish(action: StoredAction): void {
    this.options.bus.publish(
      { type: "action", action: toActionRecord(action) },
      { actorOid: action.actor.oid },
    );
  }
}

/** The most recent revoke among a token's action results. */
export function latestRevoke(
  results: readonly VppTokenActionResult[],
): VppTokenActionResult | undefined {
  let latest: VppTokenActionResult | undefined;
  for (const r of results) {
    if (!REVOKE_ACTION.test(r.actionName)) continue;
    if (!latest || Date.parse(r.startDateTime ?? "") > Date.parse(latest.startDateTime ?? "")) {
      latest = r;
    }
  }
  return latest;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
