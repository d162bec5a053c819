import { describe, expect, it } from "vitest";
import {
  assignedLicenseKeyOf,
  deviceKeyOf,
  licenseKeyOf,
  singleLicenseKeyOf,
} from "./license-keys.js";

describe("license keys", () => {
  it("names a user or device license by kind and lower-case id", () => {
    expect(licenseKeyOf({ kind: "user", userId: "AbC-1" })).toBe("user:abc-1");
    expect(licenseKeyOf({ kind: "device", managedDeviceId: "D-9" })).toBe("device:d-9");
    expect(deviceKeyOf("D-9")).toBe("device:d-9");
  });

  it("keys an assigned license the same way, and none without a user or device", () => {
    expect(assignedLicenseKeyOf({ kind: "user", userId: "U1" })).toBe("user:u1");
    expect(assignedLicenseKeyOf({ kind: "device", userId: "U1", managedDeviceId: "M1" })).toBe(
      "device:m1",
    );
    expect(assignedLicenseKeyOf({ kind: "user" })).toBeUndefined();
    expect(assignedLicenseKeyOf({ kind: "device", userId: "U1" })).toBeUndefined();
  });

  it("keys a single-license revoke record by its parameters, and nothing else", () => {
    expect(
      singleLicenseKeyOf({ kind: "app.revoke-user-license", parameters: { userId: "U1" } }),
    ).toBe("user:u1");
    expect(
      singleLicenseKeyOf({
        kind: "app.revoke-device-license",
        parameters: { managedDeviceId: "M1" },
      }),
    ).toBe("device:m1");
    expect(
      singleLicenseKeyOf({ kind: "app.revoke-all-licenses", parameters: { userId: "U1" } }),
    ).toBeUndefined();
  });
});
