import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { percentile } from "../lib/measure.js";
import type { BulkItem } from "@ihc/contracts";
import Database from "better-sqlite3";
import type { StoredAction } from "../../apps/bff/src/actions/action-journal.js";
import { toActionRow, toItemRows } from "../../apps/bff/src/actions/stores/journal-rows.js";
import {
  SQLITE_JOURNAL_FILE,
  SqliteActionJournal,
} from "../../apps/bff/src/actions/stores/sqlite-action-journal.js";

/**
 * The embedded journal's figures (issue #13, ADR 0018):
 * - bytes per bulk item: a 1,000-item bulk record, its items updated one by one (one journal
 *   write each, as the bulk queue's worst case), then the file's size and the bytes the
 *   process wrote to disk (/proc/self/io), per item;
 * - start-up with N records: a fresh process opens the journal, lists the open records (what
 *   restart recovery reads) and a first Activity page; its time and RSS, for N = 1,000 and
 *   100,000, so that memory independent of N shows.
 *
 * Run alone: `pnpm --filter @ihc/bench bench:journal`.
 */
export interface JournalStoreResult {
  bulkItems: number;
  fileBytesPerItem: number;
  diskWriteBytesPerItem: number | undefined;
  msPerItemUpdate: number;
  startup: { records: number; ms: number; rssMb: number; baselineRssMb: number }[];
}

const BULK_ITEMS = 1000;

const item = (i: number): BulkItem => {
  const id = randomUUID();
  return {
    key: `user:${id}`,
    kind: "user",
    id,
    label: `user${i}@contoso.example`,
    state: "queued",
  };
};

const bulkRecord = (items: BulkItem[], overrides: Partial<StoredAction> = {}): StoredAction => {
  const now = new Date().toISOString();
  return {
    id: randomUUID(),
    kind: "app.revoke-licenses-bulk",
    idempotencyKey: randomUUID(),
    actor: { oid: randomUUID(), userPrincipalName: "agent@contoso.example", displayName: "Agent" },
    target: { type: "app", id: randomUUID(), displayName: "Contoso Mail" },
    reason: "INC0012345",
    parameters: { notifyManagedDevices: false, licenseCount: items.length },
    state: "sent",
    items,
    itemCounts: {
      total: items.length,
      queued: items.length,
      sent: 0,
      succeeded: 0,
      failed: 0,
      unknown: 0,
    },
    createdAt: now,
    updatedAt: now,
    requestHash: "0".repeat(64),
    ...overrides,
  } as StoredAction;
};

const singleRecord = (i: number, open: boolean): StoredAction => {
  const at = new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString();
  return {
    id: randomUUID(),
    kind: "app.revoke-user-license",
    idempotencyKey: randomUUID(),
    actor: {
      oid: `oid-${i % 50}`,
      userPrincipalName: `agent${i % 50}@contoso.example`,
      displayName: "Agent",
    },
    target: { type: "app", id: `app-${i % 300}`, displayName: "Contoso Mail" },
    subjects: [{ type: "user", id: randomUUID(), userPrincipalName: `u${i}@contoso.example` }],
    parameters: { userId: randomUUID(), notifyManagedDevices: true },
    state: open ? "sent" : "succeeded",
    graph: { clientRequestId: randomUUID(), requestId: randomUUID(), status: 204 },
    createdAt: at,
    updatedAt: at,
    sentAt: at,
    ...(open ? {} : { completedAt: at }),
    requestHash: "0".repeat(64),
  };
};

const diskWrites = (): number | undefined => {
  try {
    const line = readFileSync("/proc/self/io", "utf8")
      .split("\n")
      .find((l) => l.startsWith("write_bytes:"));
    return line === undefined ? undefined : Number(line.split(":")[1]);
  } catch {
    return undefined;
  }
};

