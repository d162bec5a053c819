import { copyFile, mkdtemp, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { record } from "./action-journal.contract.js";
import { backupSqliteJournal } from "./backup-sqlite-journal.js";
import { SqliteActionJournal } from "./sqlite-action-journal.js";

describe("backupSqliteJournal", () => {
  it("copies the journal while it is open, for its owner only, and never over a file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "journal-backup-"));
    const journal = SqliteActionJournal.open(join(dir, "data"));
    const first = record();
    await journal.insert(first);
    const target = join(dir, "copy.sqlite");
    await backupSqliteJournal(join(dir, "data"), target);
    // Still writable by the BFF while (and after) it is copied.
    await journal.update(first.id, { state: "sent" });
    await journal.close();
    expect((await stat(target)).mode & 0o777).toBe(0o600);
    await expect(backupSqliteJournal(join(dir, "data"), target)).rejects.toThrow(/exists/);

    // The copy is a journal of its own, holding the record as it was.
    const copy = SqliteActionJournal.open(await restoreInto(target));
    expect((await copy.get(first.id))?.state).toBe("accepted");
    await copy.close();
  });
});

/** A data folder whose journal is the backup, as an operator restores one. */
const restoreInto = async (backup: string): Promise<string> => {
  const dir = await mkdtemp(join(tmpdir(), "journal-restore-"));
  await copyFile(backup, join(dir, "console.sqlite"));
  return dir;
};
