import { randomUUID } from "node:crypto";
import type { BulkItem } from "@ihc/contracts";
import { afterEach, describe, expect, it } from "vitest";
import type { ActionListQuery, ActionPatch, StoredAction } from "../action-journal.js";
import { itemsChangedBy } from "./journal-rows.js";
import type { JournalStore } from "./journal-store.js";

/** One place a store keeps its data (a folder, a schema), and what the suite may do to it. */
export interface JournalStoreLocation {
  /** Opens the store on this location; again after a close, it must find everything. */
  open(): Promise<JournalStore>;
  /**
   * A second store on the same data, writing concurrently (another BFF instance). Undefined
   * for a store one process owns alone (SQLite refuses a second: its own test proves it).
   */
  openSecond?: () => Promise<JournalStore>;
  /** Overwrites a record's stored JSON with something that is not a record. */
  damage(id: string): Promise<void>;
  /** Counts inserts and updates of `action_items` rows from now on (a trigger in the database). */
  countItemWrites(): Promise<() => Promise<number>>;
  /** Sets the search columns of these records to NULL (as rows before migration 2 are). */
  clearSearchColumns(ids: string[]): Promise<void>;
  /** Drops what the location holds (folder, schema). */
  dispose(): Promise<void>;
}

/**
 * The contract every journal store keeps (STYLE.md §15: one spec, every implementation, as
 * Keyv's adapters run @keyv/test-suite). Run by sqlite-action-journal.test.ts and
 * postgres-action-journal.test.ts against real databases.
 */
