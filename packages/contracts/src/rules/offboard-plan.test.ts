import { describe, expect, it } from "vitest";
import { retireSelectionBlocked, retireSelectionOf } from "./offboard-plan.js";

const device = (id: string, over: Record<string, string> = {}) => ({
  id,
  deviceName: `Device ${id}`,
  operatingSystem: "iOS",
  deviceEnrollmentType: "appleBulkWithUser",
  managedDeviceOwnerType: "company",
  managementState: "managed",
  ...over,
});

describe("retireSelectionOf", () => {
  const devices = [
    device("A"),
    device("B"),
    device("C", {
      operatingSystem: "Android",
      deviceEnrollmentType: "androidEnterpriseCorporateWorkProfile",
    }),
    device("D", {
      operatingSystem: "Android",
      deviceEnrollmentType: "androidEnterpriseFullyManaged",
    }),
    device("E", { managementState: "retirePending" }),
  ];

  it("keeps the user's devices that were selected, case-insensitively, each once", () => {
    const selection = retireSelectionOf(devices, ["b", "A", "a"]);
    expect(selection.selected.map((d) => d.id)).toEqual(["A", "B"]);
    expect(selection.unknownIds).toEqual([]);
    expect(retireSelectionBlocked(selection)).toBe(false);
  });

  it("names an id that is not a device of this user", () => {
    const selection = retireSelectionOf(devices, ["A", "Z9"]);
    expect(selection.unknownIds).toEqual(["z9"]);
    expect(retireSelectionBlocked(selection)).toBe(true);
  });

  it("blocks a device retire would reset, one Intune cannot retire, and one already retiring", () => {
    const selection = retireSelectionOf(devices, ["A", "C", "D", "E"]);
    expect(selection.factoryReset.map((d) => d.id)).toEqual(["C"]);
    expect(selection.refused.map((d) => d.id)).toEqual(["D"]);
    expect(selection.retiring.map((d) => d.id)).toEqual(["E"]);
    expect(retireSelectionBlocked(selection)).toBe(true);
  });

  it("blocks an empty selection", () => {
    expect(retireSelectionBlocked(retireSelectionOf(devices, []))).toBe(true);
  });
});
