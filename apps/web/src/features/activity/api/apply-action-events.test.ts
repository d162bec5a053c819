import type { ActionList, ActionRecord } from "@ihc/contracts";
import { QueryClient, type InfiniteData } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { applyConsoleEvent } from "../../../lib/console-event-cache";
import { actionKeys } from "../../../lib/query-keys";
import { makeAction as action } from "../../../lib/testing/make-action";
import { activityEventApplier } from "./apply-action-events";

type Pages = InfiniteData<ActionList, string | undefined>;

describe("the Activity feature's events", () => {
  it("puts a new record at the top of the journal's first page, a known one where it is", () => {
    const client = new QueryClient();
    const older = action({ id: "00000000-0000-4000-8000-000000000001" });
    const onSecondPage = action({ id: "00000000-0000-4000-8000-000000000002" });
    client.setQueryData<Pages>(actionKeys.journal(), {
      pages: [{ items: [older], cursor: older.id }, { items: [onSecondPage] }],
      pageParams: [undefined, older.id],
    });
    const record = action();
    applyConsoleEvent(client, { type: "action", action: record }, [activityEventApplier]);
    const changed = { ...onSecondPage, updatedAt: "2026-11-23T10:00:09.000Z", state: "failed" };
    applyConsoleEvent(client, { type: "action", action: changed as ActionRecord }, [
      activityEventApplier,
    ]);
    const journal = client.getQueryData<Pages>(actionKeys.journal());
    expect(journal?.pages[0]?.items.map((i) => i.id)).toEqual([record.id, older.id]);
    expect(journal?.pages[1]?.items.map((i) => i.state)).toEqual(["failed"]);
  });

  it("updates a filtered view's copy, and reads the view again for a record it does not list", () => {
    const client = new QueryClient();
    const listed = action({ id: "00000000-0000-4000-8000-000000000003" });
    const key = [...actionKeys.journal(), { state: "failed" }];
    client.setQueryData<Pages>(key, { pages: [{ items: [listed] }], pageParams: [undefined] });
    const changed = { ...listed, updatedAt: "2026-11-23T10:00:09.000Z", state: "failed" };
    applyConsoleEvent(client, { type: "action", action: changed as ActionRecord }, [
      activityEventApplier,
    ]);
    expect(client.getQueryData<Pages>(key)?.pages[0]?.items[0]?.state).toBe("failed");
    expect(client.getQueryState(key)?.isInvalidated).toBe(false);
    applyConsoleEvent(client, { type: "action", action: action() }, [activityEventApplier]);
    expect(client.getQueryData<Pages>(key)?.pages[0]?.items.map((i) => i.id)).toEqual([listed.id]);
    expect(client.getQueryState(key)?.isInvalidated).toBe(true);
  });

  it("merges a bulk delta into the journal's copy when no other copy is held", () => {
    const item = (n: number, state: "queued" | "succeeded") => ({
      key: `user:${n}`,
      kind: "user" as const,
      id: String(n),
      state,
    });
    const bulk = action({
      kind: "app.revoke-licenses-bulk",
      target: { type: "app", id: "app-1", displayName: "Keynote" },
      items: [item(1, "queued"), item(2, "queued")],
    });
    const client = new QueryClient();
    client.setQueryData<Pages>(actionKeys.journal(), {
      pages: [{ items: [bulk] }],
      pageParams: [undefined],
    });
    const { items: _items, ...rest } = bulk;
    applyConsoleEvent(
      client,
      {
        type: "action-items",
        action: { ...rest, updatedAt: "2026-11-23T10:00:05.000Z" },
        items: [item(1, "succeeded")],
      },
      [activityEventApplier],
    );
    const merged = client.getQueryData<Pages>(actionKeys.journal())?.pages[0]?.items[0];
    expect(merged?.items?.map((i) => i.state)).toEqual(["succeeded", "queued"]);
  });
});
