import { randomBytes } from "node:crypto";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { describeJournalStoreContract, record } from "./action-journal.contract.js";
import { PostgresActionJournal } from "./postgres-action-journal.js";

/** CI and developers' machines run PostgreSQL here (issue #13: trust auth, database `test`). */
const url = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

const reachable = async (): Promise<string | undefined> => {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
};

/** Runs `sql` on a connection of its own (the test's view of the database, beside the store). */
const admin = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
};

const unreachable = await reachable();

if (unreachable === undefined) {
  describeJournalStoreContract("Postgres", async () => {
    // A schema of its own per test, so parallel runs (and workers) never meet.
    const schema = `journal_test_${randomBytes(6).toString("hex")}`;
    await admin(`CREATE SCHEMA ${schema}`);
    const open = () => PostgresActionJournal.open({ connectionString: url, schema });
    return {
      open,
      openSecond: open,
      damage: async (id) => {
        await admin(`UPDATE ${schema}.actions SET record = '{"not": "a record"}' WHERE id = $1`, [
          id,
        ]);
      },
      clearSearchColumns: async (ids) => {
        await admin(
          `UPDATE ${schema}.actions SET actor_upn = NULL, subject_text = NULL, search_text = NULL
           WHERE id = ANY($1::text[])`,
          [ids],
        );
      },
      countItemWrites: async () => {
        await admin(`
          CREATE TABLE ${schema}.item_writes (n integer NOT NULL);
          INSERT INTO ${schema}.item_writes VALUES (0);
          CREATE FUNCTION ${schema}.count_item_write() RETURNS trigger LANGUAGE plpgsql AS
            $$ BEGIN UPDATE ${schema}.item_writes SET n = n + 1; RETURN NULL; END $$;
          CREATE TRIGGER count_item_writes AFTER INSERT OR UPDATE ON ${schema}.action_items
            FOR EACH ROW EXECUTE FUNCTION ${schema}.count_item_write();
        `);
        return async () =>
          (await admin<{ n: number }>(`SELECT n FROM ${schema}.item_writes`))[0]?.n ?? -1;
      },
      dispose: async () => {
        await admin(`DROP SCHEMA ${schema} CASCADE`);
      },
    };
  });

  describe("PostgresActionJournal", () => {
    it("migrates once when two instances start together", async () => {
      const schema = `journal_test_${randomBytes(6).toString("hex")}`;
      await admin(`CREATE SCHEMA ${schema}`);
      try {
        const [a, b] = await Promise.all([
          PostgresActionJournal.open({ connectionString: url, schema }),
          PostgresActionJournal.open({ connectionString: url, schema }),
        ]);
        const first = record();
        await a.insert(first);
        expect((await b.get(first.id))?.id).toBe(first.id);
        await Promise.all([a.close(), b.close()]);
        const rows = await admin<{ version: number }>(
          `SELECT version FROM ${schema}.schema_migrations`,
        );
        expect(rows.map((row) => row.version)).toEqual([1, 2, 3]);
      } finally {
        await admin(`DROP SCHEMA ${schema} CASCADE`);
      }
    });
  });
} else if (process.env.CI !== undefined && process.env.CI !== "" && process.env.CI !== "false") {
  // CI promises a Postgres (.ci/run starts one): its absence is a failure, not a skip.
  describe("Postgres journal store", () => {
    it("needs PostgreSQL at 127.0.0.1:5432 (CI)", () => {
      throw new Error(`PostgreSQL is not reachable at ${url}: ${unreachable}`);
    });
  });
} else {
  describe.skip(`Postgres journal store: skipped, PostgreSQL not reachable at ${url} (${unreachable}); CI fails instead`, () => {
    it("needs PostgreSQL", () => undefined);
  });
}
