import { createReadStream } from "node:fs";
import { appendFile, mkdir, open, rename, stat, type FileHandle } from "node:fs/promises";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { isTerminalGraphActionState } from "@ihc/contracts";
import type { Logger } from "pino";
import {
  StoredActionSchema,
  type ActionJournal,
  type ActionListQuery,
  type ActionPatch,
  type StoredAction,
} from "./action-journal.js";

/** The journal file could not be opened or read: the BFF does not start without its records. */
export class JournalOpenError extends Error {
  override readonly name = "JournalOpenError";
  constructor(path: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      `The action journal ${path} cannot be read (${reason}). Fix its permissions or move it ` +
        "away; the BFF will not start without its records.",
      { cause },
    );
  }
}

/** A write after `close()`: a bug in shutdown order (callers stop before the journal closes). */
export class JournalClosedError extends Error {
  override readonly name = "JournalClosedError";
  constructor() {
    super("The action journal is closed; this write was not made.");
  }
}

export interface FileActionJournalOptions {
  /** Where torn tails and damaged lines are reported. */
  logger?: Pick<Logger, "warn">;
}

/** A line of the file that is not a record: kept aside, never served. */
interface DamagedLine {
  line: number;
  reason: string;
  text: string;
}

/**
 * The embedded journal: an append-only JSON-lines file, one full record per line, each line
 * flushed to disk (fdatasync) before the call resolves (ADR 0005). On start the file is read
 * line by line (last line of a record wins), and each line is checked against the record's
 * schema. A torn last line (a kill or a full disk mid-append: its write never resolved, so
 * nobody relied on it) and any damaged line are logged with their line number and moved to
 * `actions.damaged.jsonl`; the journal is rewritten without them, so that the next record
 * starts on a line of its own and no damaged line is ever served.
 */
export class FileActionJournal implements ActionJournal {
  private readonly records = new Map<string, StoredAction>();
  private readonly byKey = new Map<string, string>();
  /** Creation order, oldest first. */
  private readonly order: string[] = [];
  private writes: Promise<void> = Promise.resolve();
  private closed = false;

  private constructor(private readonly file: FileHandle) {}

  static async open(
    dataDir: string,
    { logger }: FileActionJournalOptions = {},
  ): Promise<FileActionJournal> {
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    const path = join(dataDir, "actions.jsonl");
    const read = await readJournal(path);
    const { records, damaged, tornBytes } = read;
    if (damaged.length > 0) {
      const asidePath = join(dataDir, "actions.damaged.jsonl");
      for (const entry of damaged) {
        logger?.warn(
          { file: path, line: entry.line, reason: entry.reason, keptIn: asidePath },
          tornBytes > 0 && entry.reason.startsWith("torn")
            ? `The journal's last line was torn (${tornBytes} bytes, a write cut off): set aside`
            : "A damaged journal line was set aside",
        );
      }
      const foundAt = new Date().toISOString();
      await appendFile(
        asidePath,
        damaged.map((entry) => `${JSON.stringify({ ...entry, file: path, foundAt })}\n`).join(""),
        { mode: 0o600 },
      );
    }
    if (damaged.length > 0 || read.rewrite) await rewrite(path, records);
    let file: FileHandle;
    try {
      file = await open(path, "a", 0o600);
    } catch (error) {
      throw new JournalOpenError(path, error);
    }
    const journal = new FileActionJournal(file);
    for (const record of records) journal.remember(record);
    return journal;
  }

  async insert(record: StoredAction): Promise<{ record: StoredAction; created: boolean }> {
    const keyId = this.byKey.get(keyOf(record.actor.oid, record.idempotencyKey));
    const existing = keyId === undefined ? undefined : this.records.get(keyId);
    if (existing) return { record: existing, created: false };
    if (this.closed) throw new JournalClosedError();
    // Remembered before the await: a concurrent insert with the same key sees it at once.
    this.remember(record);
    try {
      await this.append(record);
    } catch (error) {
      this.forget(record);
      throw error;
    }
    return { record, created: true };
  }

  async update(id: string, patch: ActionPatch): Promise<StoredAction> {
    const current = this.records.get(id);
    if (!current) throw new Error(`No action ${id} in the journal`);
    if (this.closed) throw new JournalClosedError();
    const next: StoredAction = { ...current, ...patch, id, updatedAt: new Date().toISOString() };
    this.records.set(id, next);
    await this.append(next);
    return next;
  }

  async replace(record: StoredAction): Promise<StoredAction> {
    if (!this.records.has(record.id)) throw new Error(`No action ${record.id} in the journal`);
    if (this.closed) throw new JournalClosedError();
    const next: StoredAction = { ...record, updatedAt: new Date().toISOString() };
    this.records.set(record.id, next);
    await this.append(next);
    return next;
  }

  get(id: string): Promise<StoredAction | undefined> {
    return Promise.resolve(this.records.get(id));
  }

