import { appendFile, mkdir, mkdtemp, readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { ActionPatch, StoredAction } from "./action-journal.js";
import { FileActionJournal, JournalClosedError } from "./file-action-journal.js";

/** What the journal reports through its logger's `warn`. */
const captureLogs = () => {
  const warnings: { line?: number; reason?: string }[] = [];
  return {
    warnings,
    warn: (fields: object) => {
      warnings.push(fields);
    },
  };
};

const record = (overrides: ActionPatch = {}): StoredAction => {
  const now = new Date().toISOString();
  return {
    id: randomUUID(),
    kind: "vpp-token.revoke-licenses",
    idempotencyKey: randomUUID(),
    actor: { oid: "oid-1", userPrincipalName: "a@x", displayName: "A" },
    target: { type: "vppToken", id: randomUUID(), displayName: "Token" },
    parameters: { notifyManagedDevices: true, revokeUntrackedLicenses: false },
    state: "accepted",
    createdAt: now,
    updatedAt: now,
    requestHash: "h1",
    ...overrides,
  };
};

const tempDir = () => mkdtemp(join(tmpdir(), "journal-"));

describe("FileActionJournal", () => {
  it("returns the existing record for a reused idempotency key, per actor", async () => {
    const journal = await FileActionJournal.open(await tempDir());
    const first = record();
    expect((await journal.insert(first)).created).toBe(true);
    const again = await journal.insert({ ...record(), idempotencyKey: first.idempotencyKey });
    expect(again).toEqual({ record: first, created: false });
    const otherActor = record({
      idempotencyKey: first.idempotencyKey,
      actor: { oid: "oid-2", userPrincipalName: "b@x", displayName: "B" },
    });
    expect((await journal.insert(otherActor)).created).toBe(true);
    await journal.close();
  });

  it("keeps `waiting` and `lastCheckedAt` across a reopen, and a replace without `waiting` drops it", async () => {
    const dir = await tempDir();
    const journal = await FileActionJournal.open(dir);
    const { record: inserted } = await journal.insert(record({ state: "sent" }));
    const until = new Date(Date.now() + 12_000).toISOString();
    const checkedAt = new Date().toISOString();
    await journal.update(inserted.id, {
      waiting: { reason: "throttled", until },
      lastCheckedAt: checkedAt,
    });
    await journal.close();
    const reopened = await FileActionJournal.open(dir);
    const read = await reopened.get(inserted.id);
    expect(read?.waiting).toEqual({ reason: "throttled", until });
    expect(read?.lastCheckedAt).toBe(checkedAt);
    if (read === undefined) throw new Error("the record was lost");
    const { waiting: _waiting, ...sent } = read;
    await reopened.replace(sent);
    await reopened.close();
    const again = await FileActionJournal.open(dir);
    expect((await again.get(inserted.id))?.waiting).toBeUndefined();
    expect((await again.get(inserted.id))?.lastCheckedAt).toBe(checkedAt);
    await again.close();
  });

  it("finds a record by actor and key, after a reopen too, with its steps", async () => {
    const dir = await tempDir();
    const journal = await FileActionJournal.open(dir);
    const first: StoredAction = {
      ...record(),
      kind: "enrollment-profile.replace-token",
      parameters: { profileKind: "androidDeviceOwner", validityDays: 30 },
    };
    await journal.insert(first);
    const steps = [
      { name: "revokeToken", state: "succeeded" as const, graph: { clientRequestId: "c1" } },
    ];
    await journal.update(first.id, { steps });
    expect((await journal.findByKey("oid-1", first.idempotencyKey))?.steps).toEqual(steps);
    expect(await journal.findByKey("oid-2", first.idempotencyKey)).toBeUndefined();
    await journal.close();
    const reopened = await FileActionJournal.open(dir);
    expect((await reopened.findByKey("oid-1", first.idempotencyKey))?.id).toBe(first.id);
    await reopened.close();
  });

  it("lets only one of two concurrent inserts with the same key create", async () => {
    const journal = await FileActionJournal.open(await tempDir());
    const key = randomUUID();
    const results = await Promise.all([
      journal.insert(record({ idempotencyKey: key })),
      journal.insert(record({ idempotencyKey: key })),
    ]);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(results[0].record.id).toBe(results[1].record.id);
    await journal.close();
  });

  it("replays the file on open: last write wins, a torn last line is set aside", async () => {
    const dir = await tempDir();
    const journal = await FileActionJournal.open(dir);
    const a = record();
    await journal.insert(a);
    await journal.update(a.id, { state: "sent", sentAt: new Date().toISOString() });
    await journal.update(a.id, { state: "unknown" });
    await journal.close();
    await appendFile(join(dir, "actions.jsonl"), '{"id":"torn", "kind":');

    const reopened = await FileActionJournal.open(dir);
    expect((await reopened.get(a.id))?.state).toBe("unknown");
    expect((await reopened.listOpen()).map((r) => r.id)).toEqual([a.id]);
    const again = await reopened.insert({ ...record(), idempotencyKey: a.idempotencyKey });
    expect(again.created).toBe(false);
    await reopened.close();
    const lines = (await readFile(join(dir, "actions.jsonl"), "utf8")).split("\n");
    // Rewritten: each record's last version, every line ended, the fragment gone.
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe("");
    const aside = await readFile(join(dir, "actions.damaged.jsonl"), "utf8");
    expect(JSON.parse(aside.trim())).toMatchObject({ line: 4, text: '{"id":"torn", "kind":' });
  });

  it("keeps the record written after a torn line across a restart", async () => {
    const dir = await tempDir();
    const first = record();
    const journal = await FileActionJournal.open(dir);
    await journal.insert(first);
    await journal.close();
    // A kill mid-append (or a full disk) leaves half a line and no end of line.
    const line = JSON.stringify(record());
    await appendFile(join(dir, "actions.jsonl"), line.slice(0, line.length / 2));

    const logs = captureLogs();
    const afterCrash = await FileActionJournal.open(dir, { logger: logs });
    const reveal: StoredAction = {
      ...record({ state: "succeeded" }),
      kind: "enrollment-profile.reveal-token",
      parameters: { profileKind: "androidDeviceOwner" },
    };
    await afterCrash.insert(reveal);
    await afterCrash.close();
    expect(logs.warnings).toHaveLength(1);
    expect(logs.warnings[0]?.line).toBe(2);
    expect(logs.warnings[0]?.reason).toMatch(/^torn/);

    const later = await FileActionJournal.open(dir, { logger: captureLogs() });
    expect((await later.get(reveal.id))?.kind).toBe("enrollment-profile.reveal-token");
    expect((await later.get(first.id))?.id).toBe(first.id);
    await later.close();
  });

  it("sets aside lines that are not records, by line number, and serves the rest", async () => {
    const dir = await tempDir();
    const good = record();
    const wrongShape = JSON.stringify({ id: randomUUID(), kind: "vpp-token.revoke-licenses" });
    await writeFile(
      join(dir, "actions.jsonl"),
      [JSON.stringify(good), "garbage{", wrongShape, ""].join("\n"),
    );
    const logs = captureLogs();
    const journal = await FileActionJournal.open(dir, { logger: logs });
    expect((await journal.list({ limit: 10 })).map((r) => r.id)).toEqual([good.id]);
    expect(logs.warnings.map((w) => w.line)).toEqual([2, 3]);
    expect(logs.warnings[1]?.reason).toMatch(/not a record/);
    await journal.close();
    const aside = (await readFile(join(dir, "actions.damaged.jsonl"), "utf8")).trim().split("\n");
    expect(aside.map((l) => (JSON.parse(l) as { text: string }).text)).toEqual([
      "garbage{",
      wrongShape,
    ]);
    // Set aside once: the next start finds nothing to report.
    const again = captureLogs();
    await (await FileActionJournal.open(dir, { logger: again })).close();
    expect(again.warnings).toEqual([]);
  });

  it("starts with none of a file of garbage, saying so for every line", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "actions.jsonl"), "\u0000\u0001binary\n\u00ff\u00fe\n");
    const logs = captureLogs();
    const journal = await FileActionJournal.open(dir, { logger: logs });
    expect(await journal.list({ limit: 10 })).toEqual([]);
    expect(logs.warnings).toHaveLength(2);
    await journal.close();
  });

  it("refuses to open a journal it cannot read, naming the file", async () => {
    const dir = await tempDir();
    await mkdir(join(dir, "actions.jsonl"));
    await expect(FileActionJournal.open(dir)).rejects.toThrow(
      new RegExp(`action journal ${join(dir, "actions.jsonl")} cannot be read`),
    );
  });

  it("creates its folder and file for its owner only", async () => {
    const dir = join(await tempDir(), "data");
    const journal = await FileActionJournal.open(dir);
    await journal.insert(record());
    await journal.close();
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    expect((await stat(join(dir, "actions.jsonl"))).mode & 0o777).toBe(0o600);
  });

  it("refuses a write after close instead of losing it silently", async () => {
    const journal = await FileActionJournal.open(await tempDir());
    const a = record();
    await journal.insert(a);
    await journal.close();
    await expect(journal.update(a.id, { state: "sent" })).rejects.toBeInstanceOf(
      JournalClosedError,
    );
    await expect(journal.insert(record())).rejects.toBeInstanceOf(JournalClosedError);
  });

  it("lists newest first, filtered by actor and target, paged with `before`", async () => {
    const journal = await FileActionJournal.open(await tempDir());
    const mine = [record(), record(), record()] as const;
    for (const r of mine) await journal.insert(r);
    await journal.insert(
      record({ actor: { oid: "oid-2", userPrincipalName: "b@x", displayName: "B" } }),
    );
    const page1 = await journal.list({ actorOid: "oid-1", limit: 2 });
    expect(page1.map((r) => r.id)).toEqual([mine[2].id, mine[1].id]);
    const page2 = await journal.list({ actorOid: "oid-1", limit: 2, before: mine[1].id });
    expect(page2.map((r) => r.id)).toEqual([mine[0].id]);
    expect(await journal.list({ limit: 10 })).toHaveLength(4);
    const target = mine[0].target.id;
    expect(await journal.list({ targetId: target, limit: 10 })).toHaveLength(1);
    await journal.close();
  });

  it("keeps final records out of listOpen", async () => {
    const journal = await FileActionJournal.open(await tempDir());
    const done = record();
    await journal.insert(done);
    await journal.update(done.id, {
      state: "succeeded",
      progress: { actionState: "done", attemptedCount: 3, failedCount: 0 },
    });
    const running = record();
    await journal.insert(running);
    await journal.update(running.id, {
      state: "succeeded",
      progress: { actionState: "active", attemptedCount: 1, failedCount: 0 },
    });
    expect((await journal.listOpen()).map((r) => r.id)).toEqual([running.id]);
    await journal.close();
  });
});
