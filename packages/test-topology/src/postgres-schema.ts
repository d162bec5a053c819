import { randomBytes } from "node:crypto";
import pg from "pg";

/** CI and developers' machines run Postgres here (issue #13): trust on loopback, database `test`. */
export const testDatabaseUrl = "postgres://postgres@127.0.0.1:5432/test";

const admin = async (databaseUrl: string, sql: string): Promise<void> => {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
};

export interface PostgresSchema {
  name: string;
  /** `databaseUrl` with `search_path` set to the schema: what a BFF's DATABASE_URL gets. */
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh schema of its own for one run (`<prefix>_<random>`), so runs never share a journal
 * and each starts empty; `drop()` removes it with everything in it.
 */
export const createPostgresSchema = async (
  databaseUrl: string,
  prefix: string,
): Promise<PostgresSchema> => {
  if (!/^[a-z_][a-z0-9_]{0,40}$/.test(prefix)) throw new Error(`Not a plain prefix: ${prefix}`);
  const name = `${prefix}_${randomBytes(5).toString("hex")}`;
  await admin(databaseUrl, `CREATE SCHEMA ${name}`);
  const separator = databaseUrl.includes("?") ? "&" : "?";
  return {
    name,
    url: `${databaseUrl}${separator}options=${encodeURIComponent(`-c search_path=${name}`)}`,
    drop: () => admin(databaseUrl, `DROP SCHEMA IF EXISTS ${name} CASCADE`),
  };
};

/** Why Postgres at `databaseUrl` does not answer a query, or undefined when it does. */
export const postgresProblem = async (databaseUrl: string): Promise<string | undefined> => {
  try {
    await admin(databaseUrl, "SELECT 1");
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
};
