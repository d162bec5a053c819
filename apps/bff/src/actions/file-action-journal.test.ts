import { appendFile, mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { StoredAction } from "./action-journal.js";
import { FileActionJournal } from "./file-action-journal.js";

const record = (overrides: Partial<StoredAction> = {}): StoredAction => {
  const now = new Date().toISOString();
  return {
    id: randomUUID(),
    kind: "vpp-token.revoke-licenses",
    idempotencyKey: randomUUID(),
    actor: { oid: "oid-1", userPrincipalName: "a@x", displayName: "A" },
    target: { type: "vppToken", id: randomUUID(), displayName: "Token" },
    parameters: { notifyManagedDevices: true },
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

  it("finds a record by actor and key, after a reopen too, with its steps", async () => {
    const dir = await tempDir();
    const journal = await FileActionJournal.open(dir);
    const first = record({ kind: "enrollment-profile.replace-token" });
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

  it("replays the file on open: last write wins, torn lines are ignored", async () => {
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
    const lines = (await readFile(join(dir, "actions.jsonl"), "utf8")).trim().split("\n");
    expect(lines).toHaveLength(4);
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
