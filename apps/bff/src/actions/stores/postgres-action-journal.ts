import pg, { type PoolClient } from "pg";
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
  type ItemRow,
} from "./journal-rows.js";
import { listSql } from "./journal-filter-sql.js";
import { scheduleJournalRetention } from "./journal-retention.js";
import {
  JournalRecordMissingError,
  JournalStoreClosedError,
  type JournalStore,
} from "./journal-store.js";
import { migratePostgres } from "./postgres-migrations.js";

export interface PostgresActionJournalOptions {
  connectionString: string;
  /** The schema the tables live in (tests: one per run); default the connection's `public`. */
  schema?: string;
  logger?: Pick<Logger, "info" | "warn">;
  /** Delete finished records older than this many days; undefined keeps everything. */
  retentionDays?: number | undefined;
}

interface StoredRow {
  id: string;
  has_items: boolean;
  record: string;
}

type Queryable = Pick<PoolClient, "query">;

// ::text reads json columns as written, not parsed (see postgres-migrations.ts).
const COLUMNS = "id, has_items, record::text AS record";

/**
 * The journal shared by several BFF instances (ADR 0018), the same schema and contract as the
 * SQLite store: the unique (actor, key) makes one record per key across instances, and a
 * record's row is locked (`FOR UPDATE`) while a change to it is made.
 */
