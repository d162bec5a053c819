import { chmodSync, closeSync, mkdirSync, openSync } from "node:fs";
import { join } from "node:path";
import Database, { type Database as Db } from "better-sqlite3";
import type { Logger } from "pino";
import type { ActionListQuery, ActionPatch, StoredAction } from "../action-journal.js";
import {
  fromRows,
  itemWrite,
  searchColumnsOf,
  patched,
  toActionRow,
  toActionUpdateRow,
  toItemRows,
  type ActionRow,
  type ActionUpdateRow,
  type ItemRow,
} from "./journal-rows.js";
import { listSql } from "./journal-filter-sql.js";
import { scheduleJournalRetention } from "./journal-retention.js";
import {
  JournalRecordMissingError,
  JournalStoreClosedError,
  type JournalStore,
} from "./journal-store.js";
import { acquireSqliteFileLock, type SqliteFileLock } from "./sqlite-file-lock.js";
import { migrateSqlite } from "./sqlite-migrations.js";

export const SQLITE_JOURNAL_FILE = "console.sqlite";
/** SQLite's page cache for the journal, KiB (`PRAGMA cache_size` takes a negative KiB count). */
export const SQLITE_PAGE_CACHE_KIB = 8 * 1024;

export interface SqliteActionJournalOptions {
  logger?: Pick<Logger, "info" | "warn">;
  /** Delete finished records older than this many days; undefined keeps everything. */
  retentionDays?: number | undefined;
}

interface StoredRow {
  seq: number;
  id: string;
  has_items: number;
  record: string;
}

const COLUMNS = "seq, id, has_items, record";

/**
 * The embedded journal (ADR 0018): one SQLite file `DATA_DIR/console.sqlite` in WAL mode,
 * each write one transaction synced to disk before its promise resolves, nothing read into
 * memory at start. One process at a time: a second one refuses to start (sqlite-file-lock.ts).
 */
export class SqliteActionJournal implements JournalStore {
  private closed = false;
  private readonly damagedLogged = new Set<string>();
  private readonly stopRetention: () => void;
  private readonly sql: ReturnType<typeof prepare>;

  private constructor(
    private readonly db: Db,
    private readonly lock: SqliteFileLock,
    private readonly options: SqliteActionJournalOptions,
  ) {
    this.sql = prepare(db);
    this.stopRetention =
      options.retentionDays === undefined
        ? () => undefined
        : scheduleJournalRetention(this, options.retentionDays, options.logger);
  }

  /** Opens (creating, migrating) `dataDir/console.sqlite`; throws JournalInUseError if taken. */
  static open(dataDir: string, options: SqliteActionJournalOptions = {}): SqliteActionJournal {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const path = join(dataDir, SQLITE_JOURNAL_FILE);
    const lockPath = `${path}.lock`;
    // Created by us first, for the owner only: SQLite gives its -wal and -shm files the
    // journal's own mode.
    for (const file of [path, lockPath]) ownerOnlyFile(file);
    const lock = acquireSqliteFileLock(lockPath, path);
    let db: Db | undefined;
    try {
      db = new Database(path, { timeout: 5000 });
      db.pragma("journal_mode = WAL");
      // FULL: a write has reached the disk when its promise resolves (DESIGN §6: journaled
      // before anything leaves for Graph), even across a power cut, not only a crash.
      db.pragma("synchronous = FULL");
      db.pragma("foreign_keys = ON");
      // Checkpointed WAL is cut back to this size, so the folder does not keep a big WAL.
      db.pragma(`journal_size_limit = ${8 * 1024 * 1024}`);
      // The page cache, set here rather than left to the driver's build (better-sqlite3 builds
      // SQLite with 16 MB): what the journal holds in memory whatever its size (ADR 0041).
      db.pragma(`cache_size = -${SQLITE_PAGE_CACHE_KIB}`);
      const ran = migrateSqlite(db);
      if (ran > 0) options.logger?.info({ file: path, migrations: ran }, "Journal schema updated");
      const journal = new SqliteActionJournal(db, lock, options);
      journal.fillSearchColumns();
      return journal;
    } catch (error) {
      db?.close();
      lock.release();
      throw error;
    }
  }

  insert(record: StoredAction): Promise<{ record: StoredAction; created: boolean }> {
    return this.run(() =>
      this.db.transaction(() => {
        const inserted = this.sql.insertAction.run(bindable(toActionRow(record))).changes > 0;
        if (inserted) {
          this.writeItems(record.id, toItemRows(record.items), []);
          return { record, created: true };
        }
        const existing = this.read(this.sql.byKey.get(record.actor.oid, record.idempotencyKey));
        if (existing === undefined) {
          throw new Error(
            `The journal holds an unreadable record for this idempotency key; see the warning above`,
          );
        }
        return { record: existing, created: false };
      })(),
    );
  }

  update(id: string, patch: ActionPatch): Promise<StoredAction> {
    return this.run(() =>
      this.db.transaction(() => {
        const { current, items } = this.current(id, !("items" in patch));
        const next = patched(current, patch, new Date().toISOString());
        this.write(next, "items" in patch ? items : undefined);
        return next;
      })(),
    );
  }