  findByKey(actorOid: string, idempotencyKey: string): Promise<StoredAction | undefined> {
    const id = this.byKey.get(keyOf(actorOid, idempotencyKey));
    return Promise.resolve(id === undefined ? undefined : this.records.get(id));
  }

  list(query: ActionListQuery): Promise<StoredAction[]> {
    const out: StoredAction[] = [];
    let started = query.before === undefined;
    for (let i = this.order.length - 1; i >= 0 && out.length < query.limit; i--) {
      const id = this.order[i];
      if (id === undefined) continue;
      if (!started) {
        started = id === query.before;
        continue;
      }
      const record = this.records.get(id);
      if (!record) continue;
      if (query.actorOid !== undefined && record.actor.oid !== query.actorOid) continue;
      if (query.targetId !== undefined && record.target.id !== query.targetId) continue;
      out.push(record);
    }
    return Promise.resolve(out);
  }

  listOpen(): Promise<StoredAction[]> {
    return Promise.resolve(
      [...this.records.values()].filter(
        (r) =>
          r.state === "accepted" ||
          r.state === "sent" ||
          r.state === "unknown" ||
          (r.progress !== undefined &&
            !isTerminalGraphActionState(r.progress.actionState) &&
            r.progress.watchTimedOut !== true),
      ),
    );
  }

  /** Waits for the writes already made, then closes; later writes reject (JournalClosedError). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.writes;
    await this.file.close();
  }

  private remember(record: StoredAction): void {
    if (!this.records.has(record.id)) this.order.push(record.id);
    this.records.set(record.id, record);
    this.byKey.set(keyOf(record.actor.oid, record.idempotencyKey), record.id);
  }

  private forget(record: StoredAction): void {
    this.records.delete(record.id);
    this.byKey.delete(keyOf(record.actor.oid, record.idempotencyKey));
    const at = this.order.lastIndexOf(record.id);
    if (at >= 0) this.order.splice(at, 1);
  }

  /** Appends are serialized so lines never interleave; each resolves once on disk. */
  private append(record: StoredAction): Promise<void> {
    const line = `${JSON.stringify(record)}\n`;
    const write = this.writes.then(async () => {
      await this.file.appendFile(line, "utf8");
      await this.file.datasync();
    });
    this.writes = write.catch(() => undefined);
    return write;
  }
}

const keyOf = (actorOid: string, idempotencyKey: string): string => `${actorOid} ${idempotencyKey}`;

/**
 * Reads the journal line by line (never the whole file into one string). The records in file
 * order, latest version of each last, and what could not be read as one.
 */
async function readJournal(path: string): Promise<{
  records: StoredAction[];
  damaged: DamagedLine[];
  tornBytes: number;
  /** The file must be rewritten: damaged lines out, or an end of line missing. */
  rewrite: boolean;
}> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      return { records: [], damaged: [], tornBytes: 0, rewrite: false };
    }
    throw new JournalOpenError(path, error);
  }
  let endsWithNewline: boolean;
  try {
    endsWithNewline = size === 0 || (await lastByte(path, size)) === 0x0a;
  } catch (error) {
    throw new JournalOpenError(path, error);
  }
  const latest = new Map<string, StoredAction>();
  const damaged: DamagedLine[] = [];
  let lineNumber = 0;
  let lastText = "";
  try {
    const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
    for await (const text of lines) {
      lineNumber += 1;
      lastText = text;
      if (text.trim() === "") continue;
      const record = parseRecord(text);
      if (typeof record === "string") damaged.push({ line: lineNumber, reason: record, text });
      else {
        // Map order is first-insertion order: creation order, with each record's last version.
        latest.set(record.id, record);
      }
    }
  } catch (error) {
    throw new JournalOpenError(path, error);
  }
  let tornBytes = 0;
  if (!endsWithNewline) {
    tornBytes = Buffer.byteLength(lastText, "utf8");
    const last = damaged.at(-1);
    // A cut that left a whole record but no end of line keeps the record; the rewrite ends it.
    if (last?.line === lineNumber) last.reason = `torn: ${last.reason}`;
  }
  return { records: [...latest.values()], damaged, tornBytes, rewrite: !endsWithNewline };
}

/** A record, or why the line is not one. */
function parseRecord(text: string): StoredAction | string {
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
}

async function lastByte(path: string, size: number): Promise<number | undefined> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(1);
    await handle.read(buffer, 0, 1, size - 1);
    return buffer[0];
  } finally {
    await handle.close();
  }
}

/** Replaces the journal with these records, atomically (write aside, fsync, rename). */
async function rewrite(path: string, records: readonly StoredAction[]): Promise<void> {
  const next = `${path}.rewrite`;
  const handle = await open(next, "w", 0o600);
  try {
    for (const record of records) await handle.appendFile(`${JSON.stringify(record)}\n`, "utf8");
    await handle.datasync();
  } finally {
    await handle.close();
  }
  await rename(next, path);
}
