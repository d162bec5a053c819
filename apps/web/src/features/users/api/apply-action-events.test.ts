import type { ActionRecord } from "@ihc/contracts";
import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it, vi } from "vitest";
import { applyConsoleEvent } from "../../../lib/console-event-cache";
import { userKeys } from "../../../lib/query-keys";
import { makeAction as action } from "../../../lib/testing/make-action";
import { userEventApplier } from "./apply-action-events";

const USER_ID = "5f0c8f38-0d4c-4f0f-9c7a-000000000001";
const retire = (overrides: Partial<ActionRecord> = {}) =>
  action({
    kind: "user.retire-all-devices",
    target: { type: "user", id: USER_ID, displayName: "Siobhán O'Brien" },
    progress: { actionState: "active", attemptedCount: 1, failedCount: 0, totalBefore: 2 },
    ...overrides,
  } as Partial<ActionRecord>);

describe("the users feature's events", () => {
  it("reads the user's devices again on every event of a retire, their licenses once it ends", () => {
    const client = new QueryClient();
    const spy = vi.spyOn(client, "invalidateQueries");
    applyConsoleEvent(client, { type: "action", action: retire() }, [userEventApplier]);
    const keys = () => spy.mock.calls.map(([filters]) => filters?.queryKey);
    expect(keys()).toContainEqual(userKeys.devices(USER_ID));
    expect(keys()).not.toContainEqual(userKeys.vppLicenses(USER_ID));

    applyConsoleEvent(
      client,
      {
        type: "action",
        action: retire({
          completedAt: "2026-11-23T10:00:09.000Z",
          updatedAt: "2026-11-23T10:00:09.000Z",
        }),
      },
      [userEventApplier],
    );
    expect(keys()).toContainEqual(userKeys.vppLicenses(USER_ID));
  });

  it("reads every user's licenses again when an app's revoke settles, once", () => {
    const client = new QueryClient();
    const spy = vi.spyOn(client, "invalidateQueries");
    const done = action({
      kind: "app.revoke-user-license",
      target: { type: "app", id: "app-1", displayName: "Keynote" },
      completedAt: "2026-11-23T10:00:05.000Z",
    });
    applyConsoleEvent(client, { type: "action", action: done }, [userEventApplier]);
    applyConsoleEvent(client, { type: "action", action: done }, [userEventApplier]);
    const keys = spy.mock.calls.map(([filters]) => filters?.queryKey);
    expect(keys.filter((key) => String(key) === String(userKeys.allVppLicenses()))).toHaveLength(1);
  });
});
