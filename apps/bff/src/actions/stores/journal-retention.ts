import type { Logger } from "pino";
import type { JournalStore } from "./journal-store.js";

const DAY_MS = 24 * 60 * 60 * 1000;
const EVERY_MS = 60 * 60 * 1000;

/**
 * Deletes finished records older than `days` (JOURNAL_RETENTION_DAYS) now and hourly; open
 * records are never deleted, however old. Returns the function that stops it.
 */
export const scheduleJournalRetention = (
  store: Pick<JournalStore, "deleteFinishedBefore">,
  days: number,
  logger: Pick<Logger, "info" | "warn"> | undefined,
): (() => void) => {
  const sweep = async () => {
    try {
      const deleted = await store.deleteFinishedBefore(new Date(Date.now() - days * DAY_MS));
      if (deleted > 0) logger?.info({ deleted, days }, "Deleted finished actions past retention");
    } catch (error) {
      logger?.warn({ err: error }, "The journal retention sweep failed; it runs again in an hour");
    }
  };
  void sweep();
  const timer = setInterval(() => void sweep(), EVERY_MS);
  timer.unref();
  return () => {
    clearInterval(timer);
  };
};
