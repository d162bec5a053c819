import {
  isTerminalGraphActionState,
  type VppToken,
  type VppTokenActionResult,
  type VppTokenDetail,
  type VppTokenList,
} from "@ihc/contracts";
import type { QueryClient } from "@tanstack/react-query";
import { isSettled } from "../../../lib/action-records";
import type { ActionEventApplier } from "../../../lib/console-event-cache";
import { vppTokenKeys } from "../../../lib/query-keys";

/** Puts one of Graph's action results into a token: the same run (name + start) or a new one. */
export function upsertActionResult(token: VppToken, result: VppTokenActionResult): VppToken {
  const same = (r: VppTokenActionResult) =>
    r.actionName === result.actionName && r.startDateTime === result.startDateTime;
  const results = token.tokenActionResults.some(same)
    ? token.tokenActionResults.map((r) => (same(r) ? result : r))
    : [...token.tokenActionResults, result];
  return { ...token, tokenActionResults: results };
}

const sameId = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * At most one read of a token's detail per this long while its revoke runs: its "licenses in
 * use" follows the revoke (issue #12, 9) without a read per progress event.
 */
export const DETAIL_READ_INTERVAL_MS = 5_000;

/** Reads a token's detail again now, or once at the end of the interval if it was just read. */
export function createThrottledDetailRead(intervalMs = DETAIL_READ_INTERVAL_MS) {
  const lastRead = new Map<string, number>();
  const pending = new Set<string>();
  return (client: QueryClient, tokenId: string): void => {
    const id = tokenId.toLowerCase();
    if (pending.has(id)) return;
    const read = () => {
      pending.delete(id);
      lastRead.set(id, Date.now());
      void client.invalidateQueries({ queryKey: vppTokenKeys.detail(id) });
    };
    const wait = (lastRead.get(id) ?? -Infinity) + intervalMs - Date.now();
    if (wait <= 0) {
      read();
      return;
    }
    pending.add(id);
    setTimeout(read, wait);
  };
}

/** The VPP tokens feature's part of the event stream: the token list and each token's detail. */
export function createVppTokenEventApplier(
  readDetail = createThrottledDetailRead(),
): ActionEventApplier {
  return {
    onAction: (client, action, previous) => {
      // What the action changed in the target (last sync, the results list) is read again once,
      // when it settles; progress on the way arrives as its own events.
      if (action.target.type !== "vppToken") return;
      if (!isSettled(action) || (previous && isSettled(previous))) return;
      void client.invalidateQueries({ queryKey: vppTokenKeys.detail(action.target.id) });
      void client.invalidateQueries({ queryKey: vppTokenKeys.list() });
    },
    onVppTokenProgress: (client, tokenId, result) => {
      const cached = client.getQueryData<VppTokenDetail>(vppTokenKeys.detail(tokenId))?.token;
      const before = cached?.tokenActionResults.find(
        (r) => r.actionName === result.actionName && r.startDateTime === result.startDateTime,
      );
      const changed =
        before === undefined ||
        before.actionState !== result.actionState ||
        before.totalLicensesCount !== result.totalLicensesCount;
      const patch = (token: VppToken): VppToken => upsertActionResult(token, result);
      client.setQueryData<VppTokenList>(vppTokenKeys.list(), (list) =>
        list
          ? { items: list.items.map((token) => (sameId(token.id, tokenId) ? patch(token) : token)) }
          : list,
      );
      client.setQueryData<VppTokenDetail>(vppTokenKeys.detail(tokenId), (detail) =>
        detail ? { ...detail, token: patch(detail.token) } : detail,
      );
      // Licenses leave the token as the revoke goes: its detail (licenses in use) is read again
      // as progress arrives, at most once per interval, and at the end.
      if (changed || isTerminalGraphActionState(result.actionState)) readDetail(client, tokenId);
    },
    liveKeys: [vppTokenKeys.all],
  };
}
