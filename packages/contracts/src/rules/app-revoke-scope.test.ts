import { describe, expect, it } from "vitest";
import { appRevokeScopeOf, matchesAppRevoke } from "./app-revoke-scope.js";

const user = "0b1f2e3d-0000-4000-8000-000000000001";
const device = "0d1f2e3d-0000-4000-8000-000000000002";

describe("appRevokeScopeOf", () => {
  it.each([
    [{ actionName: "RevokeUserLicense", userId: user }, "user"],
    [{ actionName: "RevokeLicenseForUser", userId: user }, "user"],
    [{ actionName: "RevokeDeviceLicense", managedDeviceId: device }, "device"],
    [{ actionName: "RevokeLicenseForDevice", managedDeviceId: device }, "device"],
    [{ actionName: "RevokeAllLicenses" }, "all"],
    [{ actionName: "RevokeAllAppLicenses" }, "all"],
    [{ actionName: "" }, "all"],
    // The ids outrank a name that says otherwise.
    [{ actionName: "SomethingNew", managedDeviceId: device }, "device"],
  ] as const)("%o is a %s revoke", (result, scope) => {
    expect(appRevokeScopeOf(result)).toBe(scope);
  });
});

describe("matchesAppRevoke", () => {
  it("matches our target to Graph's result under another actionName", () => {
    expect(
      matchesAppRevoke(
        { actionName: "RevokeLicenseForUser", userId: user.toUpperCase() },
        { actionName: "RevokeUserLicense", userId: user },
      ),
    ).toBe(true);
    expect(
      matchesAppRevoke({ actionName: "RevokeAllAppLicenses" }, { actionName: "RevokeAllLicenses" }),
    ).toBe(true);
  });

  it("does not take another scope or subject for ours", () => {
    expect(
      matchesAppRevoke(
        { actionName: "RevokeLicenseForUser", userId: user },
        { actionName: "RevokeAllLicenses" },
      ),
    ).toBe(false);
    expect(
      matchesAppRevoke(
        { actionName: "RevokeLicenseForDevice", managedDeviceId: device },
        { actionName: "RevokeDeviceLicense", managedDeviceId: user },
      ),
    ).toBe(false);
  });
});