export const describeJournalStoreContract = (
  name: string,
  freshLocation: () => Promise<JournalStoreLocation>,
): void => {
  describe(`${name}: the ActionJournal contract`, () => {
    const cleanups: (() => Promise<void>)[] = [];
    afterEach(async () => {
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    });

    /** A fresh location and an open store on it, both cleaned up after the test. */
    const setUp = async () => {
      const location = await freshLocation();
      cleanups.push(() => location.dispose());
      const store = await track(location.open());
      return { location, store };
    };
    const track = async (opening: Promise<JournalStore>) => {
      const store = await opening;
      cleanups.push(() => store.close());
      return store;
    };

    it("inserts once per actor and key, and finds the record by them", async () => {
      const { store } = await setUp();
      const first = record();
      expect(await store.insert(first)).toEqual({ record: first, created: true });
      const again = await store.insert({ ...record(), idempotencyKey: first.idempotencyKey });
      expect(again.created).toBe(false);
      expect(again.record).toEqual(first);
      const otherActor = record({ idempotencyKey: first.idempotencyKey, actor: actor("oid-2") });
      expect((await store.insert(otherActor)).created).toBe(true);
      expect((await store.findByKey("oid-1", first.idempotencyKey))?.id).toBe(first.id);
      expect((await store.findByKey("oid-2", first.idempotencyKey))?.id).toBe(otherActor.id);
      expect(await store.findByKey("oid-3", first.idempotencyKey)).toBeUndefined();
    });

    it("lets one holder claim a day's notice, keeps it across a reopen, and frees it when released or stale", async () => {
      const { location, store } = await setUp();
      const second = location.openSecond === undefined ? store : await track(location.openSecond());
      const t0 = new Date("2026-12-05T08:00:00Z");
      const before = (minutes: number) => new Date(t0.getTime() - minutes * 60_000);
      const claims = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          (i % 2 === 0 ? store : second).claimNotice(
            "vpp:t1",
            "2026-12-05",
            `h${i}`,
            t0,
            before(10),
          ),
        ),
      );
      expect(claims.filter(Boolean)).toHaveLength(1);
      const holder = `h${claims.indexOf(true)}`;
      // Another day, another key: claims of their own.
      expect(await store.claimNotice("vpp:t1", "2026-12-06", "h9", t0, before(10))).toBe(true);
      expect(await store.claimNotice("vpp:t2", "2026-12-05", "h9", t0, before(10))).toBe(true);
      // Released: the next cycle may claim it again.
      await store.releaseNotice("vpp:t2", "2026-12-05", "h9");
      expect(await second.claimNotice("vpp:t2", "2026-12-05", "hA", t0, before(10))).toBe(true);
      // Sent: nobody claims it again that day, even long after.
      await store.markNoticeSent("vpp:t1", "2026-12-05", holder, t0);
      const later = new Date(t0.getTime() + 3_600_000);
      expect(await second.claimNotice("vpp:t1", "2026-12-05", "hB", later, later)).toBe(false);
      // A claim never marked sent (its holder died) is taken over once it is stale.
      expect(await second.claimNotice("vpp:t2", "2026-12-05", "hB", t0, before(10))).toBe(false);
      expect(await second.claimNotice("vpp:t2", "2026-12-05", "hB", later, later)).toBe(true);
      // A release by a holder that lost the claim does not free the new holder's row.
      await store.releaseNotice("vpp:t2", "2026-12-05", "hA");
      expect(await store.claimNotice("vpp:t2", "2026-12-05", "hC", later, before(10))).toBe(false);

      await store.close();
      if (second !== store) await second.close();
      const reopened = await track(location.open());
      expect(await reopened.claimNotice("vpp:t1", "2026-12-05", "hD", later, later)).toBe(false);
      expect(await reopened.forgetNoticesBefore("2026-12-06")).toBe(2);
      expect(await reopened.claimNotice("vpp:t1", "2026-12-05", "hD", later, later)).toBe(true);
    });

    it("creates exactly one record for one key inserted concurrently", async () => {
      const { location, store } = await setUp();
      const second = location.openSecond === undefined ? store : await track(location.openSecond());
      const key = randomUUID();
      const candidates = Array.from({ length: 12 }, () => record({ idempotencyKey: key }));
      const results = await Promise.all(
        candidates.map((candidate, i) => (i % 2 === 0 ? store : second).insert(candidate)),
      );
      expect(results.filter((r) => r.created)).toHaveLength(1);
      const winner = results.find((r) => r.created)?.record.id;
      expect(new Set(results.map((r) => r.record.id))).toEqual(new Set([winner]));
      expect(await store.list({ limit: 50 })).toHaveLength(1);
    });

    it("updates with a patch, keeping id, kind and parameters, and replaces a whole record", async () => {
      const { store } = await setUp();
      const first = record();
      await store.insert(first);
      const waiting = { reason: "throttled" as const, until: "2030-01-01T00:00:00.000Z" };
      const lastCheckedAt = "2030-01-01T00:00:05.000Z";
      const updated = await store.update(first.id, { state: "sent", waiting, lastCheckedAt });
      expect(updated).toMatchObject({ id: first.id, state: "sent", waiting, lastCheckedAt });
      expect(updated.parameters).toEqual(first.parameters);
      expect(await store.get(first.id)).toEqual(updated);
      // replace drops a field a patch cannot: the wait is over.
      const { waiting: _waiting, ...rest } = updated;
      const replaced = await store.replace({ ...rest, state: "succeeded" });
      expect(replaced.waiting).toBeUndefined();
      const read = await store.get(first.id);
      expect(read).toEqual(replaced);
      expect(read?.lastCheckedAt).toBe(lastCheckedAt);
      await expect(store.update(randomUUID(), { state: "sent" })).rejects.toThrow(/No action/);
      await expect(store.replace(record())).rejects.toThrow(/No action/);
    });

    it("writes only the item that changed, and keeps the items in order", async () => {
      const { location, store } = await setUp();
      const items = bulkItems(50);
      const bulk = bulkRecord(items);
      await store.insert(bulk);
      const itemWrites = await location.countItemWrites();

      const changed = items.map((item, i) =>
        i === 7 ? { ...item, state: "sent" as const, sentAt: "2030-01-01T00:00:00.000Z" } : item,
      );
      const saved = await store.update(bulk.id, { items: changed, state: "sent" });
      expect(await itemWrites()).toBe(1);
      expect(saved.items).toEqual(changed);
      expect((await store.get(bulk.id))?.items).toEqual(changed);
      // The write says which items it changed (its event's delta), and only those.
      expect(itemsChangedBy(saved)).toEqual([changed[7]]);
      // A version read, not written, says nothing.
      expect(itemsChangedBy((await store.get(bulk.id)) as StoredAction)).toBeUndefined();

      // A patch without items writes none; the same items again write none.
      const touched = await store.update(bulk.id, { lastCheckedAt: "2030-01-01T00:00:01.000Z" });
      const same = await store.update(bulk.id, { items: changed });
      expect(await itemWrites()).toBe(1);
      expect(itemsChangedBy(touched)).toEqual([]);
      expect(itemsChangedBy(same)).toEqual([]);

      // Items dropped by a replace are gone; the rest stay in their order. A removal is not a
      // change a list of items can say: the event carries the whole record.
      const fewer = changed.filter((_, i) => i % 2 === 0);
      const dropped = await store.replace({ ...saved, items: fewer });
      expect(itemsChangedBy(dropped)).toBeUndefined();
      expect((await store.get(bulk.id))?.items).toEqual(fewer);
      // No items at all is not the same as an empty list.
      await store.replace({ ...saved, items: [] });
      expect((await store.get(bulk.id))?.items).toEqual([]);
      const { items: _items, ...withoutItems } = saved;
      await store.replace(withoutItems);
      expect((await store.get(bulk.id))?.items).toBeUndefined();
    });

    it("lists newest first, by actor and by target, paged with `before`", async () => {
      const { store } = await setUp();
      const target = { type: "vppToken" as const, id: randomUUID(), displayName: "T" };
      const made: StoredAction[] = [];
      for (let i = 0; i < 7; i++) {
        const r = record({
          actor: actor(i % 2 === 0 ? "oid-1" : "oid-2"),
          ...(i % 3 === 0 ? { target } : {}),
        });
        await store.insert(r);
        made.push(r);
      }
      const ids = (records: StoredAction[]) => records.map((r) => r.id);
      const newest = [...made].reverse();
      const idAt = (i: number) => newest[i]?.id ?? "missing";
      expect(ids(await store.list({ limit: 100 }))).toEqual(ids(newest));
      expect(ids(await store.list({ limit: 3 }))).toEqual(ids(newest.slice(0, 3)));
      expect(ids(await store.list({ limit: 3, before: idAt(2) }))).toEqual(ids(newest.slice(3, 6)));
      expect(ids(await store.list({ limit: 100, actorOid: "oid-2" }))).toEqual(
        ids(newest.filter((r) => r.actor.oid === "oid-2")),
      );
      expect(ids(await store.list({ limit: 100, targetId: target.id }))).toEqual(
        ids(newest.filter((r) => r.target.id === target.id)),
      );
      expect(ids(await store.list({ limit: 100, actorOid: "oid-1", before: idAt(0) }))).toEqual(
        ids(newest.slice(1).filter((r) => r.actor.oid === "oid-1")),
      );
      // An update does not move a record in the list: the order is creation order.
      await store.update(made[0]?.id ?? "", { state: "sent" });
      expect((await store.list({ limit: 1 }))[0]?.id).toBe(newest[0]?.id);
      expect(await store.list({ limit: 10, before: randomUUID() })).toEqual([]);
    });

    it("filters in the store by actor, kind, state, time, subject and text, both orders", async () => {
      const { store } = await setUp();
      const user = {
        type: "user" as const,
        id: randomUUID(),
        userPrincipalName: "Adele.Vance@contoso.example",
        displayName: "Adele Vance",
      };
      const device = {
        type: "device" as const,
        id: randomUUID(),
        deviceName: "IPAD-0042",
        serialNumber: "DMPXK2Q9",
      };
      const a = record({
        createdAt: "2030-01-01T10:00:00.000Z",
        reason: "Ticket INC-100_%",
        subjects: [user],
      });
      const b = record({
        actor: actor("oid-2"),
        state: "failed",
        createdAt: "2030-01-02T10:00:00.000Z",
        subjects: [device],
      });
      const c = bulkRecord(bulkItems(3), { createdAt: "2030-01-03T10:00:00.000Z" });
      for (const r of [a, b, c]) await store.insert(r);
      const ids = async (query: Omit<ActionListQuery, "limit">) =>
        (await store.list({ limit: 100, ...query })).map((r) => r.id);

      expect(await ids({ actor: "OID-2@X" })).toEqual([b.id]);
      expect(await ids({ actor: "oid-2" })).toEqual([b.id]);
      expect(await ids({ kind: "app.revoke-licenses-bulk" })).toEqual([c.id]);
      expect(await ids({ state: "failed" })).toEqual([b.id]);
      expect(
        await ids({
          createdFrom: "2030-01-02T00:00:00.000Z",
          createdBefore: "2030-01-03T00:00:00.000Z",
        }),
      ).toEqual([b.id]);
      expect(await ids({ subject: "adele.vance" })).toEqual([a.id]);
      expect(await ids({ subject: "dmpxk2" })).toEqual([b.id]);
      expect(await ids({ subject: "ipad-0042" })).toEqual([b.id]);
      // Bulk items are subjects too.
      expect(await ids({ subject: "user1@contoso" })).toEqual([c.id]);
      // Free text: reason, target name; LIKE's wildcards are taken literally.
      expect(await ids({ text: "inc-100_%" })).toEqual([a.id]);
      expect(await ids({ text: "inc%100" })).toEqual([]);
      expect(await ids({ text: "app" })).toEqual([c.id]);
      // Visibility and a filter together: an agent's own records only.
      expect(await ids({ actorOid: "oid-1", state: "failed" })).toEqual([]);
      // Oldest first, paged with the cursor in that order.
      expect(await ids({ oldestFirst: true })).toEqual([a.id, b.id, c.id]);
      expect(await ids({ oldestFirst: true, before: a.id })).toEqual([b.id, c.id]);
      expect(await ids({ before: c.id })).toEqual([b.id, a.id]);
    });

    it("fills the search columns of records written before them", async () => {
      const { location, store } = await setUp();
      const old = record({ reason: "Old ticket 7" });
      await store.insert(old);
      await location.clearSearchColumns([old.id]);
      await store.close();
      const reopened = await track(location.open());
      expect((await reopened.list({ limit: 10, text: "ticket 7" })).map((r) => r.id)).toEqual([
        old.id,
      ]);
    });

    it("lists open records only: not final, or progress still moving", async () => {
      const { store } = await setUp();
      const accepted = record();
      const succeeded = record({ state: "succeeded" });
      const watching = record({
        state: "succeeded",
        progress: { actionState: "active", attemptedCount: 1, failedCount: 0 },
      });
      const gaveUp = record({
        state: "succeeded",
        progress: { actionState: "active", attemptedCount: 1, failedCount: 0, watchTimedOut: true },
      });
      for (const r of [accepted, succeeded, watching, gaveUp]) await store.insert(r);
      const openIds = async () => new Set((await store.listOpen()).map((r) => r.id));
      expect(await openIds()).toEqual(new Set([accepted.id, watching.id]));
      await store.update(accepted.id, { state: "failed" });
      await store.update(watching.id, {
        progress: { actionState: "done", attemptedCount: 1, failedCount: 0 },
      });
      expect(await openIds()).toEqual(new Set());
    });

    it("finds every record, with its items, after a close and a reopen", async () => {
      const { location, store } = await setUp();
      const bulk = bulkRecord(bulkItems(20));
      const single = record();
      await store.insert(bulk);
      await store.insert(single);
      const saved = await store.update(bulk.id, {
        items: (bulk.items ?? []).map((item) => ({ ...item, state: "succeeded" as const })),
      });
      await store.close();
      await expect(store.update(single.id, { state: "sent" })).rejects.toThrow(/closed/);

      const reopened = await track(location.open());
      expect(await reopened.get(bulk.id)).toEqual(saved);
      expect(await reopened.get(single.id)).toEqual(single);
      expect((await reopened.findByKey("oid-1", single.idempotencyKey))?.id).toBe(single.id);
      expect((await reopened.list({ limit: 10 })).map((r) => r.id)).toEqual([single.id, bulk.id]);
      expect(
        (await reopened.insert({ ...record(), idempotencyKey: bulk.idempotencyKey })).created,
      ).toBe(false);
    });

    it("never serves a damaged record, and serves the rest", async () => {
      const { location, store } = await setUp();
      const good = record();
      const bad = record();
      await store.insert(good);
      await store.insert(bad);
      await location.damage(bad.id);
      expect(await store.get(bad.id)).toBeUndefined();
      expect(await store.findByKey("oid-1", bad.idempotencyKey)).toBeUndefined();
      expect((await store.list({ limit: 10 })).map((r) => r.id)).toEqual([good.id]);
      expect((await store.listOpen()).map((r) => r.id)).toEqual([good.id]);
      await expect(store.update(bad.id, { state: "sent" })).rejects.toThrow(/No action/);
    });

    it("deletes finished records past a cutoff, never open ones", async () => {
      const { store } = await setUp();
      const old = "2020-01-01T00:00:00.000Z";
      const finishedOld = bulkRecord(bulkItems(3), { state: "succeeded", updatedAt: old });
      const openOld = record({ updatedAt: old });
      const finishedNew = record({ state: "failed" });
      for (const r of [finishedOld, openOld, finishedNew]) await store.importRecord(r);
      expect(await store.deleteFinishedBefore(new Date("2021-01-01T00:00:00.000Z"))).toBe(1);
      expect(await store.get(finishedOld.id)).toBeUndefined();
      expect(await store.get(openOld.id)).toEqual(openOld);
      expect(await store.get(finishedNew.id)).toEqual(finishedNew);
    });

    it("imports a record as it is, once", async () => {
      const { store } = await setUp();
      const old = bulkRecord(bulkItems(2), {
        state: "succeeded",
        createdAt: "2020-01-01T00:00:00.000Z",
        updatedAt: "2020-01-02T00:00:00.000Z",
      });
      expect(await store.importRecord(old)).toBe(true);
      expect(await store.importRecord(old)).toBe(false);
      expect(await store.importRecord({ ...record(), idempotencyKey: old.idempotencyKey })).toBe(
        false,
      );
      expect(await store.get(old.id)).toEqual(old);
    });
  });
};

