import type { IosVppAppRevokeResult } from "../ios-vpp-apps.js";

/** What an app revoke covers: one user's license, one device's, or all of the app's. */
export type AppRevokeScope = "user" | "device" | "all";

type ResultFields = Pick<IosVppAppRevokeResult, "actionName" | "userId" | "managedDeviceId">;

/**
 * Which revoke an iOS VPP app's result reports. `actionName` is an undocumented string and
 * tenants report other spellings than Graph's examples (`RevokeLicenseForUser`,
 * `RevokeAllAppLicenses`, …), so what the result carries decides first: a device id means a
 * device license, a user id a user license; only then the name's wording; a result naming
 * neither is the revoke of all licenses.
 * https://learn.microsoft.com/graph/api/resources/intune-apps-iosvppapprevokelicensesactionresult?view=graph-rest-beta
 */
export function appRevokeScopeOf(result: ResultFields): AppRevokeScope {
  if (result.managedDeviceId) return "device";
  if (result.userId) return "user";
  if (/device/i.test(result.actionName)) return "device";
  if (/user/i.test(result.actionName)) return "user";
  return "all";
}

/**
 * Whether `result` reports the revoke `target` describes (its scope from `actionName` as we
 * name it, and the user or device), whatever name Graph gave it. The time window (a result
 * started after the action was sent) is applied by the caller.
 */
export function matchesAppRevoke(
  result: ResultFields,
  target: { actionName: string; userId?: string | undefined; managedDeviceId?: string | undefined },
): boolean {
  if (appRevokeScopeOf(result) !== appRevokeScopeOf(target)) return false;
  const same = (a: string | undefined, b: string | undefined) =>
    b === undefined || a?.toLowerCase() === b.toLowerCase();
  return same(result.userId, target.userId) && same(result.managedDeviceId, target.managedDeviceId);
}