const measureBulk = async () => {
  const dir = mkdtempSync(join(tmpdir(), "bench-journal-bulk-"));
  try {
    const journal = SqliteActionJournal.open(dir);
    let items = Array.from({ length: BULK_ITEMS }, (_, i) => item(i));
    const bulk = bulkRecord(items);
    await journal.insert(bulk);
    const writesBefore = diskWrites();
    const t0 = performance.now();
    for (let i = 0; i < items.length; i++) {
      items = items.map((it, j) =>
        j === i
          ? {
              ...it,
              state: "succeeded",
              sentAt: new Date().toISOString(),
              graph: { clientRequestId: randomUUID(), requestId: randomUUID(), status: 204 },
            }
          : it,
      );
      await journal.update(bulk.id, { items });
    }
    const ms = performance.now() - t0;
    await journal.close();
    const writesAfter = diskWrites();
    return {
      fileBytesPerItem: statSync(join(dir, SQLITE_JOURNAL_FILE)).size / BULK_ITEMS,
      diskWriteBytesPerItem:
        writesBefore === undefined || writesAfter === undefined
          ? undefined
          : (writesAfter - writesBefore) / BULK_ITEMS,
      msPerItemUpdate: ms / BULK_ITEMS,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

/** Writes `count` records straight into a journal file (a fixture, in one transaction). */
const fill = async (dir: string, count: number): Promise<void> => {
  // Created and migrated by the store itself, then filled directly.
  await SqliteActionJournal.open(dir).close();
  const db = new Database(join(dir, SQLITE_JOURNAL_FILE));
  const action = db.prepare(
    `INSERT INTO actions (id, actor_oid, idempotency_key, kind, target_type, target_id, state,
       is_open, created_at, updated_at, has_items, record)
     VALUES (@id, @actorOid, @idempotencyKey, @kind, @targetType, @targetId, @state, @open,
       @createdAt, @updatedAt, @hasItems, @record)`,
  );
  const itemRow = db.prepare(
    "INSERT INTO action_items (action_id, item_key, position, state, item) VALUES (?, ?, ?, ?, ?)",
  );
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      // Every 1,000th a 200-item bulk run; one in 500 still open.
      const record =
        i % 1000 === 999
          ? bulkRecord(
              Array.from({ length: 200 }, (_, j) => ({ ...item(j), state: "succeeded" as const })),
              {
                state: "succeeded",
              },
            )
          : singleRecord(i, i % 500 === 0);
      const row = toActionRow(record);
      action.run({ ...row, open: row.open ? 1 : 0, hasItems: row.hasItems ? 1 : 0 });
      for (const r of toItemRows(record.items))
        itemRow.run(record.id, r.key, r.position, r.state, r.item);
    }
  })();
  db.close();
  // The store fills Activity's search columns of rows written without them (migration 2) once,
  // at its next open: done here, so that the start measured is that of a current journal.
  await SqliteActionJournal.open(dir).close();
};

/**
 * RSS after a full collection, while the journal is open: what the process holds for it, not
 * the garbage V8 had not yet collected. Even so one start-up varies by several MB (allocator
 * pages kept or returned), hence the median of STARTUP_RUNS processes.
 */
const retainedRss = (): number => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().rss;
};
const STARTUP_RUNS = 5;

/** In a fresh process: open, recover (listOpen), first Activity page; time and retained RSS. */
const child = async (dir: string) => {
  const baselineRss = retainedRss();
  const t0 = performance.now();
  const journal = SqliteActionJournal.open(dir);
  const open = await journal.listOpen();
  const page = await journal.list({ limit: 50 });
  const ms = performance.now() - t0;
  const rss = retainedRss();
  await journal.close();
  console.log(JSON.stringify({ ms, rss, baselineRss, open: open.length, page: page.length }));
};

const startupOnce = (dir: string) => {
  const run = spawnSync(
    process.execPath,
    ["--expose-gc", "--import", "tsx", fileURLToPath(import.meta.url), "--child", dir],
    // bench/ resolves tsx.
    { encoding: "utf8", cwd: fileURLToPath(new URL("..", import.meta.url)) },
  );
  if (run.status !== 0) throw new Error(`start-up child failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split("\n").at(-1) ?? "{}") as {
    ms: number;
    rss: number;
    baselineRss: number;
  };
};

/** The journal filled with `records`, then started STARTUP_RUNS times: the medians. */
const measureStartup = async (records: number) => {
  const dir = mkdtempSync(join(tmpdir(), "bench-journal-start-"));
  try {
    await fill(dir, records);
    const runs = Array.from({ length: STARTUP_RUNS }, () => startupOnce(dir));
    const median = (figure: (run: (typeof runs)[number]) => number) =>
      percentile(runs.map(figure), 50);
    return {
      records,
      ms: median((run) => run.ms),
      rssMb: median((run) => run.rss) / 2 ** 20,
      baselineRssMb: median((run) => run.baselineRss) / 2 ** 20,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

export const journalStore = async (): Promise<JournalStoreResult> => {
  const bulk = await measureBulk();
  return {
    bulkItems: BULK_ITEMS,
    ...bulk,
    startup: [await measureStartup(1000), await measureStartup(100_000)],
  };
};

if (process.argv[2] === "--child" && process.argv[3] !== undefined) {
  await child(process.argv[3]);
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await journalStore(), null, 2));
}
