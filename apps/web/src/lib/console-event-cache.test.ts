import type { ActionList, ActionRecord, VppToken, VppTokenDetail } from "@ihc/contracts";
import { QueryClient, type InfiniteData } from "@tanstack/react-query";
import { describe, expect, it, vi } from "vitest";
import { applyConsoleEvent, isSettled, upsertAction } from "./console-event-cache";
import { actionKeys, userKeys, vppTokenKeys } from "./query-keys";

const TOKEN_ID = "b3a1e7c2-4d5f-4a6b-9c8d-1e2f3a4b5c01";

const action = (overrides: Partial<ActionRecord> = {}): ActionRecord =>
  ({
    id: "7faebfa3-4cdd-4d92-9725-f202efdb624f",
    kind: "vpp-token.revoke-licenses",
    idempotencyKey: "aa244cd1-ac76-473a-94ab-74390b3067be",
    actor: { oid: "o", userPrincipalName: "adele@contoso", displayName: "Adele Vance" },
    target: { type: "vppToken", id: TOKEN_ID, displayName: "Contoso Business VPP" },
    parameters: {},
    state: "succeeded",
    progress: { actionState: "none", attemptedCount: 0, failedCount: 0, totalBefore: 40 },
    createdAt: "2026-11-23T10:00:00.000Z",
    updatedAt: "2026-11-23T10:00:01.000Z",
    ...overrides,
  }) as ActionRecord;

const token = (overrides: Partial<VppToken> = {}): VppToken => ({
  id: TOKEN_ID,
  displayName: "Contoso Business VPP",
  state: "valid",
  tokenActionResults: [],
  ...overrides,
});

describe("applyConsoleEvent", () => {
  it("puts an action into its detail, its target's list and the journal's first page", () => {
    const client = new QueryClient();
    const older = action({ id: "00000000-0000-4000-8000-000000000001" });
    client.setQueryData<ActionList>(actionKeys.byTarget(TOKEN_ID), { items: [older] });
    client.setQueryData<InfiniteData<ActionList, string | undefined>>(actionKeys.journal(), {
      pages: [{ items: [older], cursor: older.id }, { items: [] }],
      pageParams: [undefined, older.id],
    });

    const record = action();
    applyConsoleEvent(client, { type: "action", action: record });

    expect(client.getQueryData(actionKeys.detail(record.id))).toEqual(record);
    expect(client.getQueryData<ActionList>(actionKeys.byTarget(TOKEN_ID))?.items).toEqual([
      record,
      older,
    ]);
    const journal = client.getQueryData<InfiniteData<ActionList>>(actionKeys.journal());
    expect(journal?.pages[0]?.items.map((i) => i.id)).toEqual([record.id, older.id]);
  });

  it("replaces a record in place and never goes back to an older version", () => {
    const client = new QueryClient();
    const newer = action({ updatedAt: "2026-11-23T10:00:05.000Z", state: "succeeded" });
    client.setQueryData<ActionList>(actionKeys.byTarget(TOKEN_ID), { items: [newer] });
    applyConsoleEvent(client, { type: "action", action: newer });
    applyConsoleEvent(client, {
      type: "action",
      action: action({ updatedAt: "2026-11-23T10:00:02.000Z", state: "sent" }),
    });
    expect(client.getQueryData<ActionList>(actionKeys.byTarget(TOKEN_ID))?.items).toEqual([newer]);
  });

  it("re-reads the token once when its action settles", () => {
    const client = new QueryClient();
    const invalidate = vi.spyOn(client, "invalidateQueries");
    applyConsoleEvent(client, { type: "action", action: action() });
    expect(invalidate).not.toHaveBeenCalled();
    const done = action({
      updatedAt: "2026-11-23T10:01:00.000Z",
      completedAt: "2026-11-23T10:01:00.000Z",
      progress: { actionState: "done", attemptedCount: 40, failedCount: 0, totalBefore: 40 },
    });
    applyConsoleEvent(client, { type: "action", action: done });
    applyConsoleEvent(client, { type: "action", action: done });
    expect(invalidate).toHaveBeenCalledWith({ queryKey: vppTokenKeys.detail(TOKEN_ID) });
    expect(invalidate).toHaveBeenCalledTimes(2);
  });

  it("patches Graph's progress into the token in the list and the detail", () => {
    const client = new QueryClient();
    const other = token({ id: "b3a1e7c2-4d5f-4a6b-9c8d-1e2f3a4b5c02", displayName: "Other" });
    client.setQueryData(vppTokenKeys.list(), { items: [token(), other] });
    client.setQueryData<VppTokenDetail>(vppTokenKeys.detail(TOKEN_ID), {
      token: token(),
      impact: { apps: [], licensesInUse: 40 },
    });
    const result = {
      actionName: "RevokeLicenses",
      actionState: "active" as const,
      startDateTime: "2026-11-23T10:00:02Z",
      totalLicensesCount: 12,
      failedLicensesCount: 1,
    };
    applyConsoleEvent(client, {
      type: "vpp-token-progress",
      vppTokenId: TOKEN_ID.toUpperCase(),
      result,
    });
    applyConsoleEvent(client, {
      type: "vpp-token-progress",
      vppTokenId: TOKEN_ID,
      result: { ...result, totalLicensesCount: 20 },
    });
    const list = client.getQueryData<{ items: VppToken[] }>(vppTokenKeys.list());
    expect(list?.items[0]?.tokenActionResults).toEqual([{ ...result, totalLicensesCount: 20 }]);
    expect(list?.items[1]?.tokenActionResults).toEqual([]);
    const detail = client.getQueryData<VppTokenDetail>(vppTokenKeys.detail(TOKEN_ID));
    expect(detail?.token.tokenActionResults).toHaveLength(1);
  });
});

