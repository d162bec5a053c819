import { spawn } from "node:child_process";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import {
  bulkItems,
  bulkRecord,
  describeJournalStoreContract,
  record,
} from "./action-journal.contract.js";
import { JournalInUseError } from "./sqlite-file-lock.js";
import { SQLITE_JOURNAL_FILE, SqliteActionJournal } from "./sqlite-action-journal.js";

const tempDir = () => mkdtemp(join(tmpdir(), "sqlite-journal-"));

/** A side connection to the journal file, as another reader (or a disk fault) would have. */
const withRawDb = <T>(dir: string, work: (db: Database.Database) => T): T => {
  const db = new Database(join(dir, SQLITE_JOURNAL_FILE), { timeout: 5000 });
  try {
    return work(db);
  } finally {
    db.close();
  }
};

describeJournalStoreContract("SQLite", async () => {
  const dir = await tempDir();
  return {
    open: () => Promise.resolve(SqliteActionJournal.open(dir)),
    damage: (id) => {
      withRawDb(dir, (db) =>
        db.prepare('UPDATE actions SET record = \'{"not": "a record"\' WHERE id = ?').run(id),
      );
      return Promise.resolve();
    },
    clearSearchColumns: (ids) => {
      withRawDb(dir, (db) => {
        const clear = db.prepare(
          "UPDATE actions SET actor_upn = NULL, subject_text = NULL, search_text = NULL WHERE id = ?",
        );
        for (const id of ids) clear.run(id);
      });
      return Promise.resolve();
    },
    countItemWrites: () => {
      withRawDb(dir, (db) => {
        db.exec(`
          CREATE TABLE item_writes (n INTEGER NOT NULL);
          INSERT INTO item_writes VALUES (0);
          CREATE TRIGGER count_item_inserts AFTER INSERT ON action_items
            BEGIN UPDATE item_writes SET n = n + 1; END;
          CREATE TRIGGER count_item_updates AFTER UPDATE ON action_items
            BEGIN UPDATE item_writes SET n = n + 1; END;
        `);
      });
      return Promise.resolve(() =>
        Promise.resolve(
          withRawDb(
            dir,
            (db) => db.prepare<[], { n: number }>("SELECT n FROM item_writes").get()?.n ?? -1,
          ),
        ),
      );
    },
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
});

const bffRoot = fileURLToPath(new URL("../../..", import.meta.url));

describe("SqliteActionJournal", () => {
  it("fills the search columns of an old journal a thousand records at a time, every one of them", async () => {
    const dir = await tempDir();
    const journal = SqliteActionJournal.open(dir);
    const records = Array.from({ length: 2_100 }, (_, i) => record({ reason: `Old ticket ${i}` }));
    for (const r of records) await journal.insert(r);
    await journal.close();
    withRawDb(dir, (db) =>
      db.exec("UPDATE actions SET actor_upn = NULL, subject_text = NULL, search_text = NULL"),
    );
    const reopened = SqliteActionJournal.open(dir);
    try {
      for (const i of [0, 999, 1_000, 2_099]) {
        expect(
          (await reopened.list({ limit: 10, text: `Old ticket ${i}` })).map((r) => r.id),
        ).toContain(records[i]?.id);
      }
      expect(
        withRawDb(
          dir,
          (db) =>
            db
              .prepare<[], { n: number }>(
                "SELECT count(*) AS n FROM actions WHERE search_text IS NULL",
              )
              .get()?.n,
        ),
      ).toBe(0);
    } finally {
      await reopened.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("keeps its folder and files for its owner only", async () => {
    const dir = join(await tempDir(), "data");
    const journal = SqliteActionJournal.open(dir);
    await journal.insert(record());
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    for (const file of [
      SQLITE_JOURNAL_FILE,
      `${SQLITE_JOURNAL_FILE}-wal`,
      `${SQLITE_JOURNAL_FILE}.lock`,
    ]) {
      expect((await stat(join(dir, file))).mode & 0o777, file).toBe(0o600);
    }
    await journal.close();
  });

  it("refuses a second journal on the same file until the first closes", async () => {
    const dir = await tempDir();
    const journal = SqliteActionJournal.open(dir);
    expect(() => SqliteActionJournal.open(dir)).toThrow(JournalInUseError);
    expect(() => SqliteActionJournal.open(dir)).toThrow(/in use by another BFF process/);
    await journal.close();
    const again = SqliteActionJournal.open(dir);
    await again.close();
  });

  it("makes a second BFF process on the same data folder refuse to start, saying why", async () => {
    const dir = await tempDir();
    const journal = SqliteActionJournal.open(dir);
    const child = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
      cwd: bffRoot,
      env: {
        ...process.env,
        DATA_DIR: dir,
        TENANT_ID: "0b1a8c4e-5f3d-4e2a-9c1b-7d6e5f4a3b21",
        API_CLIENT_ID: "9c2d4e6f-8a1b-4c3d-b5e7-0f1a2b3c4d5e",
        API_CLIENT_SECRET: "unused",
        SPA_CLIENT_ID: "5e0c7a1d-2b3f-4c8e-9a6d-1f2e3d4c5b6a",
        // Never reached: the journal is opened first, so a taken one stops the start at once.
        OIDC_METADATA_URL: "http://127.0.0.1:9/unused",
        DATABASE_URL: "",
        LOG_PRETTY: "false",
        PORT: "0",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    await journal.close();
    expect(code).toBe(1);
    expect(output).toContain("is in use by another BFF process");
  });

  // Items updated 25 at a time to keep the test quick; bench/scenarios/journal-store.ts
  // measures them one by one.
  it("keeps a 1,000-item bulk record within 1 KB per item as its items change", async () => {
    const dir = await tempDir();
    const journal = SqliteActionJournal.open(dir);
    const items = bulkItems(1000);
    const bulk = bulkRecord(items);
    await journal.insert(bulk);
    let current = items;
    for (let i = 0; i < items.length; i += 25) {
      current = current.map((item, j) =>
        j >= i && j < i + 25
          ? {
              ...item,
              state: "succeeded",
              graph: { clientRequestId: crypto.randomUUID(), status: 204 },
            }
          : item,
      );
      await journal.update(bulk.id, { items: current });
    }
    await journal.close();
    const bytes = (await stat(join(dir, SQLITE_JOURNAL_FILE))).size;
    expect(bytes / items.length).toBeLessThanOrEqual(1024);
  });
});