const actor = (oid: string) => ({ oid, userPrincipalName: `${oid}@x`, displayName: oid });

export const record = (overrides: ActionPatch = {}): StoredAction => {
  const now = new Date().toISOString();
  return {
    id: randomUUID(),
    kind: "vpp-token.revoke-licenses",
    idempotencyKey: randomUUID(),
    actor: actor("oid-1"),
    target: { type: "vppToken", id: randomUUID(), displayName: "Token" },
    parameters: { notifyManagedDevices: true, revokeUntrackedLicenses: false },
    state: "accepted",
    createdAt: now,
    updatedAt: now,
    requestHash: "h1",
    ...overrides,
  };
};

export const bulkItems = (count: number): BulkItem[] =>
  Array.from({ length: count }, (_, i) => ({
    key: `user:${String(i).padStart(8, "0")}-0000-4000-8000-000000000000`,
    kind: "user" as const,
    id: `${String(i).padStart(8, "0")}-0000-4000-8000-000000000000`,
    label: `user${i}@contoso.example`,
    state: "queued" as const,
  }));

export const bulkRecord = (items: BulkItem[], overrides: ActionPatch = {}): StoredAction => {
  const now = new Date().toISOString();
  return {
    id: randomUUID(),
    kind: "app.revoke-licenses-bulk",
    idempotencyKey: randomUUID(),
    actor: actor("oid-1"),
    target: { type: "app", id: randomUUID(), displayName: "App" },
    parameters: { notifyManagedDevices: false, licenseCount: items.length },
    state: "accepted",
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
    requestHash: "h1",
    ...overrides,
  };
};
