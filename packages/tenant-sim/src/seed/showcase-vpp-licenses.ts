import type { UserRecord } from "../store/user-record.js";
import type { AssignedLicenseRecord, MobileAppRecord } from "../store/vpp-records.js";
import { showcaseUserSeeds } from "./showcase-catalog.js";
import { iosVppAppSeeds } from "./vpp-catalog.js";

/**
 * VPP licenses of showcase users, fixed (no PRNG draw, so nothing else moves): Hana Kobayashi,
 * the leaver offboarding is shown with, holds 5 licenses across 4 apps — user licenses of
 * Authenticator, Outlook and Excel (Fabrikam UK's token), and device licenses of Outlook on her
 * iPad and Square Point of Sale on her iPhone. Apps no test counts the licenses of.
 */
const hana = showcaseUserSeeds.hanaKobayashi;

const showcaseLicenses: readonly {
  appId: string;
  id: string;
  device?: { id: string; deviceName: string };
}[] = [
  { appId: iosVppAppSeeds.authenticator.id, id: "d7a10000-0013-4e00-8000-000000000001" },
  { appId: iosVppAppSeeds.ukOutlook.id, id: "d7a10000-0013-4e00-8000-000000000002" },
  {
    appId: iosVppAppSeeds.ukOutlook.id,
    id: "d7a10000-0013-4e00-8000-000000000003",
    device: { id: hana.devices.ipad.id, deviceName: hana.devices.ipad.deviceName },
  },
  { appId: iosVppAppSeeds.ukExcel.id, id: "d7a10000-0013-4e00-8000-000000000004" },
  {
    appId: iosVppAppSeeds.ukSquare.id,
    id: "d7a10000-0013-4e00-8000-000000000005",
    device: { id: hana.devices.iphone.id, deviceName: hana.devices.iphone.deviceName },
  },
];

/** Adds the showcase licenses to their apps (after the generated ones). */
export function addShowcaseVppLicenses(
  apps: readonly MobileAppRecord[],
  users: readonly UserRecord[],
): void {
  const user = users.find((u) => u.id === hana.id);
  if (user === undefined) return;
  for (const seed of showcaseLicenses) {
    const app = apps.find((a) => a.id === seed.appId);
    if (app === undefined || !("licenses" in app)) continue;
    const license: AssignedLicenseRecord = {
      kind: seed.device === undefined ? "user" : "device",
      id: seed.id,
      userId: user.id,
      userEmailAddress: user.mail ?? user.userPrincipalName,
      userName: user.displayName,
      userPrincipalName: user.userPrincipalName,
      managedDeviceId: seed.device?.id ?? null,
      deviceName: seed.device?.deviceName ?? null,
    };
    app.licenses.push(license);
  }
}