describe("isSettled / upsertAction", () => {
  it("treats a refused call, a finished revoke and an accepted sync as settled", () => {
    expect(isSettled(action({ state: "failed" }))).toBe(true);
    expect(isSettled(action({ completedAt: "2026-11-23T10:01:00Z" }))).toBe(true);
    expect(isSettled(action({ kind: "vpp-token.sync-licenses", progress: undefined }))).toBe(true);
    expect(isSettled(action())).toBe(false);
    expect(isSettled(action({ state: "unknown" }))).toBe(false);
  });

  it("adds unseen records at the top", () => {
    const a = action({ id: "00000000-0000-4000-8000-00000000000a" });
    expect(upsertAction([a], action()).map((r) => r.id)).toEqual([action().id, a.id]);
  });
});

describe("applyConsoleEvent for users", () => {
  const USER_ID = "5f0c8f38-0d4c-4f0f-9c7a-000000000001";
  const retire = (overrides: Partial<ActionRecord> = {}) =>
    action({
      kind: "user.retire-all-devices",
      target: { type: "user", id: USER_ID, displayName: "Siobhán O'Brien" },
      progress: { actionState: "active", attemptedCount: 1, failedCount: 0, totalBefore: 2 },
      ...overrides,
    } as Partial<ActionRecord>);

  it("reads the user's devices again on every event of a retire, their licenses once it ends", () => {
    const client = new QueryClient();
    const spy = vi.spyOn(client, "invalidateQueries");
    applyConsoleEvent(client, { type: "action", action: retire() });
    const keys = () => spy.mock.calls.map(([filters]) => filters?.queryKey);
    expect(keys()).toContainEqual(userKeys.devices(USER_ID));
    expect(keys()).not.toContainEqual(userKeys.vppLicenses(USER_ID));

    applyConsoleEvent(client, {
      type: "action",
      action: retire({
        completedAt: "2026-11-23T10:00:09.000Z",
        updatedAt: "2026-11-23T10:00:09.000Z",
      }),
    });
    expect(keys()).toContainEqual(userKeys.vppLicenses(USER_ID));
  });

  it("reads every user's licenses again when an app's revoke settles", () => {
    const client = new QueryClient();
    const spy = vi.spyOn(client, "invalidateQueries");
    applyConsoleEvent(client, {
      type: "action",
      action: action({
        kind: "app.revoke-user-license",
        target: { type: "app", id: "app-1", displayName: "Keynote" },
        completedAt: "2026-11-23T10:00:05.000Z",
      }),
    });
    expect(spy.mock.calls.map(([filters]) => filters?.queryKey)).toContainEqual(
      userKeys.allVppLicenses(),
    );
  });

  it("merges a bulk record's changed items into the copy it holds, and reads it whole if none", () => {
    const APP_ID = "app-1";
    const item = (n: number, state: "queued" | "succeeded") => ({
      key: `device:${n}`,
      kind: "device" as const,
      id: String(n),
      state,
    });
    const bulk = action({
      kind: "app.revoke-licenses-bulk",
      target: { type: "app", id: APP_ID, displayName: "Keynote" },
      items: [item(1, "queued"), item(2, "queued"), item(3, "queued")],
    });
    const client = new QueryClient();
    client.setQueryData<ActionList>(actionKeys.byTarget(APP_ID), { items: [bulk] });
    const { items: _items, ...rest } = bulk;
    applyConsoleEvent(client, {
      type: "action-items",
      action: { ...rest, updatedAt: "2026-11-23T10:00:05.000Z" },
      items: [item(2, "succeeded")],
    });
    const merged = client.getQueryData<ActionList>(actionKeys.byTarget(APP_ID))?.items[0];
    expect(merged?.items?.map((i) => i.state)).toEqual(["queued", "succeeded", "queued"]);
    expect(client.getQueryData<ActionRecord>(actionKeys.detail(bulk.id))?.items).toHaveLength(3);

    const empty = new QueryClient();
    const spy = vi.spyOn(empty, "invalidateQueries");
    applyConsoleEvent(empty, { type: "action-items", action: rest, items: [item(2, "succeeded")] });
    expect(spy.mock.calls.map(([filters]) => filters?.queryKey)).toContainEqual(
      actionKeys.detail(bulk.id),
    );
    expect(empty.getQueryData(actionKeys.detail(bulk.id))).toBeUndefined();
  });
});