  replace(record: StoredAction): Promise<StoredAction> {
    return this.run(() =>
      this.db.transaction(() => {
        const { items } = this.current(record.id, false);
        const next = patched(record, {}, new Date().toISOString());
        this.write(next, items);
        return next;
      })(),
    );
  }

  get(id: string): Promise<StoredAction | undefined> {
    return this.run(() => this.read(this.sql.byId.get(id)));
  }

  findByKey(actorOid: string, idempotencyKey: string): Promise<StoredAction | undefined> {
    return this.run(() => this.read(this.sql.byKey.get(actorOid, idempotencyKey)));
  }

  list(query: ActionListQuery): Promise<StoredAction[]> {
    return this.run(() => {
      const params: (string | number)[] = [];
      const { where, orderBy } = listSql(query, (value) => {
        params.push(value);
        return "?";
      });
      const rows = this.db
        .prepare<(string | number)[], StoredRow>(
          `SELECT ${COLUMNS} FROM actions ${where} ${orderBy} LIMIT ?`,
        )
        .all(...params, query.limit);
      return rows.flatMap((row) => this.read(row) ?? []);
    });
  }

  listOpen(): Promise<StoredAction[]> {
    return this.run(() => this.sql.open.all().flatMap((row) => this.read(row) ?? []));
  }

  importRecord(record: StoredAction): Promise<boolean> {
    return this.run(() =>
      this.db.transaction(() => {
        if (this.sql.byId.get(record.id) !== undefined) return false;
        if (this.sql.insertAction.run(bindable(toActionRow(record))).changes === 0) return false;
        this.writeItems(record.id, toItemRows(record.items), []);
        return true;
      })(),
    );
  }

  deleteFinishedBefore(cutoff: Date): Promise<number> {
    return this.run(() => this.sql.deleteFinished.run(cutoff.toISOString()).changes);
  }

  claimNotice(
    key: string,
    day: string,
    holder: string,
    now: Date,
    staleBefore: Date,
  ): Promise<boolean> {
    return this.run(
      () =>
        this.sql.claimNotice.run(key, day, holder, now.toISOString(), staleBefore.toISOString())
          .changes === 1,
    );
  }

  markNoticeSent(key: string, day: string, holder: string, now: Date): Promise<void> {
    return this.run(() => {
      this.sql.markNoticeSent.run(now.toISOString(), key, day, holder);
    });
  }

  releaseNotice(key: string, day: string, holder: string): Promise<void> {
    return this.run(() => {
      this.sql.releaseNotice.run(key, day, holder);
    });
  }

