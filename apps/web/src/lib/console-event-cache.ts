import {
  assignedLicenseKeyOf,
  singleLicenseKeyOf,
  isTerminalGraphActionState,
  type ActionList,
  type ActionRecord,
  type ActionRecordWithoutItems,
  type AssignedLicenseList,
  type BulkItem,
  type ConsoleEvent,
  type VppToken,
  type VppTokenActionResult,
  type VppTokenDetail,
  type VppTokenList,
} from "@ihc/contracts";
import type { InfiniteData, QueryClient } from "@tanstack/react-query";
import { actionKeys, appKeys, enrollmentProfileKeys, userKeys, vppTokenKeys } from "./query-keys";

/**
 * Whether a record will change no more by itself: Graph refused it, its progress reached an end,
 * or (an action without progress, such as a sync) Graph accepted it.
 */
export function isSettled(action: ActionRecord): boolean {
  if (action.state === "failed") return true;
  if (action.completedAt !== undefined) return true;
  return action.state === "succeeded" && action.progress === undefined;
}

/** Puts a record into a newest-first list: replaced where it is, else added at the top. */
export function upsertAction(items: readonly ActionRecord[], action: ActionRecord): ActionRecord[] {
  const index = items.findIndex((item) => item.id === action.id);
  if (index === -1) return [action, ...items];
  // Events can overtake each other on a reconnect's replay: never go back to an older version.
  const current = items[index];
  if (current && Date.parse(current.updatedAt) > Date.parse(action.updatedAt)) return [...items];
  return items.map((item, i) => (i === index ? action : item));
}

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

function applyAction(client: QueryClient, action: ActionRecord): void {
  const previous = client.getQueryData<ActionRecord>(actionKeys.detail(action.id));
  if (previous && Date.parse(previous.updatedAt) > Date.parse(action.updatedAt)) return;
  client.setQueryData(actionKeys.detail(action.id), action);

  client.setQueryData<ActionList>(actionKeys.byTarget(action.target.id), (list) =>
    list ? { ...list, items: upsertAction(list.items, action) } : list,
  );
  client.setQueryData<InfiniteData<ActionList, string | undefined>>(
    actionKeys.journal(),
    (data) => {
      if (!data) return data;
      const pageIndex = data.pages.findIndex((page) => page.items.some((i) => i.id === action.id));
      const target = pageIndex === -1 ? 0 : pageIndex;
      return {
        ...data,
        pages: data.pages.map((page, i) =>
          i === target ? { ...page, items: upsertAction(page.items, action) } : page,
        ),
      };
    },
  );

  // What the action changed in the target (licenses in use, last sync) is read again once, when
  // it settles; progress on the way arrives as its own events.
  if (
    action.target.type === "vppToken" &&
    isSettled(action) &&
    !(previous && isSettled(previous))
  ) {
    void client.invalidateQueries({ queryKey: vppTokenKeys.detail(action.target.id) });
    void client.invalidateQueries({ queryKey: vppTokenKeys.list() });
  }
  if (action.target.type === "app") applyAppAction(client, action);
  // A token revoked or created changes the profile's status and masked token: read the list again.
  if (action.target.type === "enrollmentProfile") {
    void client.invalidateQueries({ queryKey: enrollmentProfileKeys.list() });
  }
  // A retire's progress is counted in devices; each device's own state is read again with it.
  if (action.target.type === "user") {
    void client.invalidateQueries({ queryKey: userKeys.devices(action.target.id) });
    if (isSettled(action)) {
      void client.invalidateQueries({ queryKey: userKeys.vppLicenses(action.target.id) });
    }
  }
  // An app's revoke that ended changes whose licenses are held.
  if (action.target.type === "app" && isSettled(action) && !(previous && isSettled(previous))) {
    void client.invalidateQueries({ queryKey: userKeys.allVppLicenses() });
  }
}

/** The licenses an app action has certainly taken back, by `user:<id>` / `device:<id>` key. */
export function revokedLicenseKeys(action: ActionRecord): Set<string> {
  if (action.items) {
    return new Set(action.items.filter((i) => i.state === "succeeded").map((i) => i.key));
  }
  const done = action.state === "succeeded" && action.progress?.actionState === "done";
  const key = done ? singleLicenseKeyOf(action) : undefined;
  return new Set(key === undefined ? [] : [key]);
}

/**
 * An app action changes the app's licenses in use: the app is read again (it then polls while
 * Intune still runs a revoke, see the apps feature), and licenses known to be revoked leave the
 * loaded lists at once. The lists are read again when Intune has finished (the app shows no
 * running revoke), not when the action settles: until then Graph may still list them.
 */
