import { describe, expect, it } from "vitest";
import { isSettled, upsertAction } from "./action-records";
import { makeAction as action } from "./testing/make-action";

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

  it("keeps a newer copy over an older one", () => {
    const newer = action({ updatedAt: "2026-11-23T10:00:09.000Z" });
    expect(upsertAction([newer], action())).toEqual([newer]);
  });
});