export class PostgresActionJournal implements JournalStore {
  private closed = false;
  private readonly damagedLogged = new Set<string>();
  private readonly stopRetention: () => void;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly options: PostgresActionJournalOptions,
  ) {
    this.stopRetention =
      options.retentionDays === undefined
        ? () => undefined
        : scheduleJournalRetention(this, options.retentionDays, options.logger);
  }

  static async open(options: PostgresActionJournalOptions): Promise<PostgresActionJournal> {
    if (options.schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(options.schema)) {
      throw new Error(`Not a plain schema name: ${options.schema}`);
    }
    const pool = new pg.Pool({
      connectionString: options.connectionString,
      max: 10,
      ...(options.schema === undefined ? {} : { options: `-c search_path=${options.schema}` }),
    });
    // An idle client's error (the server restarted) must not crash the process; the next
    // query gets a fresh connection.
    pool.on("error", (error) => {
      options.logger?.warn({ err: error }, "A Postgres connection of the journal failed");
    });
    try {
      const client = await pool.connect();
      try {
        const ran = await migratePostgres(client);
        if (ran > 0) options.logger?.info({ migrations: ran }, "Journal schema updated");
      } finally {
        client.release();
      }
    } catch (error) {
      await pool.end();
      throw error;
    }
    const journal = new PostgresActionJournal(pool, options);
    await journal.fillSearchColumns();
    return journal;
  }

  insert(record: StoredAction): Promise<{ record: StoredAction; created: boolean }> {
    return this.transaction(async (client) => {
      // Waits for a concurrent insert of the same key to commit, then does nothing.
      const inserted = await client.query(
        `INSERT INTO actions (id, actor_oid, idempotency_key, kind, target_type, target_id,
           state, is_open, created_at, updated_at, has_items, record, actor_upn, subject_text,
           search_text)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
         ON CONFLICT (actor_oid, idempotency_key) DO NOTHING`,
        actionParams(record),
      );
      if (inserted.rowCount === 1) {
        await writeItems(client, record.id, toItemRows(record.items), []);
        return { record, created: true };
      }
      const existing = await this.read(
        client,
        `SELECT ${COLUMNS} FROM actions WHERE actor_oid = $1 AND idempotency_key = $2`,
        [record.actor.oid, record.idempotencyKey],
      );
      if (existing[0] === undefined) {
        throw new Error(
          "The journal holds an unreadable record for this idempotency key; see the warning above",
        );
      }
      return { record: existing[0], created: false };
    });
  }

  update(id: string, patch: ActionPatch): Promise<StoredAction> {
    return this.transaction(async (client) => {
      const { current, items } = await this.current(client, id, !("items" in patch));
      const next = patched(current, patch, new Date().toISOString());
      await this.write(client, next, "items" in patch ? items : undefined);
      return next;
    });
  }

  replace(record: StoredAction): Promise<StoredAction> {
    return this.transaction(async (client) => {
      const { items } = await this.current(client, record.id, false);
      const next = patched(record, {}, new Date().toISOString());
      await this.write(client, next, items);
      return next;
    });
  }

  async get(id: string): Promise<StoredAction | undefined> {
    this.assertOpen();
    return (await this.read(this.pool, `SELECT ${COLUMNS} FROM actions WHERE id = $1`, [id]))[0];
  }

  async findByKey(actorOid: string, idempotencyKey: string): Promise<StoredAction | undefined> {
    this.assertOpen();
    const sql = `SELECT ${COLUMNS} FROM actions WHERE actor_oid = $1 AND idempotency_key = $2`;
    return (await this.read(this.pool, sql, [actorOid, idempotencyKey]))[0];
  }

  list(query: ActionListQuery): Promise<StoredAction[]> {
    this.assertOpen();
    const params: (string | number)[] = [];
    const { where, orderBy } = listSql(query, (value) => {
      params.push(value);
      return `$${params.length}`;
    });
    params.push(query.limit);
    return this.read(
      this.pool,
      `SELECT ${COLUMNS} FROM actions ${where} ${orderBy} LIMIT $${params.length}`,
      params,
    );
  }

  listOpen(): Promise<StoredAction[]> {
    this.assertOpen();
    return this.read(this.pool, `SELECT ${COLUMNS} FROM actions WHERE is_open ORDER BY seq`, []);
  }

  importRecord(record: StoredAction): Promise<boolean> {
    return this.transaction(async (client) => {
      const inserted = await client.query(
        `INSERT INTO actions (id, actor_oid, idempotency_key, kind, target_type, target_id,
           state, is_open, created_at, updated_at, has_items, record, actor_upn, subject_text,
           search_text)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
         ON CONFLICT DO NOTHING`,
        actionParams(record),
      );
      if (inserted.rowCount !== 1) return false;
      await writeItems(client, record.id, toItemRows(record.items), []);
      return true;
    });
  }

  async deleteFinishedBefore(cutoff: Date): Promise<number> {
    this.assertOpen();
    const result = await this.pool.query(
      "DELETE FROM actions WHERE NOT is_open AND updated_at < $1",
      [cutoff.toISOString()],
    );
    return result.rowCount ?? 0;
  }

  async claimNotice(
    key: string,
    day: string,
    holder: string,
    now: Date,
    staleBefore: Date,
  ): Promise<boolean> {
    this.assertOpen();
    // A new row, or a stale unsent claim taken over; a sent or fresh claim is left as it is.
    const result = await this.pool.query(
      `INSERT INTO daily_notices (notice_key, day, holder, claimed_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (notice_key, day) DO UPDATE SET holder = excluded.holder, claimed_at = excluded.claimed_at
       WHERE daily_notices.sent_at IS NULL AND daily_notices.claimed_at < $5`,
      [key, day, holder, now.toISOString(), staleBefore.toISOString()],
    );
    return result.rowCount === 1;
  }

  async markNoticeSent(key: string, day: string, holder: string, now: Date): Promise<void> {
    this.assertOpen();
    await this.pool.query(
      "UPDATE daily_notices SET sent_at = $1 WHERE notice_key = $2 AND day = $3 AND holder = $4",
      [now.toISOString(), key, day, holder],
    );
  }

  async releaseNotice(key: string, day: string, holder: string): Promise<void> {
    this.assertOpen();
    await this.pool.query(
      "DELETE FROM daily_notices WHERE notice_key = $1 AND day = $2 AND holder = $3 AND sent_at IS NULL",
      [key, day, holder],
    );
  }

  async forgetNoticesBefore(day: string): Promise<number> {
    this.assertOpen();
    const result = await this.pool.query("DELETE FROM daily_notices WHERE day < $1", [day]);
    return result.rowCount ?? 0;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.stopRetention();
    await this.pool.end();
  }

  /**
   * Fills Activity's search columns of records written before migration 2, a batch at a time
   * (several instances may do it at once: they write the same values).
   */
  private async fillSearchColumns(): Promise<void> {
    let filled = 0;
    for (;;) {
      const records = await this.read(
        this.pool,
        `SELECT ${COLUMNS} FROM actions WHERE search_text IS NULL ORDER BY seq LIMIT 500`,
        [],
      );
      const { rows } = await this.pool.query<{ id: string }>(
        "SELECT id FROM actions WHERE search_text IS NULL ORDER BY seq LIMIT 500",
      );
      if (rows.length === 0) break;
      const byId = new Map(records.map((record) => [record.id, record]));
      for (const { id } of rows) {
        const record = byId.get(id);
        const columns =
          record === undefined
            ? { actorUpn: "", subjectText: "", searchText: "" }
            : searchColumnsOf(record);
        await this.pool.query(
          "UPDATE actions SET actor_upn = $1, subject_text = $2, search_text = $3 WHERE id = $4",
          [columns.actorUpn, columns.subjectText, columns.searchText, id],
        );
      }
      filled += rows.length;
    }
    if (filled > 0) this.options.logger?.info({ records: filled }, "Journal search columns filled");
  }

  private assertOpen(): void {
    if (this.closed) throw new JournalStoreClosedError();
  }

  private async transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    this.assertOpen();
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /**
   * The record locked for this transaction, with its item rows (in the record only if
   * `withItems`: a write replacing them skips parsing them).
   */
  private async current(
    client: PoolClient,
    id: string,
    withItems: boolean,
  ): Promise<{ current: StoredAction; items: ItemRow[] }> {
    const { rows } = await client.query<StoredRow>(
      `SELECT ${COLUMNS} FROM actions WHERE id = $1 FOR UPDATE`,
      [id],
    );
    const row = rows[0];
    if (row === undefined) throw new JournalRecordMissingError(id);
    const items = row.has_items ? await itemRows(client, [id]) : new Map<string, ItemRow[]>();
    const stored = items.get(id) ?? [];
    const current = fromRows(row.record, row.has_items, withItems ? stored : undefined);
    if (typeof current === "string") {
      this.warnDamaged(id, current);
      throw new JournalRecordMissingError(id);
    }
    return { current, items: stored };
  }

  private async write(
    client: PoolClient,
    next: StoredAction,
    storedItems: ItemRow[] | undefined,
  ): Promise<void> {
    const row = toActionUpdateRow(next);
    await client.query(
      "UPDATE actions SET state = $2, is_open = $3, updated_at = $4, has_items = $5, record = $6 WHERE id = $1",
      [row.id, row.state, row.open, row.updatedAt, row.hasItems, row.record],
    );
    const { upserts, deletes } = itemWrite(next, storedItems);
    if (upserts.length > 0 || deletes.length > 0) {
      await writeItems(client, next.id, upserts, deletes);
    }
  }

  /** The records these rows hold, with their items; damaged ones left out (and said once). */
  private async read(
    db: Queryable,
    sql: string,
    params: readonly unknown[],
  ): Promise<StoredAction[]> {
    const { rows } = await db.query<StoredRow>(sql, [...params]);
    const withItems = rows.filter((row) => row.has_items).map((row) => row.id);
    const items =
      withItems.length > 0 ? await itemRows(db, withItems) : new Map<string, ItemRow[]>();
    return rows.flatMap((row) => {
      const record = fromRows(row.record, row.has_items, items.get(row.id) ?? []);
      if (typeof record !== "string") return [record];
      this.warnDamaged(row.id, record);
      return [];
    });
  }

  private warnDamaged(id: string, reason: string): void {
    if (this.damagedLogged.has(id)) return;
    this.damagedLogged.add(id);
    this.options.logger?.warn({ actionId: id, reason }, "A damaged journal record is not served");
  }
}

