import type {
  ActionJournal,
  ActionListQuery,
  ActionPatch,
  StoredAction,
} from "./action-journal.js";
import { publishAction } from "./action-events.js";
import { itemsChangedBy } from "./stores/journal-rows.js";
import type { EventBus } from "./event-bus.js";

/**
 * The journal as everyone but the store sees it: every write that makes a new version of a
 * record publishes it (with the items the store's write changed, so many-item records travel
 * as deltas, without reading the version before or comparing their items). No
 * caller publishes after a write by hand, so no write can be forgotten (issue #12).
 */
export class PublishingActionJournal implements ActionJournal {
  constructor(
    private readonly inner: ActionJournal,
    private readonly bus: EventBus,
  ) {}

  async insert(record: StoredAction): Promise<{ record: StoredAction; created: boolean }> {
    const result = await this.inner.insert(record);
    if (result.created) publishAction(this.bus, result.record);
    return result;
  }

  async update(id: string, patch: ActionPatch): Promise<StoredAction> {
    const saved = await this.inner.update(id, patch);
    publishAction(this.bus, saved, itemsChangedBy(saved));
    return saved;
  }

  async replace(record: StoredAction): Promise<StoredAction> {
    const saved = await this.inner.replace(record);
    publishAction(this.bus, saved, itemsChangedBy(saved));
    return saved;
  }

  get(id: string): Promise<StoredAction | undefined> {
    return this.inner.get(id);
  }

  findByKey(actorOid: string, idempotencyKey: string): Promise<StoredAction | undefined> {
    return this.inner.findByKey(actorOid, idempotencyKey);
  }

  list(query: ActionListQuery): Promise<StoredAction[]> {
    return this.inner.list(query);
  }

  listOpen(): Promise<StoredAction[]> {
    return this.inner.listOpen();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
