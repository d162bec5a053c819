import type { LicenseRef } from "../ios-vpp-apps.js";

/** The key a license has in a bulk action's `items`: `user:<id>` or `device:<id>`, lower-case. */
export const licenseKeyOf = (ref: LicenseRef): string =>
  `${ref.kind}:${(ref.kind === "user" ? ref.userId : ref.managedDeviceId).toLowerCase()}`;

/** A device's key among a retire's items, the same shape as a device license's. */
export const deviceKeyOf = (managedDeviceId: string): string =>
  licenseKeyOf({ kind: "device", managedDeviceId });

/** The fields of an assigned license that say how it is revoked on its own. */
export interface LicenseHolder {
  kind: "user" | "device";
  userId?: string | undefined;
  managedDeviceId?: string | undefined;
}

/**
 * How a license is revoked on its own: a user license by its user, a device license by its
 * device. A license without one (an Apple account linked to no user) cannot be named to Graph.
 */
export function licenseRefOf(license: LicenseHolder): LicenseRef | undefined {
  if (license.kind === "user") {
    return license.userId === undefined ? undefined : { kind: "user", userId: license.userId };
  }
  return license.managedDeviceId === undefined
    ? undefined
    : { kind: "device", managedDeviceId: license.managedDeviceId };
}

/** The key of an assigned license, if any revoke action can address it. */
export const assignedLicenseKeyOf = (license: LicenseHolder): string | undefined => {
  const ref = licenseRefOf(license);
  return ref === undefined ? undefined : licenseKeyOf(ref);
};

/** The license a single-license revoke record is about, by its kind and parameters. */
export function singleLicenseRefOf(action: {
  kind: string;
  parameters: Readonly<Record<string, unknown>>;
}): LicenseRef | undefined {
  const { userId, managedDeviceId } = action.parameters;
  if (action.kind === "app.revoke-user-license" && typeof userId === "string") {
    return { kind: "user", userId };
  }
  if (action.kind === "app.revoke-device-license" && typeof managedDeviceId === "string") {
    return { kind: "device", managedDeviceId };
  }
  return undefined;
}

/** The key of the license a single-license revoke record is about. */
export const singleLicenseKeyOf = (action: {
  kind: string;
  parameters: Readonly<Record<string, unknown>>;
}): string | undefined => {
  const ref = singleLicenseRefOf(action);
  return ref === undefined ? undefined : licenseKeyOf(ref);
};
