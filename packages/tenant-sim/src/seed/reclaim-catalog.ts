import {
  isIosVppApp,
  type AssignedLicenseRecord,
  type MobileAppRecord,
} from "../store/vpp-records.js";
import { iosVppAppSeeds } from "./vpp-catalog.js";

/**
 * Licenses the reclaim report (issue #18, 3) must find, fixed and placed after everything the
 * PRNG draws, on the UK Retail token's apps that no other test counts: a user deleted from the
 * directory who still holds two licenses, and an iPad that left Intune still holding one. (The
 * seed's disabled users, e.g. Priya Eriksson, hold licenses of their own already.)
 */
export const reclaimSeeds = {
  deletedUser: {
    id: "d2e1e7ed-0001-4f00-9a00-00000000aa01",
    userPrincipalName: "kai.lindqvist@contoso-sim.onmicrosoft.com",
    userName: "Kai Lindqvist",
  },
  unmanagedDevice: {
    id: "d2e1e7ed-0002-4f00-9a00-00000000bb01",
    deviceName: "UK-STORE-IPAD-RETURNED",
  },
  licenses: {
    deletedUserOutlook: "d2e1e7ed-1001-4f00-9a00-00000000cc01",
    deletedUserExcel: "d2e1e7ed-1002-4f00-9a00-00000000cc02",
    unmanagedDeviceOutlook: "d2e1e7ed-1003-4f00-9a00-00000000cc03",
  },
} as const;

const { deletedUser, unmanagedDevice, licenses } = reclaimSeeds;

const deletedUserLicense = (id: string): AssignedLicenseRecord => ({
  kind: "user",
  id,
  userId: deletedUser.id,
  userEmailAddress: deletedUser.userPrincipalName,
  userName: deletedUser.userName,
  userPrincipalName: deletedUser.userPrincipalName,
  managedDeviceId: null,
  deviceName: null,
});

/** Adds the reclaimable licenses to the generated apps (the UK Outlook and Excel apps). */
export function addReclaimableLicenses(apps: readonly MobileAppRecord[]): void {
  const extra: Record<string, AssignedLicenseRecord[]> = {
    [iosVppAppSeeds.ukOutlook.id]: [
      deletedUserLicense(licenses.deletedUserOutlook),
      {
        kind: "device",
        id: licenses.unmanagedDeviceOutlook,
        userId: null,
        userEmailAddress: null,
        userName: null,
        userPrincipalName: null,
        managedDeviceId: unmanagedDevice.id,
        deviceName: unmanagedDevice.deviceName,
      },
    ],
    [iosVppAppSeeds.ukExcel.id]: [deletedUserLicense(licenses.deletedUserExcel)],
  };
  for (const app of apps) {
    if (!isIosVppApp(app)) continue;
    const more = extra[app.id];
    if (more === undefined) continue;
    app.licenses.push(...more.map((l) => ({ ...l })));
    app.totalLicenseCount = Math.max(app.totalLicenseCount, app.licenses.length);
  }
}
