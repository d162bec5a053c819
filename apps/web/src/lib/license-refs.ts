import { licenseKeyOf, type AssignedLicense, type LicenseRef } from "@ihc/contracts";

/**
 * How a license is revoked on its own: a user license by its user, a device license by its
 * device. A license without one (an Apple account linked to no user) cannot be named to Graph.
 */
export function licenseRefOf(license: AssignedLicense): LicenseRef | undefined {
  if (license.kind === "user") {
    return license.userId === undefined ? undefined : { kind: "user", userId: license.userId };
  }
  return license.managedDeviceId === undefined
    ? undefined
    : { kind: "device", managedDeviceId: license.managedDeviceId };
}

/** The key a bulk action gives the license (`user:<id>` / `device:<id>`), if it can be revoked. */
export function licenseKeyOfLicense(license: AssignedLicense): string | undefined {
  const ref = licenseRefOf(license);
  return ref === undefined ? undefined : licenseKeyOf(ref);
}
