import type { AssignedLicense, LicenseRef } from "@ihc/contracts";
import { licenseKeyOf, licenseRefOf } from "@ihc/contracts";

/** A license the agent picked, with what the dialogs show of it. */
export interface LicenseChoice {
  key: string;
  ref: LicenseRef;
  /** The UPN, else the user's name, else the device's name, else the id. */
  who: string;
  /** The device a device license sits on (or the user's name beside a UPN). */
  detail?: string | undefined;
}

export function choiceOf(license: AssignedLicense): LicenseChoice | undefined {
  const ref = licenseRefOf(license);
  if (ref === undefined) return undefined;
  const id = ref.kind === "user" ? ref.userId : ref.managedDeviceId;
  if (ref.kind === "device") {
    return {
      key: licenseKeyOf(ref),
      ref,
      who: license.deviceName ?? id,
      detail: license.userPrincipalName ?? license.userName,
    };
  }
  return {
    key: licenseKeyOf(ref),
    ref,
    who: license.userPrincipalName ?? license.userName ?? id,
    detail: license.userPrincipalName === undefined ? undefined : license.userName,
  };
}
