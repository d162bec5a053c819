import { describe, expect, it } from "vitest";
import { deviceConfirmationText, retireEffectOf, retireNeedsWipeCare } from "./retire-effect.js";

describe("retireEffectOf", () => {
  it.each([
    ["Android", "userEnrollment", "personal", "removesWorkProfile"],
    ["Android", "androidEnterpriseCorporateWorkProfile", "company", "factoryReset"],
    ["Android", "androidEnterpriseFullyManaged", "company", "refused"],
    ["Android", "androidEnterpriseDedicatedDevice", "company", "refused"],
    ["Android", "unknownFutureValue", "company", "factoryReset"],
    ["iOS", "appleBulkWithUser", "company", "removesCompanyData"],
    ["iOS", "appleAccountDrivenUserEnrollment", "personal", "removesCompanyData"],
    ["Windows", "windowsAzureADJoin", "company", "removesCompanyData"],
    ["macOS", "userEnrollment", "personal", "removesCompanyData"],
  ])("%s %s (%s) → %s", (operatingSystem, deviceEnrollmentType, owner, effect) => {
    expect(
      retireEffectOf({ operatingSystem, deviceEnrollmentType, managedDeviceOwnerType: owner }),
    ).toBe(effect);
  });

  it("asks the wipe's care only for a retire that resets the device", () => {
    expect(retireNeedsWipeCare("factoryReset")).toBe(true);
    expect(retireNeedsWipeCare("removesWorkProfile")).toBe(false);
    expect(retireNeedsWipeCare("refused")).toBe(false);
  });

  it("confirms with the serial, or the name when there is none", () => {
    expect(deviceConfirmationText({ serialNumber: "R5CX1", deviceName: "Phone" })).toBe("R5CX1");
    expect(deviceConfirmationText({ deviceName: "Phone" })).toBe("Phone");
  });
});
