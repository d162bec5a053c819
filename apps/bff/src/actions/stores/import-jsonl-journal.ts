import { createReadStream } from "node:fs";
import { rename, stat } from "node:fs/promises";
import { join } from "node:path";
import { createInterface } from "node:readline";
import type { Logger } from "pino";
import { StoredActionSchema, type StoredAction } from "../action-journal.js";
import type { JournalStore } from "./journal-store.js";

export const JSONL_JOURNAL_FILE = "actions.jsonl";

export interface JsonlImportResult {
  /** Records written to the store. */
  imported: number;
  /** Records the store already held (an import cut off before its rename, run again). */
  alreadyStored: number;
  /** Lines that were not records: reported by line number and left in the renamed file. */
  damagedLines: number;
}

/**
 * The one-time move from the journal before ADR 0018 (`DATA_DIR/actions.jsonl`, one full
 * record per line, last line of a record wins) into a store. Each line is checked against the
 * record's schema, as the file journal did; damaged lines are reported and skipped. The file
 * is renamed to `actions.jsonl.imported` afterwards, so it is read once; if the import is cut
 * off before the rename, the next start imports again and skips what is already stored.
 * Only the latest version of each record is held in memory, never the file.
 */
export const importJsonlJournal = async (
  dataDir: string,
  store: Pick<JournalStore, "importRecord">,
  logger?: Pick<Logger, "info" | "warn">,
): Promise<JsonlImportResult | undefined> => {
  const path = join(dataDir, JSONL_JOURNAL_FILE);
  try {
    await stat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  const latest = new Map<string, StoredAction>();
  let damagedLines = 0;
  let lineNumber = 0;
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  for await (const text of lines) {
    lineNumber += 1;
    if (text.trim() === "") continue;
    const parsed = parseLine(text);
    if (typeof parsed === "string") {
      damagedLines += 1;
      logger?.warn(
        { file: path, line: lineNumber, reason: parsed },
        "Skipped a damaged journal line",
      );
      continue;
    }
    // Map order is first-insertion order: creation order, with each record's last version.
    latest.set(parsed.id, parsed);
  }
  let imported = 0;
  let alreadyStored = 0;
  for (const record of latest.values()) {
    if (await store.importRecord(record)) imported += 1;
    else alreadyStored += 1;
  }
  const renamedTo = `${path}.imported`;
  await rename(path, renamedTo);
  const result = { imported, alreadyStored, damagedLines };
  logger?.info({ file: path, renamedTo, ...result }, "Imported the old actions.jsonl journal");
  return result;
};

/** A record, or why the line is not one. */
const parseLine = (text: string): StoredAction | string => {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return `not JSON (${error instanceof Error ? error.message : String(error)})`;
  }
  const parsed = StoredActionSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  return `not a record (${issue ? `${issue.path.join(".") || "(root)"}: ${issue.message}` : "invalid"})`;
};
