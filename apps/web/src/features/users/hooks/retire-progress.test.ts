import type { ActionRecord, BulkItem, ManagedDevice } from "@ihc/contracts";
import { describe, expect, it } from "vitest";
import { deviceRetireRows, latestRetireOf, retireTargetsOf } from "./retire-progress";

const device = (id: string, overrides: Partial<ManagedDevice> = {}): ManagedDevice => ({
  id,
  deviceName: `Device ${id}`,
  managementState: "managed",
  managedDeviceOwnerType: "company",
  ...overrides,
});

const item = (id: string, overrides: Partial<BulkItem> = {}): BulkItem => ({
  key: `device:${id}`,
  kind: "device",
  id,
  label: `Device ${id}`,
  state: "sent",
  ...overrides,
});

const retire = (overrides: Partial<ActionRecord> = {}): ActionRecord =>
  ({
    id: "7faebfa3-4cdd-4d92-9725-f202efdb624f",
    kind: "user.retire-all-devices",
    idempotencyKey: "aa244cd1-ac76-473a-94ab-74390b3067be",
    actor: { oid: "o", userPrincipalName: "megan@contoso", displayName: "Megan Bowen" },
    target: { type: "user", id: "u1", displayName: "Siobhán O'Brien" },
    parameters: {},
    state: "succeeded",
    createdAt: "2026-11-23T10:00:00Z",
    updatedAt: "2026-11-23T10:00:01Z",
    ...overrides,
  }) as ActionRecord;

describe("deviceRetireRows", () => {
  it("follows the record's items: waiting, retiring, retired, failed, unknown", () => {
    const action = retire({
      items: [
        item("a", { state: "queued" }),
        item("b", { managementState: "retirePending" }),
        item("c", { state: "succeeded" }),
        item("d", { state: "failed", managementState: "retireFailed" }),
        item("e", { state: "unknown" }),
      ],
    });
    const rows = deviceRetireRows(
      action,
      undefined,
      [device("a"), device("b", { managementState: "retirePending" }), device("d")],
      false,
    );
    expect(rows.map((row) => [row.id, row.state])).toEqual([
      ["a", "waiting"],
      ["b", "retirePending"],
      ["c", "retired"],
      ["d", "failed"],
      ["e", "unknown"],
    ]);
  });

  it("flags personal devices from what the agent confirmed, else from the device listed", () => {
    const confirmed = retireTargetsOf([
      device("a", { managedDeviceOwnerType: "personal", deviceName: "José's Galaxy" }),
    ]);
    const action = retire({ items: [item("A", { label: "Galaxy" }), item("b")] });
    const rows = deviceRetireRows(
      action,
      confirmed,
      [device("b", { managedDeviceOwnerType: "personal" })],
      false,
    );
    expect(rows[0]).toMatchObject({ deviceName: "José's Galaxy", personal: true });
    expect(rows[1]).toMatchObject({ deviceName: "Device b", personal: true });
  });

  it("without items, compares what was confirmed with the devices listed now", () => {
    const confirmed = retireTargetsOf([device("a"), device("b"), device("c")]);
    const rows = deviceRetireRows(
      retire(),
      confirmed,
      [
        device("a", { managementState: "retirePending" }),
        device("b", { managementState: "retireFailed" }),
      ],
      true,
    );
    expect(rows.map((row) => row.state)).toEqual(["retirePending", "failed", "retired"]);
  });

  it("without items or a confirmed list, shows the devices being retired now", () => {
    const rows = deviceRetireRows(
      retire(),
      undefined,
      [device("a", { managementState: "retireIssued" }), device("b")],
      true,
    );
    expect(rows.map((row) => [row.id, row.state])).toEqual([["a", "retirePending"]]);
  });

  it("counts a device gone from a read since the call as retired before the watcher says so", () => {
    const action = retire({
      items: [item("a", { managementState: "retirePending" }), item("b", { state: "unknown" })],
    });
    expect(deviceRetireRows(action, undefined, [], true).map((row) => row.state)).toEqual([
      "retired",
      "unknown",
    ]);
    // A read from before the call proves nothing.
    expect(deviceRetireRows(action, undefined, [], false).map((row) => row.state)).toEqual([
      "retirePending",
      "unknown",
    ]);
  });
});

describe("latestRetireOf", () => {
  it("takes the newest retire among the user's records", () => {
    const newer = retire({ id: "00000000-0000-4000-8000-000000000002" });
    const revoke = retire({ kind: "app.revoke-user-license" });
    expect(latestRetireOf([revoke, newer, retire()])).toBe(newer);
    expect(latestRetireOf([revoke])).toBeUndefined();
    expect(latestRetireOf(undefined)).toBeUndefined();
  });
});
