import { mkdir, open, readFile, type FileHandle } from "node:fs/promises";
import { join } from "node:path";
import { isTerminalGraphActionState } from "@ihc/contracts";
import type { ActionJournal, ActionListQuery, StoredAction } from "./action-journal.js";

/**
 * The embedded journal: an append-only JSON-lines file, one full record per line, each line
 * flushed to disk (fdatasync) before the call resolves. On start the file is replayed (last
 * line of a record wins); a torn last line from a kill mid-write is ignored. No server, and it
 * survives SIGKILL (ADR 0005).
 */
export class FileActionJournal implements ActionJournal {
  private readonly records = new Map<string, StoredAction>();
  private readonly byKey = new Map<string, string>();
  /** Creation order, oldest first. */
  private readonly order: string[] = [];
  private writes: Promise<void> = Promise.resolve();

  private constructor(private readonly file: FileHandle) {}

  static async open(dataDir: string): Promise<FileActionJournal> {
    await mkdir(dataDir, { recursive: true });
    const path = join(dataDir, "actions.jsonl");
    const journal = new FileActionJournal(await open(path, "a"));
    const text = await readFile(path, "utf8");
    for (const line of text.split("\n")) {
      if (line.trim() === "") continue;
      try {
        journal.remember(JSON.parse(line) as StoredAction);
      } catch {
        // A torn line from a crash mid-append: the write never resolved, so nobody relied on it.
      }
    }
    return journal;
  }

  async insert(record: StoredAction): Promise<{ record: StoredAction; created: boolean }> {
    const keyId = this.byKey.get(keyOf(record.actor.oid, record.idempotencyKey));
    const existing = keyId === undefined ? undefined : this.records.get(keyId);
    if (existing) return { record: existing, created: false };
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

  async update(id: string, patch: Partial<Omit<StoredAction, "id">>): Promise<StoredAction> {
    const current = this.records.get(id);
    if (!current) throw new Error(`No action ${id} in the journal`);
    const next: StoredAction = { ...current, ...patch, id, updatedAt: new Date().toISOString() };
    this.records.set(id, next);
    await this.append(next);
    return next;
  }

  async replace(record: StoredAction): Promise<StoredAction> {
    if (!this.records.has(record.id)) throw new Error(`No action ${record.id} in the journal`);
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

  async close(): Promise<void> {
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
