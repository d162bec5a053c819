import type {
  ActionList,
  ActionRecord,
  ActionRecordWithoutItems,
  BulkItem,
  ConsoleEvent,
  VppTokenActionResult,
} from "@ihc/contracts";
import type { QueryClient, QueryKey } from "@tanstack/react-query";
import { isOlderThan, upsertAction } from "./action-records";
import { actionKeys } from "./query-keys";

/**
 * What one feature does with the event stream, for its own query keys. Each feature writes one
 * (`features/<x>/api/apply-action-events.ts`); the app registers them (`app/`), so this shared
 * module never imports a feature.
 */
export interface ActionEventApplier {
  /**
   * A record changed (already in its detail and its target's list). `previous` is the newest copy
   * this tab held before, so a feature can act once when a record settles.
   */
  onAction?: (
    client: QueryClient,
    action: ActionRecord,
    previous: ActionRecord | undefined,
  ) => void;
  /** Copies of a record the feature's queries hold, to merge an `action-items` delta into. */
  copiesOf?: (client: QueryClient, id: string) => readonly ActionRecord[];
  /** A many-item record changed and this tab holds no copy to merge into: read it again. */
  onUnheldItems?: (client: QueryClient, action: ActionRecordWithoutItems) => void;
  /** Graph's progress of a VPP token's revoke (`vpp-token-progress`). */
  onVppTokenProgress?: (client: QueryClient, tokenId: string, result: VppTokenActionResult) => void;
  /** Keys read again after the stream (re)opens, when they were read before it. */
  liveKeys?: readonly QueryKey[];
}

/**
 * The part every feature shares: a record's detail and the "actions about this target" list
 * (`lib/api/get-target-actions.ts`).
 */
const targetActionsApplier: ActionEventApplier = {
  copiesOf: (client, id) => {
    const detail = client.getQueryData<ActionRecord>(actionKeys.detail(id));
    const inLists = client
      .getQueriesData<ActionList>({ queryKey: actionKeys.allByTarget() })
      .flatMap(([, list]) => list?.items.filter((item) => item.id === id) ?? []);
    return detail ? [detail, ...inLists] : inLists;
  },
  onUnheldItems: (client, action) => {
    void client.invalidateQueries({ queryKey: actionKeys.detail(action.id) });
    void client.invalidateQueries({ queryKey: actionKeys.byTarget(action.target) });
  },
  liveKeys: [actionKeys.allByTarget(), actionKeys.allDetails()],
};

let registered: readonly ActionEventApplier[] = [];

/** The app lists its features' appliers once, at start (`app/action-event-appliers.ts`). */
export function registerActionEventAppliers(appliers: readonly ActionEventApplier[]): void {
  registered = appliers;
}

export function registeredActionEventAppliers(): readonly ActionEventApplier[] {
  return registered;
}

function applyAction(
  client: QueryClient,
  action: ActionRecord,
  features: readonly ActionEventApplier[],
): void {
  const previous = client.getQueryData<ActionRecord>(actionKeys.detail(action.id));
  if (isOlderThan(action, previous)) return;
  client.setQueryData(actionKeys.detail(action.id), action);
  client.setQueryData<ActionList>(actionKeys.byTarget(action.target), (list) =>
    list ? { ...list, items: upsertAction(list.items, action) } : list,
  );
  for (const feature of features) feature.onAction?.(client, action, previous);
}

/**
 * A record of many items changed: the event carries the record without items and the items that
 * changed, merged here into the newest copy this tab holds. A tab that holds none reads it whole.
 */
function applyActionItems(
  client: QueryClient,
  action: ActionRecordWithoutItems,
  changed: readonly BulkItem[],
  appliers: readonly ActionEventApplier[],
): void {
  const base = appliers
    .flatMap((applier) => applier.copiesOf?.(client, action.id) ?? [])
    .filter((copy) => copy.items !== undefined)
    .sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt))[0];
  if (base?.items === undefined) {
    for (const applier of appliers) applier.onUnheldItems?.(client, action);
    return;
  }
  const byKey = new Map(changed.map((item) => [item.key, item]));
  // The delta leaves out the subjects (written once, when the record was made): keep the copy's.
  applyAction(
    client,
    {
      ...action,
      ...(base.subjects === undefined ? {} : { subjects: base.subjects }),
      items: base.items.map((item) => byKey.get(item.key) ?? item),
    },
    appliers,
  );
}

/** Feeds one event from `/api/events` into React Query's caches: shared part, then each feature. */
export function applyConsoleEvent(
  client: QueryClient,
  event: ConsoleEvent,
  features: readonly ActionEventApplier[] = registered,
): void {
  const appliers = [targetActionsApplier, ...features];
  switch (event.type) {
    case "action":
      applyAction(client, event.action, features);
      break;
    case "action-items":
      applyActionItems(client, event.action, event.items, appliers);
      break;
    case "vpp-token-progress":
      for (const feature of features) {
        feature.onVppTokenProgress?.(client, event.vppTokenId, event.result);
      }
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
export function refreshReadBefore(
  client: QueryClient,
  connectedAt: number,
  features: readonly ActionEventApplier[] = registered,
): void {
  const readBefore = {
    predicate: (query: { state: { dataUpdatedAt: number } }) =>
      query.state.dataUpdatedAt > 0 && query.state.dataUpdatedAt < connectedAt,
  };
  const keys = [targetActionsApplier, ...features].flatMap((applier) => applier.liveKeys ?? []);
  for (const queryKey of keys) void client.invalidateQueries({ queryKey, ...readBefore });
}
