import type { ActionRecord } from "@ihc/contracts";
import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import {
  actionNoticeOutcomeOf,
  finishedActionApplier,
  onActionFinished,
} from "./action-finished-notice";
import { makeAction } from "./testing/make-action";

const progress = (
  actionState: "active" | "done" | "failed",
  attempted: number,
  failed: number,
) => ({
  progress: { actionState, attemptedCount: attempted, failedCount: failed, totalBefore: 40 },
});

const counts = (succeeded: number, failed: number, unknown: number, sent = 0) => ({
  total: succeeded + failed + unknown + sent,
  queued: 0,
  sent,
  succeeded,
  failed,
  unknown,
});

describe("actionNoticeOutcomeOf", () => {
  it("has no outcome while an action runs, is sending, or is not confirmed yet", () => {
    expect(actionNoticeOutcomeOf(makeAction(progress("active", 3, 0)))).toBeUndefined();
    expect(
      actionNoticeOutcomeOf(makeAction({ state: "sent", progress: undefined })),
    ).toBeUndefined();
    expect(
      actionNoticeOutcomeOf(makeAction({ state: "unknown", progress: undefined })),
    ).toBeUndefined();
  });

  it("tells a done revoke with failures as partial or failed, never as succeeded", () => {
    expect(actionNoticeOutcomeOf(makeAction(progress("done", 40, 0)))).toBe("succeeded");
    expect(actionNoticeOutcomeOf(makeAction(progress("done", 40, 3)))).toBe("partlyFailed");
    expect(actionNoticeOutcomeOf(makeAction(progress("done", 40, 40)))).toBe("failed");
    expect(actionNoticeOutcomeOf(makeAction(progress("failed", 0, 0)))).toBe("failed");
    expect(actionNoticeOutcomeOf(makeAction({ state: "failed", progress: undefined }))).toBe(
      "refused",
    );
  });

  it("tells an outcome no longer followed as unknown", () => {
    expect(
      actionNoticeOutcomeOf(
        makeAction({
          state: "unknown",
          progress: { actionState: "none", attemptedCount: 0, failedCount: 0, watchTimedOut: true },
        }),
      ),
    ).toBe("unknown");
  });

  it("tells a bulk run by its items once it completes", () => {
    const bulk = (itemCounts: ReturnType<typeof counts>, completed = true): ActionRecord =>
      makeAction({
        kind: "app.revoke-licenses-bulk",
        state: "failed",
        progress: undefined,
        itemCounts,
        ...(completed ? { completedAt: "2026-11-23T10:05:00.000Z" } : {}),
      });
    expect(actionNoticeOutcomeOf(bulk(counts(5, 0, 0), false))).toBeUndefined();
    expect(actionNoticeOutcomeOf(bulk(counts(5, 0, 0)))).toBe("succeeded");
    expect(actionNoticeOutcomeOf(bulk(counts(3, 2, 0)))).toBe("partlyFailed");
    expect(actionNoticeOutcomeOf(bulk(counts(3, 0, 2)))).toBe("partlyUnknown");
    expect(actionNoticeOutcomeOf(bulk(counts(3, 0, 0, 2)))).toBe("partlyUnknown");
    expect(actionNoticeOutcomeOf(bulk(counts(0, 0, 2)))).toBe("unknown");
    expect(actionNoticeOutcomeOf(bulk(counts(0, 5, 0)))).toBe("failed");
  });
});

describe("finishedActionApplier", () => {
  it("announces an action once, as it ends, and not again for later copies or reveals", () => {
    const heard: string[] = [];
    const stop = onActionFinished((action, outcome) => heard.push(`${action.id}:${outcome}`));
    const client = new QueryClient();
    const running = makeAction(progress("active", 3, 0));
    const done = makeAction(progress("done", 40, 0));
    finishedActionApplier.onAction?.(client, running, undefined);
    finishedActionApplier.onAction?.(client, done, running);
    // A later copy of a record that had already ended (a replay, a check time).
    finishedActionApplier.onAction?.(client, { ...done, lastCheckedAt: "x" }, done);
    finishedActionApplier.onAction?.(
      client,
      makeAction({ id: "reveal", kind: "enrollment-profile.reveal-token", progress: undefined }),
      undefined,
    );
    // Already ended when this tab first saw it: not announced.
    const old = makeAction({ ...progress("done", 40, 0), id: "old" });
    finishedActionApplier.onAction?.(client, old, undefined);
    // Seen running, then its cached copy settled by a progress event before the record's event.
    const other = { ...running, id: "other" };
    finishedActionApplier.onAction?.(client, other, undefined);
    finishedActionApplier.onAction?.(client, { ...done, id: "other" }, { ...done, id: "other" });
    stop();
    expect(heard).toEqual([`${done.id}:succeeded`, "other:succeeded"]);
  });
});
