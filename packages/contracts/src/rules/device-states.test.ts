import { describe, expect, it } from "vitest";
import {
  awaitsDeviceCheckIn,
  deviceRetireStandingOf,
  isRetireFailedState,
  isRetiringState,
} from "./device-states.js";

describe("retire and device states", () => {
  it("reads retirePending and retireIssued as retiring", () => {
    expect(isRetiringState("retirePending")).toBe(true);
    expect(isRetiringState("retireIssued")).toBe(true);
    expect(isRetiringState("managed")).toBe(false);
    expect(isRetiringState(undefined)).toBe(false);
  });

  it("reads retireFailed and retireCanceled as a retire that did not happen", () => {
    expect(isRetireFailedState("retireFailed")).toBe(true);
    expect(isRetireFailedState("retireCanceled")).toBe(true);
    expect(isRetireFailedState("retirePending")).toBe(false);
  });

  it("places a device: gone, retiring, failed or managed", () => {
    expect(deviceRetireStandingOf(undefined)).toBe("gone");
    expect(deviceRetireStandingOf({ managementState: "retireIssued" })).toBe("retiring");
    expect(deviceRetireStandingOf({ managementState: "retireCanceled" })).toBe("failed");
    expect(deviceRetireStandingOf({ managementState: "managed" })).toBe("managed");
  });
});

describe("awaitsDeviceCheckIn", () => {
  it("is true while an open record's device waits for its check-in", () => {
    const items = [{ state: "sent", managementState: "retirePending" }];
    expect(awaitsDeviceCheckIn({ items })).toBe(true);
    expect(awaitsDeviceCheckIn({ items, completedAt: "2026-12-05T10:00:00Z" })).toBe(false);
    expect(
      awaitsDeviceCheckIn({ items: [{ state: "succeeded", managementState: "retirePending" }] }),
    ).toBe(false);
    expect(awaitsDeviceCheckIn({ items: [{ state: "sent", managementState: "managed" }] })).toBe(
      false,
    );
    expect(awaitsDeviceCheckIn({})).toBe(false);
  });
});
