import type { ActionJournal, StoredAction } from "../action-journal.js";
import type { DailyNoticeLedger } from "./daily-notice-ledger.js";

/**
 * An action journal backed by a database (SQLite embedded, Postgres for several instances):
 * the `ActionJournal` the app uses, plus what start-up and housekeeping need, and the ledger of
 * daily notices (the expiry webhook, ADR 0033) kept in the same database.
 */
export interface JournalStore extends ActionJournal, DailyNoticeLedger {
  /**
   * Writes `record` as it is (its timestamps kept): the one-time import of an old
   * `actions.jsonl`. False when its id or its (actor, key) is already stored.
   */
  importRecord(record: StoredAction): Promise<boolean>;
  /** Deletes finished records last changed before `cutoff`; how many went. */
  deleteFinishedBefore(cutoff: Date): Promise<number>;
}

/** A write after `close()`: a bug in shutdown order (callers stop before the journal closes). */
export class JournalStoreClosedError extends Error {
  override readonly name = "JournalStoreClosedError";
  constructor() {
    super("The action journal is closed; this write was not made.");
  }
}

/** `update`/`replace` of a record that is not stored (or cannot be read). */
export class JournalRecordMissingError extends Error {
  override readonly name = "JournalRecordMissingError";
  constructor(id: string) {
    super(`No action ${id} in the journal`);
  }
}
