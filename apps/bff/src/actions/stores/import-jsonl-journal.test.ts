import { access, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bulkItems, bulkRecord, record } from "./action-journal.contract.js";
import { importJsonlJournal } from "./import-jsonl-journal.js";
import { SqliteActionJournal } from "./sqlite-action-journal.js";

describe("importJsonlJournal", () => {
  it("imports each record's last version once, skips damaged lines, and renames the file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "jsonl-import-"));
    const bulk = bulkRecord(bulkItems(3));
    const done = { ...bulk, state: "succeeded" as const, updatedAt: "2030-01-01T00:00:00.000Z" };
    const single = record();
    const lines = [
      JSON.stringify(bulk),
      JSON.stringify(single),
      "{ not json",
      JSON.stringify({ id: "x", kind: "nope" }),
      JSON.stringify(done),
      // A torn last line, as a kill mid-append leaves.
      JSON.stringify(record()).slice(0, 40),
    ];
    await writeFile(join(dir, "actions.jsonl"), lines.join("\n"));
    const warnings: object[] = [];
    const infos: object[] = [];
    const logger = {
      warn: (o: object) => void warnings.push(o),
      info: (o: object) => void infos.push(o),
    };

    const store = SqliteActionJournal.open(dir);
    expect(await importJsonlJournal(dir, store, logger)).toEqual({
      imported: 2,
      alreadyStored: 0,
      damagedLines: 3,
    });
    expect(warnings.map((w) => (w as { line: number }).line)).toEqual([3, 4, 6]);
    expect(infos).toHaveLength(1);
    expect(await store.get(bulk.id)).toEqual(done);
    expect((await store.list({ limit: 10 })).map((r) => r.id)).toEqual([single.id, bulk.id]);
    await access(join(dir, "actions.jsonl.imported"));
    // Once: the next start finds nothing to import.
    expect(await importJsonlJournal(dir, store, logger)).toBeUndefined();
    await store.close();
  });
});
