import type { ActionRecord, BulkItem } from "@ihc/contracts";
import { describe, expect, it } from "vitest";
import { revokedLicenseKeys } from "../api/apply-action-events";
import { bulkProgressOf } from "../../../components/bulk-progress";
import { retryChoicesOf } from "./bulk-progress";

const item = (key: string, state: BulkItem["state"], code?: string): BulkItem => {
  const [kind, id] = key.split(":") as ["user" | "device", string];
  return {
    key,
    kind,
    id,
    label: `${id}@contoso`,
    state,
    ...(code === undefined ? {} : { graph: { clientRequestId: "c", code } }),
  };
};

const bulk = (items: BulkItem[], completed: boolean): ActionRecord => {
  const count = (state: BulkItem["state"]) => items.filter((i) => i.state === state).length;
  return {
    id: "6f1c3f5e-1b1a-4e8e-9a55-2f6f0d1f9a01",
    kind: "app.revoke-licenses-bulk",
    idempotencyKey: "6f1c3f5e-1b1a-4e8e-9a55-2f6f0d1f9a02",
    actor: { oid: "o", userPrincipalName: "adele@contoso", displayName: "Adele" },
    target: { type: "app", id: "app", displayName: "Slack" },
    parameters: { notifyManagedDevices: false, licenseCount: items.length },
    state: completed ? "failed" : "sent",
    items,
    itemCounts: {
      total: items.length,
      queued: count("queued"),
      sent: count("sent"),
      succeeded: count("succeeded"),
      failed: count("failed"),
      unknown: count("unknown"),
    },
    createdAt: "2026-11-23T10:00:00.000Z",
    updatedAt: "2026-11-23T10:00:01.000Z",
    ...(completed ? { completedAt: "2026-11-23T10:00:02.000Z" } : {}),
  };
};

describe("a bulk run's progress", () => {
  it("counts answered items of the total while it runs; unknown ones are not failures yet", () => {
    const run = bulk(
      [item("user:a", "succeeded"), item("user:b", "unknown"), item("user:c", "queued")],
      false,
    );
    expect(bulkProgressOf(run)).toMatchObject({
      status: "inProgress",
      progress: { attemptedCount: 2, failedCount: 0, totalBefore: 3 },
    });
  });

  it("is done at the end, with failed and still unknown items counted as failed", () => {
    const run = bulk(
      [
        item("user:a", "succeeded"),
        item("user:b", "failed", "Forbidden"),
        item("device:d", "unknown"),
      ],
      true,
    );
    expect(bulkProgressOf(run)).toMatchObject({
      status: "done",
      progress: { attemptedCount: 3, failedCount: 2, totalBefore: 3 },
    });
  });

  it("retries only failed and unknown items once the run is over, never licenses no longer assigned", () => {
    const items = [
      item("user:a", "succeeded"),
      item("user:b", "failed", "Forbidden"),
      item("device:d", "unknown"),
      item("user:e", "failed", "notAssigned"),
    ];
    expect(retryChoicesOf(bulk(items, false))).toEqual([]);
    expect(retryChoicesOf(bulk(items, true))).toEqual([
      { key: "user:b", ref: { kind: "user", userId: "b" }, who: "b@contoso" },
      { key: "device:d", ref: { kind: "device", managedDeviceId: "d" }, who: "d@contoso" },
    ]);
  });

  it("names the licenses proven revoked: succeeded items only", () => {
    const run = bulk([item("user:a", "succeeded"), item("user:b", "unknown")], false);
    expect([...revokedLicenseKeys(run)]).toEqual(["user:a"]);
  });
});
