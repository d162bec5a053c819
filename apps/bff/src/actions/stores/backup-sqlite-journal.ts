import { existsSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { SQLITE_JOURNAL_FILE, ownerOnlyFile } from "./sqlite-action-journal.js";

/**
 * An online backup of the embedded journal to `target` (SQLite's backup API, through
 * better-sqlite3's `backup()`): a consistent copy while the BFF keeps running and writing.
 * It reads the journal beside the BFF without taking its lock (sqlite-file-lock.ts guards
 * writers only). The copy is for its owner only, and never overwrites a file.
 */
export const backupSqliteJournal = async (
  dataDir: string,
  target: string,
): Promise<{ totalPages: number }> => {
  const source = join(dataDir, SQLITE_JOURNAL_FILE);
  if (!existsSync(source)) throw new Error(`No journal at ${source}: nothing to back up.`);
  if (existsSync(target)) throw new Error(`${target} exists; name a new file for the backup.`);
  ownerOnlyFile(target);
  const db = new Database(source, { fileMustExist: true, timeout: 5000 });
  try {
    const { totalPages } = await db.backup(target);
    return { totalPages };
  } finally {
    db.close();
  }
};
