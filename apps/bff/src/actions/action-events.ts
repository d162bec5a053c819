import type { BulkItem, ConsoleEvent } from "@ihc/contracts";
import { toActionRecord, type StoredAction } from "./action-journal.js";
import type { EventBus } from "./event-bus.js";

/**
 * The event for a record's new version. A record of many items, when the version before it is
 * known, travels as a delta (`action-items`: the record without items, and the items that
 * changed), so a 1,000-license bulk revoke costs each stream its changes, not 1,000 items per
 * step.
 */
export const actionEvent = (record: StoredAction, previous?: StoredAction): ConsoleEvent => {
  const { items, ...rest } = toActionRecord(record);
  if (items === undefined || previous?.items === undefined) {
    return { type: "action", action: toActionRecord(record) };
  }
  const before = new Map(previous.items.map((item) => [item.key, item]));
  const changed = items.filter((item) => !sameItem(before.get(item.key), item));
  return { type: "action-items", action: rest, items: changed };
};

/** Publishes a record's new version to those who may see it (its actor, and everyone's viewers). */
export const publishAction = (
  bus: EventBus,
  record: StoredAction,
  previous?: StoredAction,
): void => {
  bus.publish(actionEvent(record, previous), { actorOid: record.actor.oid });
};

const sameItem = (a: BulkItem | undefined, b: BulkItem): boolean =>
  a !== undefined && JSON.stringify(a) === JSON.stringify(b);
