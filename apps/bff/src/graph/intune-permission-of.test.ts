import { describe, expect, it } from "vitest";
import { intunePermissionOf } from "./intune-permission-of.js";

describe("intunePermissionOf", () => {
  it.each([
    ["GET", "/deviceAppManagement/mobileApps?$filter=x", "mobileApps.read"],
    ["POST", "/deviceAppManagement/mobileApps/1/revokeUserLicense", "mobileApps.update"],
    [
      "GET",
      "https://graph.microsoft.com/beta/deviceAppManagement/vppTokens?$skiptoken=1",
      "managedApps.read",
    ],
    ["POST", "/deviceAppManagement/vppTokens/1/revokeLicenses", "managedApps.update"],
    ["GET", "/deviceManagement/androidDeviceOwnerEnrollmentProfiles", "androidForWork.read"],
    [
      "POST",
      "/deviceManagement/androidForWorkEnrollmentProfiles/1/revokeToken",
      "androidForWork.update",
    ],
    ["GET", "/users/1/managedDevices", "managedDevices.read"],
    ["POST", "/users/1/removeAllDevicesFromManagement", "remoteTasks.retire"],
    ["POST", "/deviceManagement/managedDevices/1/retire", "remoteTasks.retire"],
    ["POST", "/deviceManagement/managedDevices/1/wipe", "remoteTasks.wipe"],
    ["POST", "/deviceManagement/managedDevices/1/syncDevice", "remoteTasks.syncDevices"],
    ["GET", "/me", undefined],
    ["GET", "/users?$search=x", undefined],
    ["POST", "/$batch", undefined],
  ] as const)("%s %s needs %s", (method, path, permission) => {
    expect(intunePermissionOf(method, path)).toBe(permission);
  });
});
