import type { Database } from "better-sqlite3";

/**
 * The SQLite schema, one step per version; a step is never edited once released, only
 * followed by another. The Postgres schema (postgres-migrations.ts) is the same, in its SQL.
 */
const MIGRATIONS: readonly { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE actions (
        -- Creation order: Activity lists newest first and pages with a cursor on it.
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        actor_oid TEXT NOT NULL,
        idempotency_key TEXT NOT NULL,
        kind TEXT NOT NULL,
        target_type TEXT NOT NULL,
        target_id TEXT NOT NULL,
        state TEXT NOT NULL,
        is_open INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        has_items INTEGER NOT NULL,
        -- The record's JSON without its items.
        record TEXT NOT NULL,
        UNIQUE (actor_oid, idempotency_key)
      );
      CREATE INDEX actions_by_actor ON actions (actor_oid, seq);
      CREATE INDEX actions_by_target ON actions (target_id, target_type, seq);
      CREATE INDEX actions_by_kind ON actions (kind, seq);
      CREATE INDEX actions_by_state ON actions (state, seq);
      CREATE INDEX actions_by_created_at ON actions (created_at);
      CREATE INDEX actions_open ON actions (seq) WHERE is_open = 1;
      CREATE INDEX actions_finished_by_updated_at ON actions (updated_at) WHERE is_open = 0;
      CREATE TABLE action_items (
        action_id TEXT NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
        item_key TEXT NOT NULL,
        position INTEGER NOT NULL,
        state TEXT NOT NULL,
        item TEXT NOT NULL,
        PRIMARY KEY (action_id, item_key)
      ) WITHOUT ROWID;
    `,
  },
  {
    // Activity's filters (issue #18): NULL until filled from the record (fillSearchColumns).
    version: 2,
    sql: `
      ALTER TABLE actions ADD COLUMN actor_upn TEXT;
      ALTER TABLE actions ADD COLUMN subject_text TEXT;
      ALTER TABLE actions ADD COLUMN search_text TEXT;
      CREATE INDEX actions_by_actor_upn ON actions (actor_upn, seq);
      CREATE INDEX actions_by_created_at_seq ON actions (created_at, seq);
    `,
  },
  {
    // The expiry webhook's once-a-day notices (ADR 0033): one row per notice and UTC day.
    version: 3,
    sql: `
      CREATE TABLE daily_notices (
        notice_key TEXT NOT NULL,
        day TEXT NOT NULL,
        holder TEXT NOT NULL,
        claimed_at TEXT NOT NULL,
        sent_at TEXT,
        PRIMARY KEY (notice_key, day)
      ) WITHOUT ROWID;
    `,
  },
];

/** Brings the database to the newest schema, each step in its own transaction. */
export const migrateSqlite = (db: Database): number => {
  db.exec(
    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)",
  );
  const applied = new Set(
    db
      .prepare<[], { version: number }>("SELECT version FROM schema_migrations")
      .all()
      .map((row) => row.version),
  );
  const record = db.prepare("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)");
  let ran = 0;
  for (const step of MIGRATIONS) {
    if (applied.has(step.version)) continue;
    db.transaction(() => {
      db.exec(step.sql);
      record.run(step.version, new Date().toISOString());
    })();
    ran += 1;
  }
  return ran;
};
