import type { PoolClient } from "pg";

/**
 * The Postgres schema: the SQLite schema (sqlite-migrations.ts) in Postgres's SQL, one step per
 * version, never edited once released. `json` (not `jsonb`) keeps a record's text as written,
 * so a record read back has its keys in the order they were written and compares equal to
 * the version before (the item deltas of action-events.ts compare items as JSON text).
 */
const MIGRATIONS: readonly { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE actions (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id text NOT NULL UNIQUE,
        actor_oid text NOT NULL,
        idempotency_key text NOT NULL,
        kind text NOT NULL,
        target_type text NOT NULL,
        target_id text NOT NULL,
        state text NOT NULL,
        is_open boolean NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        has_items boolean NOT NULL,
        record json NOT NULL,
        UNIQUE (actor_oid, idempotency_key)
      );
      CREATE INDEX actions_by_actor ON actions (actor_oid, seq);
      CREATE INDEX actions_by_target ON actions (target_id, target_type, seq);
      CREATE INDEX actions_by_kind ON actions (kind, seq);
      CREATE INDEX actions_by_state ON actions (state, seq);
      CREATE INDEX actions_by_created_at ON actions (created_at);
      CREATE INDEX actions_open ON actions (seq) WHERE is_open;
      CREATE INDEX actions_finished_by_updated_at ON actions (updated_at) WHERE NOT is_open;
      CREATE TABLE action_items (
        action_id text NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
        item_key text NOT NULL,
        position integer NOT NULL,
        state text NOT NULL,
        item json NOT NULL,
        PRIMARY KEY (action_id, item_key)
      );
    `,
  },
  {
    version: 2,
    sql: `
      ALTER TABLE actions ADD COLUMN actor_upn text;
      ALTER TABLE actions ADD COLUMN subject_text text;
      ALTER TABLE actions ADD COLUMN search_text text;
      CREATE INDEX actions_by_actor_upn ON actions (actor_upn, seq);
      CREATE INDEX actions_by_created_at_seq ON actions (created_at, seq);
    `,
  },
  {
    version: 3,
    sql: `
      CREATE TABLE daily_notices (
        notice_key text NOT NULL,
        day text NOT NULL,
        holder text NOT NULL,
        claimed_at timestamptz NOT NULL,
        sent_at timestamptz,
        PRIMARY KEY (notice_key, day)
      );
    `,
  },
];

/**
 * Brings the schema to the newest version in one transaction. Instances starting together
 * take turns on an advisory lock, so a step never runs twice.
 */
export const migratePostgres = async (client: PoolClient): Promise<number> => {
  await client.query("BEGIN");
  try {
    await client.query(
      "SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.ihc_journal_migrations'))",
    );
    await client.query(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
    );
    const { rows } = await client.query<{ version: number }>(
      "SELECT version FROM schema_migrations",
    );
    const applied = new Set(rows.map((row) => row.version));
    let ran = 0;
    for (const step of MIGRATIONS) {
      if (applied.has(step.version)) continue;
      await client.query(step.sql);
      await client.query("INSERT INTO schema_migrations (version) VALUES ($1)", [step.version]);
      ran += 1;
    }
    await client.query("COMMIT");
    return ran;
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
};