const actionParams = (record: StoredAction): unknown[] => {
  const row = toActionRow(record);
  return [
    row.id,
    row.actorOid,
    row.idempotencyKey,
    row.kind,
    row.targetType,
    row.targetId,
    row.state,
    row.open,
    row.createdAt,
    row.updatedAt,
    row.hasItems,
    row.record,
    row.actorUpn,
    row.subjectText,
    row.searchText,
  ];
};

/** The item rows of these records, in order, by record id. */
const itemRows = async (db: Queryable, ids: string[]): Promise<Map<string, ItemRow[]>> => {
  const { rows } = await db.query<ItemRow & { action_id: string }>(
    `SELECT action_id, item_key AS key, position, state, item::text AS item FROM action_items
     WHERE action_id = ANY($1::text[]) ORDER BY action_id, position`,
    [ids],
  );
  const byAction = new Map<string, ItemRow[]>();
  for (const { action_id, ...row } of rows) {
    const list = byAction.get(action_id) ?? [];
    list.push(row);
    byAction.set(action_id, list);
  }
  return byAction;
};

/** One statement for all the rows of a write, however many items changed. */
const writeItems = async (
  client: Queryable,
  actionId: string,
  upserts: readonly ItemRow[],
  deletes: readonly string[],
): Promise<void> => {
  if (deletes.length > 0) {
    await client.query(
      "DELETE FROM action_items WHERE action_id = $1 AND item_key = ANY($2::text[])",
      [actionId, deletes],
    );
  }
  if (upserts.length === 0) return;
  await client.query(
    `INSERT INTO action_items (action_id, item_key, position, state, item)
     SELECT $1, k, p, s, i::json
       FROM unnest($2::text[], $3::int[], $4::text[], $5::text[]) AS u (k, p, s, i)
     ON CONFLICT (action_id, item_key) DO UPDATE SET
       position = excluded.position, state = excluded.state, item = excluded.item`,
    [
      actionId,
      upserts.map((row) => row.key),
      upserts.map((row) => row.position),
      upserts.map((row) => row.state),
      upserts.map((row) => row.item),
    ],
  );
};