  forgetNoticesBefore(day: string): Promise<number> {
    return this.run(() => this.sql.forgetNotices.run(day).changes);
  }

  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.closed = true;
    this.stopRetention();
    this.db.close();
    this.lock.release();
    return Promise.resolve();
  }

  /**
   * Fills Activity's search columns of records written before migration 2, from the records
   * themselves (a damaged one gets empty columns: it is never served anyway).
   */
  private fillSearchColumns(): void {
    // A thousand at a time, each in its own transaction: a large old journal is filled without
    // holding all of it in memory (a filled row, damaged ones included, is never NULL again).
    const next = this.db.prepare<[], StoredRow>(
      `SELECT ${COLUMNS} FROM actions WHERE search_text IS NULL LIMIT 1000`,
    );
    const fill = this.db.prepare<[string, string, string, string]>(
      "UPDATE actions SET actor_upn = ?, subject_text = ?, search_text = ? WHERE id = ?",
    );
    let filled = 0;
    for (let rows = next.all(); rows.length > 0; rows = next.all()) {
      this.db.transaction(() => {
        for (const row of rows) {
          const record = this.read(row);
          const columns =
            record === undefined
              ? { actorUpn: "", subjectText: "", searchText: "" }
              : searchColumnsOf(record);
          fill.run(columns.actorUpn, columns.subjectText, columns.searchText, row.id);
        }
      })();
      filled += rows.length;
    }
    if (filled > 0) this.options.logger?.info({ records: filled }, "Journal search columns filled");
  }

  /** Synchronous work as the interface's promise; nothing runs once closed. */
  private run<T>(work: () => T): Promise<T> {
    if (this.closed) return Promise.reject(new JournalStoreClosedError());
    try {
      return Promise.resolve(work());
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /** The stored record (its items only if `withItems`: a write replacing them skips reading them). */
  private current(id: string, withItems: boolean): { current: StoredAction; items: ItemRow[] } {
    const row = this.sql.byId.get(id);
    if (row === undefined) throw new JournalRecordMissingError(id);
    const items = row.has_items === 1 ? this.sql.items.all(row.id) : [];
    const current = fromRows(row.record, row.has_items === 1, withItems ? items : undefined);
    if (typeof current === "string") {
      this.warnDamaged(row.id, current);
      throw new JournalRecordMissingError(id);
    }
    return { current, items };
  }

  /** The record's row, and its items when `storedItems` says which are on disk. */
  private write(next: StoredAction, storedItems: ItemRow[] | undefined): void {
    this.sql.updateAction.run(bindable(toActionUpdateRow(next)));
    const { upserts, deletes } = itemWrite(next, storedItems);
    if (upserts.length > 0 || deletes.length > 0) {
      this.writeItems(next.id, upserts, deletes);
    }
  }

  private writeItems(actionId: string, upserts: ItemRow[], deletes: string[]): void {
    for (const key of deletes) this.sql.deleteItem.run(actionId, key);
    for (const row of upserts) this.sql.upsertItem.run({ actionId, ...row });
  }

  private read(row: StoredRow | undefined): StoredAction | undefined {
    if (row === undefined) return undefined;
    const items = row.has_items === 1 ? this.sql.items.all(row.id) : [];
    const record = fromRows(row.record, row.has_items === 1, items);
    if (typeof record !== "string") return record;
    this.warnDamaged(row.id, record);
    return undefined;
  }

  /** A damaged row is never served; said once per record, not on every list. */
  private warnDamaged(id: string, reason: string): void {
    if (this.damagedLogged.has(id)) return;
    this.damagedLogged.add(id);
    this.options.logger?.warn({ actionId: id, reason }, "A damaged journal record is not served");
  }
}

const prepare = (db: Db) => ({
  insertAction: db.prepare<[Bindable<ActionRow>]>(
    `INSERT INTO actions (id, actor_oid, idempotency_key, kind, target_type, target_id, state,
       is_open, created_at, updated_at, has_items, record, actor_upn, subject_text, search_text)
     VALUES (@id, @actorOid, @idempotencyKey, @kind, @targetType, @targetId, @state, @open,
       @createdAt, @updatedAt, @hasItems, @record, @actorUpn, @subjectText, @searchText)
     ON CONFLICT (actor_oid, idempotency_key) DO NOTHING`,
  ),
  updateAction: db.prepare<[Bindable<ActionUpdateRow>]>(
    `UPDATE actions SET state = @state, is_open = @open, updated_at = @updatedAt,
       has_items = @hasItems, record = @record
     WHERE id = @id`,
  ),
  byId: db.prepare<[string], StoredRow>(`SELECT ${COLUMNS} FROM actions WHERE id = ?`),
  byKey: db.prepare<[string, string], StoredRow>(
    `SELECT ${COLUMNS} FROM actions WHERE actor_oid = ? AND idempotency_key = ?`,
  ),
  open: db.prepare<[], StoredRow>(`SELECT ${COLUMNS} FROM actions WHERE is_open = 1 ORDER BY seq`),
  items: db.prepare<[string], ItemRow>(
    "SELECT item_key AS key, position, state, item FROM action_items WHERE action_id = ? ORDER BY position",
  ),
  upsertItem: db.prepare<[ItemRow & { actionId: string }]>(
    `INSERT INTO action_items (action_id, item_key, position, state, item)
     VALUES (@actionId, @key, @position, @state, @item)
     ON CONFLICT (action_id, item_key) DO UPDATE SET
       position = excluded.position, state = excluded.state, item = excluded.item`,
  ),
  deleteItem: db.prepare<[string, string]>(
    "DELETE FROM action_items WHERE action_id = ? AND item_key = ?",
  ),
  deleteFinished: db.prepare<[string]>("DELETE FROM actions WHERE is_open = 0 AND updated_at < ?"),
  // A new row, or a stale unsent claim taken over; a sent or fresh claim is left as it is.
  claimNotice: db.prepare<[string, string, string, string, string]>(
    `INSERT INTO daily_notices (notice_key, day, holder, claimed_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (notice_key, day) DO UPDATE SET holder = excluded.holder, claimed_at = excluded.claimed_at
     WHERE daily_notices.sent_at IS NULL AND daily_notices.claimed_at < ?`,
  ),
  markNoticeSent: db.prepare<[string, string, string, string]>(
    "UPDATE daily_notices SET sent_at = ? WHERE notice_key = ? AND day = ? AND holder = ?",
  ),
  releaseNotice: db.prepare<[string, string, string]>(
    "DELETE FROM daily_notices WHERE notice_key = ? AND day = ? AND holder = ? AND sent_at IS NULL",
  ),
  forgetNotices: db.prepare<[string]>("DELETE FROM daily_notices WHERE day < ?"),
});

/** better-sqlite3 binds numbers, not booleans. */
type Bindable<R extends ActionUpdateRow> = Omit<R, "open" | "hasItems"> & {
  open: number;
  hasItems: number;
};

const bindable = <R extends ActionUpdateRow>(row: R): Bindable<R> => ({
  ...row,
  open: row.open ? 1 : 0,
  hasItems: row.hasItems ? 1 : 0,
});

/** Creates `path` for its owner only, or narrows an existing file to its owner. */
export const ownerOnlyFile = (path: string): void => {
  closeSync(openSync(path, "a", 0o600));
  chmodSync(path, 0o600);
};
