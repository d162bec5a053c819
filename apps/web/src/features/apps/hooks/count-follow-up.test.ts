import type { ActionRecord, IosVppApp } from "@ihc/contracts";
import { describe, expect, it } from "vitest";
import { makeAction } from "../../../lib/testing/make-action";
import { countFollowUp, countPhaseOf, countReadDelayMs, followRevoke } from "./count-follow-up";

const app = (used: number, running = false) =>
  ({
    id: "app-1",
    usedLicenseCount: used,
    revokeLicenseActionResults: running ? [{ actionState: "pending" }] : [],
  }) as unknown as IosVppApp;

const ONE = "11111111-1111-4111-8111-111111111111";
const TWO = "22222222-2222-4222-8222-222222222222";

const revoke = (overrides: Partial<ActionRecord> = {}) =>
  makeAction({
    id: ONE,
    kind: "app.revoke-user-license",
    progress: { actionState: "done", attemptedCount: 1, failedCount: 0 },
    completedAt: "2026-11-23T10:00:05.000Z",
    ...overrides,
  } as Partial<ActionRecord>);

const bulk = (id: string, succeeded: number, failed: number) =>
  revoke({
    id,
    kind: "app.revoke-licenses-bulk",
    progress: undefined,
    itemCounts: { total: succeeded + failed, queued: 0, sent: 0, succeeded, failed, unknown: 0 },
  });

const follow = { actionIds: [ONE], baseline: 20 };

describe("following an app's license count after a revoke", () => {
  it("waits while the revoke runs, then lags until the count shows it", () => {
    expect(countPhaseOf(app(20), follow, [])).toBe("running");
    expect(countPhaseOf(app(20), follow, [revoke({ completedAt: undefined })])).toBe("running");
    expect(countPhaseOf(app(20, true), follow, [revoke()])).toBe("running");
    expect(countPhaseOf(app(20), follow, [revoke()])).toBe("lagging");
    expect(countPhaseOf(app(19), follow, [revoke()])).toBe("none");
    expect(countPhaseOf(app(20), undefined, [revoke()])).toBe("none");
  });

  it("expects what the revokes took: a second run joins the first, a failure takes nothing", () => {
    const both = { actionIds: [ONE, TWO], baseline: 16 };
    // The BFF marks a bulk run with any failed item `failed`: its 4 succeeded licenses still went.
    const records = [{ ...bulk(ONE, 4, 2), state: "failed" as const }, bulk(TWO, 2, 0)];
    // The first run counted, the retry not yet: still lagging.
    expect(countPhaseOf(app(12), both, records)).toBe("lagging");
    expect(countPhaseOf(app(10), both, records)).toBe("none");
    expect(countPhaseOf(app(16), follow, [bulk(ONE, 0, 6)])).toBe("none");
    expect(countPhaseOf(app(20), follow, [revoke({ state: "failed" })])).toBe("none");
    const allFailed = revoke({
      kind: "app.revoke-all-licenses",
      progress: { actionState: "done", attemptedCount: 3, failedCount: 3 },
    });
    expect(countPhaseOf(app(20), follow, [allFailed])).toBe("none");
  });

  it("expects nothing of a license Intune gave back (a Required assignment)", () => {
    const reassigned = revoke({ reassignedAt: "2026-11-23T10:00:20.000Z" });
    expect(countPhaseOf(app(20), follow, [reassigned])).toBe("none");
  });

  it("reads again after 2 s, doubling, at most a minute apart, within a bound", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 9].map(countReadDelayMs)).toEqual([
      2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000,
    ]);
    expect(countFollowUp.boundMs).toBeGreaterThanOrEqual(10 * 60_000);
  });
});

describe("following one more revoke", () => {
  it("starts from the count the agent saw, not the count when the 202 is read", () => {
    // Opened at 17; by the time the 202 is read the count shows 10 of the revoke already.
    const followed = followRevoke(undefined, ONE, 17);
    expect(followed).toEqual({ actionIds: [ONE], baseline: 17 });
    const done = revoke({ progress: { actionState: "done", attemptedCount: 15, failedCount: 0 } });
    expect(countPhaseOf(app(10), followed, [done])).toBe("lagging");
    expect(countPhaseOf(app(2), followed, [done])).toBe("none");
  });

  it("counts a revoke once however often it is answered, and joins a later one", () => {
    const once = followRevoke(undefined, ONE, 20);
    expect(followRevoke(once, ONE, 5)).toBe(once);
    expect(followRevoke(once, TWO, 5)).toEqual({ actionIds: [ONE, TWO], baseline: 20 });
  });
});