function applyAppAction(client: QueryClient, action: ActionRecord) {
  const appId = action.target.id;
  void client.invalidateQueries({ queryKey: appKeys.detail(appId) });
  void client.invalidateQueries({ queryKey: appKeys.list() });
  const revoked = revokedLicenseKeys(action);
  if (revoked.size === 0) return;
  client.setQueriesData<InfiniteData<AssignedLicenseList, string | undefined>>(
    { queryKey: appKeys.licenses(appId) },
    (data) =>
      data
        ? {
            ...data,
            pages: data.pages.map((page) => ({
              ...page,
              items: page.items.filter((license) => {
                const key = assignedLicenseKeyOf(license);
                return key === undefined || !revoked.has(key);
              }),
            })),
          }
        : data,
  );
}

function applyVppProgress(client: QueryClient, tokenId: string, result: VppTokenActionResult) {
  const cached = client.getQueryData<VppTokenDetail>(vppTokenKeys.detail(tokenId))?.token;
  const before = cached?.tokenActionResults.find(
    (r) => r.actionName === result.actionName && r.startDateTime === result.startDateTime,
  );
  const finishedNow =
    isTerminalGraphActionState(result.actionState) &&
    !(before && isTerminalGraphActionState(before.actionState));
  const patch = (token: VppToken): VppToken => upsertActionResult(token, result);
  client.setQueryData<VppTokenList>(vppTokenKeys.list(), (list) =>
    list
      ? { items: list.items.map((token) => (sameId(token.id, tokenId) ? patch(token) : token)) }
      : list,
  );
  client.setQueryData<VppTokenDetail>(vppTokenKeys.detail(tokenId), (detail) =>
    detail ? { ...detail, token: patch(detail.token) } : detail,
  );
  // A finished revoke changes the licenses in use the detail page shows as its impact.
  if (finishedNow) void client.invalidateQueries({ queryKey: vppTokenKeys.detail(tokenId) });
}

/** The newest copy of a record this tab holds: its detail, its target's list, or the journal. */
function cachedAction(client: QueryClient, id: string, targetId: string): ActionRecord | undefined {
  const copies = [
    client.getQueryData<ActionRecord>(actionKeys.detail(id)),
    client.getQueryData<ActionList>(actionKeys.byTarget(targetId))?.items.find((i) => i.id === id),
    ...(client
      .getQueryData<InfiniteData<ActionList, string | undefined>>(actionKeys.journal())
      ?.pages.flatMap((page) => page.items.filter((i) => i.id === id)) ?? []),
  ].filter((copy): copy is ActionRecord => copy?.items !== undefined);
  return copies.sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt))[0];
}

/**
 * A record of many items changed: the event carries the record without items and the items that
 * changed, merged here into the copy this tab holds. A tab that holds no copy reads it whole.
 */
function applyActionItems(
  client: QueryClient,
  action: ActionRecordWithoutItems,
  changed: readonly BulkItem[],
): void {
  const base = cachedAction(client, action.id, action.target.id);
  if (base?.items === undefined) {
    void client.invalidateQueries({ queryKey: actionKeys.detail(action.id) });
    void client.invalidateQueries({ queryKey: actionKeys.byTarget(action.target.id) });
    void client.invalidateQueries({ queryKey: actionKeys.journal() });
    return;
  }
  const byKey = new Map(changed.map((item) => [item.key, item]));
  applyAction(client, {
    ...action,
    items: base.items.map((item) => byKey.get(item.key) ?? item),
  });
}

/** Feeds one event from `/api/events` into React Query's caches. */
export function applyConsoleEvent(client: QueryClient, event: ConsoleEvent): void {
  switch (event.type) {
    case "action":
      applyAction(client, event.action);
      break;
    case "action-items":
      applyActionItems(client, event.action, event.items);
      break;
    case "vpp-token-progress":
      applyVppProgress(client, event.vppTokenId, event.result);
      break;
    case "heartbeat":
      break;
  }
}

/**
 * The stream only carries what happens while it is open: whatever was read before it (re)opened
 * at `connectedAt` may have missed events, and is read again. On the first connection that is
 * usually nothing; after a reconnect, every live list.
 */
export function refreshReadBefore(client: QueryClient, connectedAt: number): void {
  const readBefore = {
    predicate: (query: { state: { dataUpdatedAt: number } }) =>
      query.state.dataUpdatedAt > 0 && query.state.dataUpdatedAt < connectedAt,
  };
  void client.invalidateQueries({ queryKey: actionKeys.all, ...readBefore });
  void client.invalidateQueries({ queryKey: vppTokenKeys.all, ...readBefore });
  void client.invalidateQueries({ queryKey: enrollmentProfileKeys.all, ...readBefore });
  void client.invalidateQueries({ queryKey: userKeys.all, ...readBefore });
  void client.invalidateQueries({ queryKey: appKeys.all, ...readBefore });
}
