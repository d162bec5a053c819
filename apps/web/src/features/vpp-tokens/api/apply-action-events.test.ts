import type { VppToken, VppTokenDetail } from "@ihc/contracts";
import { QueryClient } from "@tanstack/react-query";
import { afterEach, describe, expect, it, vi } from "vitest";
import { applyConsoleEvent } from "../../../lib/console-event-cache";
import { vppTokenKeys } from "../../../lib/query-keys";
import { makeAction as action, TOKEN_ID } from "../../../lib/testing/make-action";
import { createThrottledDetailRead, createVppTokenEventApplier } from "./apply-action-events";

const token = (overrides: Partial<VppToken> = {}): VppToken => ({
  id: TOKEN_ID,
  displayName: "Contoso Business VPP",
  state: "valid",
  tokenActionResults: [],
  ...overrides,
});

const result = {
  actionName: "RevokeLicenses",
  actionState: "active" as const,
  startDateTime: "2026-11-23T10:00:02Z",
  totalLicensesCount: 12,
  failedLicensesCount: 1,
};

const invalidatedKeys = (spy: { mock: { calls: unknown[][] } }) =>
  spy.mock.calls.map(([filters]) => (filters as { queryKey?: unknown }).queryKey);

afterEach(() => {
  vi.useRealTimers();
});

describe("the VPP tokens feature's events", () => {
  it("re-reads the token once when its action settles", () => {
    const client = new QueryClient();
    const features = [createVppTokenEventApplier()];
    const invalidate = vi.spyOn(client, "invalidateQueries");
    applyConsoleEvent(client, { type: "action", action: action() }, features);
    expect(invalidate).not.toHaveBeenCalled();
    const done = action({
      updatedAt: "2026-11-23T10:01:00.000Z",
      completedAt: "2026-11-23T10:01:00.000Z",
      progress: { actionState: "done", attemptedCount: 40, failedCount: 0, totalBefore: 40 },
    });
    applyConsoleEvent(client, { type: "action", action: done }, features);
    applyConsoleEvent(client, { type: "action", action: done }, features);
    expect(invalidate).toHaveBeenCalledWith({ queryKey: vppTokenKeys.detail(TOKEN_ID) });
    expect(invalidate).toHaveBeenCalledTimes(2);
  });

  it("patches Graph's progress into the token in the list and the detail", () => {
    const client = new QueryClient();
    const features = [createVppTokenEventApplier(() => undefined)];
    const other = token({ id: "b3a1e7c2-4d5f-4a6b-9c8d-1e2f3a4b5c02", displayName: "Other" });
    client.setQueryData(vppTokenKeys.list(), { items: [token(), other] });
    client.setQueryData<VppTokenDetail>(vppTokenKeys.detail(TOKEN_ID), {
      token: token(),
      impact: { apps: [], licensesInUse: 40 },
    });
    const progress = { type: "vpp-token-progress" as const, result };
    applyConsoleEvent(client, { ...progress, vppTokenId: TOKEN_ID.toUpperCase() }, features);
    applyConsoleEvent(
      client,
      { ...progress, vppTokenId: TOKEN_ID, result: { ...result, totalLicensesCount: 20 } },
      features,
    );
    const list = client.getQueryData<{ items: VppToken[] }>(vppTokenKeys.list());
    expect(list?.items[0]?.tokenActionResults).toEqual([{ ...result, totalLicensesCount: 20 }]);
    expect(list?.items[1]?.tokenActionResults).toEqual([]);
    const detail = client.getQueryData<VppTokenDetail>(vppTokenKeys.detail(TOKEN_ID));
    expect(detail?.token.tokenActionResults).toHaveLength(1);
  });

  it("reads the detail again as a revoke makes progress, so licenses in use follow it", () => {
    const client = new QueryClient();
    const readDetail = vi.fn();
    const features = [createVppTokenEventApplier(readDetail)];
    client.setQueryData<VppTokenDetail>(vppTokenKeys.detail(TOKEN_ID), {
      token: token(),
      impact: { apps: [], licensesInUse: 40 },
    });
    const progress = (totalLicensesCount: number, actionState: "active" | "done" = "active") => ({
      type: "vpp-token-progress" as const,
      vppTokenId: TOKEN_ID,
      result: { ...result, totalLicensesCount, actionState },
    });
    applyConsoleEvent(client, progress(12), features);
    // The same numbers again (a watcher's repeated poll) changes nothing on screen.
    applyConsoleEvent(client, progress(12), features);
    applyConsoleEvent(client, progress(20), features);
    applyConsoleEvent(client, progress(40, "done"), features);
    expect(readDetail).toHaveBeenCalledTimes(3);
    expect(readDetail).toHaveBeenCalledWith(client, TOKEN_ID);
  });

  it("reads a token's detail at most once per interval, and once more at its end", () => {
    vi.useFakeTimers();
    const client = new QueryClient();
    const spy = vi.spyOn(client, "invalidateQueries");
    const read = createThrottledDetailRead(5_000);
    read(client, TOKEN_ID);
    read(client, TOKEN_ID.toUpperCase());
    read(client, TOKEN_ID);
    expect(spy).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(4_999);
    expect(spy).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(spy).toHaveBeenCalledTimes(2);
    expect(invalidatedKeys(spy)).toEqual([
      vppTokenKeys.detail(TOKEN_ID),
      vppTokenKeys.detail(TOKEN_ID),
    ]);
    vi.advanceTimersByTime(60_000);
    expect(spy).toHaveBeenCalledTimes(2);
  });
});
