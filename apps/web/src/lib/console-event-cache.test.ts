import type { ActionList, ActionRecord } from "@ihc/contracts";
import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it, vi } from "vitest";
import {
  applyConsoleEvent,
  refreshReadBefore,
  type ActionEventApplier,
} from "./console-event-cache";
import { actionKeys } from "./query-keys";
import { makeAction as action, TOKEN_ID } from "./testing/make-action";

const TOKEN = { type: "vppToken", id: TOKEN_ID } as const;

describe("applyConsoleEvent, the shared part", () => {
  it("puts an action into its detail and its target's list", () => {
    const client = new QueryClient();
    const older = action({ id: "00000000-0000-4000-8000-000000000001" });
    client.setQueryData<ActionList>(actionKeys.byTarget(TOKEN), { items: [older] });

    const record = action();
    applyConsoleEvent(client, { type: "action", action: record }, []);

    expect(client.getQueryData(actionKeys.detail(record.id))).toEqual(record);
    expect(client.getQueryData<ActionList>(actionKeys.byTarget(TOKEN))?.items).toEqual([
      record,
      older,
    ]);
  });

  it("keys a target's list by its type and id, whatever the id's case", () => {
    const client = new QueryClient();
    client.setQueryData<ActionList>(actionKeys.byTarget({ ...TOKEN, id: TOKEN_ID.toUpperCase() }), {
      items: [],
    });
    client.setQueryData<ActionList>(actionKeys.byTarget({ type: "app", id: TOKEN_ID }), {
      items: [],
    });
    applyConsoleEvent(client, { type: "action", action: action() }, []);
    expect(client.getQueryData<ActionList>(actionKeys.byTarget(TOKEN))?.items).toHaveLength(1);
    expect(
      client.getQueryData<ActionList>(actionKeys.byTarget({ type: "app", id: TOKEN_ID }))?.items,
    ).toHaveLength(0);
  });

  it("replaces a record in place and never goes back to an older version", () => {
    const client = new QueryClient();
    const newer = action({ updatedAt: "2026-11-23T10:00:05.000Z", state: "succeeded" });
    client.setQueryData<ActionList>(actionKeys.byTarget(TOKEN), { items: [newer] });
    const feature = { onAction: vi.fn() };
    applyConsoleEvent(client, { type: "action", action: newer }, [feature]);
    applyConsoleEvent(
      client,
      { type: "action", action: action({ updatedAt: "2026-11-23T10:00:02.000Z", state: "sent" }) },
      [feature],
    );
    expect(client.getQueryData<ActionList>(actionKeys.byTarget(TOKEN))?.items).toEqual([newer]);
    // An older version reaches no feature either.
    expect(feature.onAction).toHaveBeenCalledTimes(1);
  });

  it("hands every feature the record and the version the tab held before", () => {
    const client = new QueryClient();
    const calls: (ActionRecord | undefined)[][] = [];
    const feature: ActionEventApplier = {
      onAction: (_client, record, previous) => calls.push([record, previous]),
    };
    const first = action();
    const second = action({ updatedAt: "2026-11-23T10:00:09.000Z", state: "failed" });
    applyConsoleEvent(client, { type: "action", action: first }, [feature, feature]);
    applyConsoleEvent(client, { type: "action", action: second }, [feature]);
    expect(calls).toEqual([
      [first, undefined],
      [first, undefined],
      [second, first],
    ]);
  });

  it("passes a token's progress to the features, and nothing else to the caches", () => {
    const client = new QueryClient();
    const onVppTokenProgress = vi.fn();
    const result = {
      actionName: "RevokeLicenses",
      actionState: "active" as const,
      startDateTime: "2026-11-23T10:00:02Z",
      totalLicensesCount: 12,
      failedLicensesCount: 1,
    };
    applyConsoleEvent(client, { type: "vpp-token-progress", vppTokenId: TOKEN_ID, result }, [
      { onVppTokenProgress },
    ]);
    expect(onVppTokenProgress).toHaveBeenCalledWith(client, TOKEN_ID, result);
    expect(client.getQueryCache().getAll()).toHaveLength(0);
  });
});

