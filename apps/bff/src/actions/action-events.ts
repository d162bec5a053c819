import type { BulkItem, ConsoleEvent } from "@ihc/contracts";
import { toActionRecord, type StoredAction } from "./action-journal.js";
import type { EventBus } from "./event-bus.js";

/**
 * The event for a record's new version. A record of many items, when the items its write
 * changed are known (`changedItems`, from the store: `itemsChangedBy`), travels as a delta
 * (`action-items`: the record without items and subjects, and the items that changed), so a
 * 1,000-license bulk revoke costs each stream, and the bus's replay buffer, its changes, not
 * 1,000 items and 1,000 subjects per step. Otherwise, or when every
 * item changed, the record travels whole.
 */
export const actionEvent = (
  record: StoredAction,
  changedItems?: readonly BulkItem[],
): ConsoleEvent => {
  const { items, subjects: _subjects, ...rest } = toActionRecord(record);
  if (items === undefined || changedItems === undefined || changedItems.length >= items.length) {
    return { type: "action", action: toActionRecord(record) };
  }
  // Subjects never change after the record is made: a client keeps those it holds (ADR 0038).
  return { type: "action-items", action: rest, items: [...changedItems] };
};

/** Publishes a record's new version to those who may see it (its actor, and everyone's viewers). */
export const publishAction = (
  bus: EventBus,
  record: StoredAction,
  changedItems?: readonly BulkItem[],
): void => {
  bus.publish(actionEvent(record, changedItems), { actorOid: record.actor.oid });
};
