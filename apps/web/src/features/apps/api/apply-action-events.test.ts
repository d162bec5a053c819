import type { AssignedLicenseList, ReclaimableLicenseReport } from "@ihc/contracts";
import { QueryClient, type InfiniteData } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { applyConsoleEvent } from "../../../lib/console-event-cache";
import { appKeys } from "../../../lib/query-keys";
import { makeAction as action } from "../../../lib/testing/make-action";
import { appEventApplier } from "./apply-action-events";

describe("the apps feature's events", () => {
  it("takes a license a done revoke removed out of every loaded search of the app's licenses", () => {
    const client = new QueryClient();
    const license = (userId: string) => ({
      id: `license-${userId}`,
      kind: "user" as const,
      userId,
      userPrincipalName: `${userId}@contoso`,
    });
    for (const search of ["", "ad"]) {
      client.setQueryData<InfiniteData<AssignedLicenseList, string | undefined>>(
        appKeys.licenseSearch("app-1", search),
        { pages: [{ items: [license("a"), license("b")] }], pageParams: [undefined] },
      );
    }
    const done = action({
      kind: "app.revoke-user-license",
      target: { type: "app", id: "app-1", displayName: "Keynote" },
      parameters: { userId: "a" },
      progress: { actionState: "done", attemptedCount: 1, failedCount: 0 },
    } as never);
    applyConsoleEvent(client, { type: "action", action: done }, [appEventApplier]);
    for (const search of ["", "ad"]) {
      const data = client.getQueryData<InfiniteData<AssignedLicenseList>>(
        appKeys.licenseSearch("app-1", search),
      );
      expect(data?.pages[0]?.items.map((l) => l.userId)).toEqual(["b"]);
    }
  });

  it("takes a revoked license out of the reclaim report, its token's count and empty groups", () => {
    const client = new QueryClient();
    const reclaimable = (userId: string) => ({
      id: `license-${userId}`,
      kind: "user" as const,
      userId,
      reasons: ["userDeleted" as const],
    });
    client.setQueryData<ReclaimableLicenseReport>(appKeys.reclaimable(), {
      appsScanned: 2,
      licensesScanned: 9,
      tokens: [
        {
          vppTokenId: "t-1",
          reclaimableCount: 3,
          apps: [
            { appId: "app-1", appDisplayName: "Keynote", licenses: [reclaimable("a")] },
            {
              appId: "app-2",
              appDisplayName: "Word",
              licenses: [reclaimable("a"), reclaimable("b")],
            },
          ],
        },
      ],
    });
    const bulk = action({
      kind: "app.revoke-licenses-bulk",
      target: { type: "app", id: "APP-1", displayName: "Keynote" },
      items: [{ key: "user:a", kind: "user", id: "a", state: "succeeded" }],
    } as never);
    applyConsoleEvent(client, { type: "action", action: bulk }, [appEventApplier]);
    const report = client.getQueryData<ReclaimableLicenseReport>(appKeys.reclaimable());
    expect(report?.tokens[0]?.apps.map((a) => a.appId)).toEqual(["app-2"]);
    expect(report?.tokens[0]?.reclaimableCount).toBe(2);
  });
});