describe("applyConsoleEvent for a record of many items", () => {
  const APP = { type: "app", id: "app-1" } as const;
  const item = (n: number, state: "queued" | "succeeded") => ({
    key: `device:${n}`,
    kind: "device" as const,
    id: String(n),
    state,
  });
  const bulk = action({
    kind: "app.revoke-licenses-bulk",
    target: { ...APP, displayName: "Keynote" },
    items: [item(1, "queued"), item(2, "queued"), item(3, "queued")],
    subjects: [1, 2, 3].map((n) => ({
      type: "device" as const,
      id: String(n),
      deviceName: `iPad ${n}`,
    })),
  });
  const { items: _items, subjects: _subjects, ...withoutItems } = bulk;
  const delta = {
    type: "action-items" as const,
    action: { ...withoutItems, updatedAt: "2026-11-23T10:00:05.000Z" },
    items: [item(2, "succeeded")],
  };

  it("merges the changed items into the target's copy", () => {
    const client = new QueryClient();
    client.setQueryData<ActionList>(actionKeys.byTarget(APP), { items: [bulk] });
    applyConsoleEvent(client, delta, []);
    const merged = client.getQueryData<ActionList>(actionKeys.byTarget(APP))?.items[0];
    expect(merged?.items?.map((i) => i.state)).toEqual(["queued", "succeeded", "queued"]);
    // The delta carries no subjects (written once): the copy's are kept.
    expect(merged?.subjects).toEqual(bulk.subjects);
    expect(client.getQueryData<ActionRecord>(actionKeys.detail(bulk.id))?.items).toHaveLength(3);
  });

  it("merges into a copy only a feature holds, and the feature gets the merged record", () => {
    const client = new QueryClient();
    const onAction = vi.fn();
    applyConsoleEvent(client, delta, [{ copiesOf: () => [bulk], onAction }]);
    const merged = client.getQueryData<ActionRecord>(actionKeys.detail(bulk.id));
    expect(merged?.items?.map((i) => i.state)).toEqual(["queued", "succeeded", "queued"]);
    expect(onAction).toHaveBeenCalledWith(client, merged, undefined);
  });

  it("reads the record whole where no copy is held, in every feature", () => {
    const client = new QueryClient();
    const spy = vi.spyOn(client, "invalidateQueries");
    const onUnheldItems = vi.fn();
    applyConsoleEvent(client, { ...delta, action: withoutItems }, [{ onUnheldItems }]);
    const keys = spy.mock.calls.map(([filters]) => filters?.queryKey);
    expect(keys).toContainEqual(actionKeys.detail(bulk.id));
    expect(keys).toContainEqual(actionKeys.byTarget(APP));
    expect(onUnheldItems).toHaveBeenCalledWith(client, withoutItems);
    expect(client.getQueryData(actionKeys.detail(bulk.id))).toBeUndefined();
  });
});

describe("refreshReadBefore", () => {
  it("reads again the shared and every feature's live keys read before the stream opened", async () => {
    const client = new QueryClient();
    client.setQueryData(["feature", "list"], { n: 1 }, { updatedAt: 1_000 });
    client.setQueryData(["feature", "fresh"], { n: 1 }, { updatedAt: 5_000 });
    client.setQueryData(actionKeys.byTarget(TOKEN), { items: [] }, { updatedAt: 1_000 });
    client.setQueryData(["other"], { n: 1 }, { updatedAt: 1_000 });
    refreshReadBefore(client, 2_000, [{ liveKeys: [["feature"]] }]);
    await Promise.resolve();
    const stale = client
      .getQueryCache()
      .getAll()
      .filter((query) => query.state.isInvalidated)
      .map((query) => query.queryKey);
    expect(stale).toHaveLength(2);
    expect(stale).toEqual(
      expect.arrayContaining([["feature", "list"], actionKeys.byTarget(TOKEN)]),
    );
  });
});
