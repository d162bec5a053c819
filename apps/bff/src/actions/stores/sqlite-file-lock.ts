import Database from "better-sqlite3";

/** Another process (or connection) already holds the journal: two writers would each keep their own truth. */
export class JournalInUseError extends Error {
  override readonly name = "JournalInUseError";
  constructor(readonly journalPath: string) {
    super(
      `The action journal ${journalPath} is in use by another BFF process. Stop that process, ` +
        "or give this one its own DATA_DIR; to run several instances on one journal, set " +
        "DATABASE_URL (Postgres).",
    );
  }
}

export interface SqliteFileLock {
  release(): void;
}

/**
 * Takes the journal for this process alone: an exclusive transaction, never committed, on a
 * small lock database next to the journal. SQLite's POSIX locks are held by the process and
 * dropped by the OS when it dies (even on SIGKILL), so a crash leaves no stale lock to clean
 * up — unlike a pid file. The journal itself stays shareable for readers such as
 * `pnpm journal:backup`, which `locking_mode = EXCLUSIVE` on it would shut out.
 */
export const acquireSqliteFileLock = (lockPath: string, journalPath: string): SqliteFileLock => {
  const db = new Database(lockPath, { timeout: 0 });
  try {
    db.pragma("locking_mode = EXCLUSIVE");
    db.exec("BEGIN EXCLUSIVE");
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code?.startsWith("SQLITE_BUSY") === true) {
      throw new JournalInUseError(journalPath);
    }
    throw error;
  }
  return {
    release: () => {
      db.close();
    },
  };
};
