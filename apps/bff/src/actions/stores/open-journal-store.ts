import type { Logger } from "pino";
import type { Config } from "../../config.js";
import { importJsonlJournal } from "./import-jsonl-journal.js";
import type { JournalStore } from "./journal-store.js";
import { PostgresActionJournal } from "./postgres-action-journal.js";
import { SqliteActionJournal } from "./sqlite-action-journal.js";

/**
 * The journal store the settings ask for (ADR 0018): Postgres when DATABASE_URL is set (several
 * instances), else SQLite in DATA_DIR. An old `actions.jsonl` in DATA_DIR is imported once.
 */
export const openJournalStore = async (
  config: Pick<Config, "dataDir" | "databaseUrl" | "journalRetentionDays">,
  logger: Pick<Logger, "info" | "warn">,
): Promise<JournalStore> => {
  const retentionDays = config.journalRetentionDays;
  const store =
    config.databaseUrl === undefined
      ? SqliteActionJournal.open(config.dataDir, { logger, retentionDays })
      : await PostgresActionJournal.open({
          connectionString: config.databaseUrl,
          logger,
          retentionDays,
        });
  try {
    await importJsonlJournal(config.dataDir, store, logger);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
};
