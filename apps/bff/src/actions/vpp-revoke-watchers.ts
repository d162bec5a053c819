import { latestRevoke } from "@ihc/contracts";
import type { VppToken } from "@ihc/contracts";
import type { StoredAction } from "./action-journal.js";
import type { EventBus } from "./event-bus.js";
import type { ActionJournal } from "./action-journal.js";
import { settleRevoke } from "./revoke-settlement.js";
import { TargetWatchers, type TargetWatcherTuning } from "./target-watchers.js";

export interface VppRevokeWatcherOptions extends TargetWatcherTuning {
  /** Reads the token from Graph with the BFF's own retry policy for reads. */
  readToken: (tokenId: string, actor: StoredAction["actor"]) => Promise<VppToken>;
  journal: ActionJournal;
  bus: EventBus;
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

/**
 * One watcher per VPP token, however many browsers look (DESIGN §6.4): it polls the token,
 * matches its `tokenActionResults` to the journal's revoke records, and publishes progress
 * (`vpp-token-progress`) until every watched revoke is final or the watch times out.
 */
export class VppRevokeWatchers extends TargetWatchers<VppToken> {
  constructor({
    readToken,
    reconcileWindowMs = 120_000,
    clockSkewMs = 60_000,
    ...options
  }: VppRevokeWatcherOptions) {
    super({
      ...options,
      read: (tokenId, actor) => readToken(tokenId, actor),
      settle: (action, token, now) =>
        settleRevoke(action, token.tokenActionResults, { now, reconcileWindowMs, clockSkewMs }),
      onSnapshot: (tokenId, token, previous) => {
        const latest = latestRevoke(token.tokenActionResults);
        if (!latest) return;
        const before =
          previous === undefined ? undefined : latestRevoke(previous.tokenActionResults);
        if (JSON.stringify(latest) === JSON.stringify(before)) return;
        options.bus.publish(
          { type: "vpp-token-progress", vppTokenId: tokenId, result: latest },
          {},
        );
      },
    });
  }
}
