import { resolve } from "node:path";
import { backupSqliteJournal } from "./actions/stores/backup-sqlite-journal.js";
import { ConfigError, loadJournalSettings } from "./config.js";

/**
 * `pnpm journal:backup <file>`: an online copy of the embedded journal (DATA_DIR/console.sqlite)
 * while the BFF runs. With DATABASE_URL set the journal is in Postgres: back it up with the
 * database's own tools (pg_dump), which this does not replace.
 */
const main = async (): Promise<number> => {
  const target = process.argv[2];
  if (target === undefined || target === "") {
    console.error(
      "Usage: pnpm journal:backup <file>   (an online copy of DATA_DIR/console.sqlite)",
    );
    return 2;
  }
  const settings = loadJournalSettings();
  if (settings.databaseUrl !== undefined) {
    console.error("DATABASE_URL is set: the journal is in Postgres; back it up with pg_dump.");
    return 2;
  }
  const file = resolve(settings.invokedFrom, target);
  // DATA_DIR is relative to the BFF's folder, as the BFF reads it; the target to where it was typed.
  const { totalPages } = await backupSqliteJournal(settings.dataDir, file);
  console.log(`Backed up the journal to ${file} (${totalPages} pages).`);
  return 0;
};

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError || error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
