import type { ActionKind } from "@ihc/contracts";
import type { ActionDefinition } from "./action-definition.js";
import { appRevokeAllLicenses } from "./kinds/app-revoke-all-licenses.js";
import { appRevokeDeviceLicense } from "./kinds/app-revoke-device-license.js";
import { appRevokeLicensesBulk } from "./kinds/app-revoke-licenses-bulk.js";
import { appRevokeUserLicense } from "./kinds/app-revoke-user-license.js";
import { deviceRetire } from "./kinds/device-retire.js";
import { deviceSync } from "./kinds/device-sync.js";
import { deviceWipe } from "./kinds/device-wipe.js";
import { enrollmentProfileCreateToken } from "./kinds/enrollment-profile-create-token.js";
import { enrollmentProfileReplaceToken } from "./kinds/enrollment-profile-replace-token.js";
import { enrollmentProfileRevealToken } from "./kinds/enrollment-profile-reveal-token.js";
import { enrollmentProfileRevokeToken } from "./kinds/enrollment-profile-revoke-token.js";
import { userOffboard } from "./kinds/user-offboard.js";
import { userRevokeAllLicenses } from "./kinds/user-revoke-all-licenses.js";
import { userRetireAllDevices } from "./kinds/user-retire-all-devices.js";
import { userRetireSelectedDevices } from "./kinds/user-retire-selected-devices.js";
import { vppTokenRevokeLicenses } from "./kinds/vpp-token-revoke-licenses.js";
import { vppTokenSyncLicenses } from "./kinds/vpp-token-sync-licenses.js";

/**
 * Every kind's definition (ADR 0017): a kind missing here is a type error. The route module
 * mounts each from its contract's route; restart recovery iterates it.
 */
export const actionDefinitions: { readonly [K in ActionKind]: ActionDefinition<K> } = {
  "vpp-token.revoke-licenses": vppTokenRevokeLicenses,
  "vpp-token.sync-licenses": vppTokenSyncLicenses,
  "app.revoke-user-license": appRevokeUserLicense,
  "app.revoke-device-license": appRevokeDeviceLicense,
  "app.revoke-all-licenses": appRevokeAllLicenses,
  "app.revoke-licenses-bulk": appRevokeLicensesBulk,
  "enrollment-profile.revoke-token": enrollmentProfileRevokeToken,
  "enrollment-profile.create-token": enrollmentProfileCreateToken,
  "enrollment-profile.replace-token": enrollmentProfileReplaceToken,
  "enrollment-profile.reveal-token": enrollmentProfileRevealToken,
  "user.retire-all-devices": userRetireAllDevices,
  "device.retire": deviceRetire,
  "device.sync": deviceSync,
  "device.wipe": deviceWipe,
  "user.offboard": userOffboard,
  "user.revoke-all-licenses": userRevokeAllLicenses,
  "user.retire-selected-devices": userRetireSelectedDevices,
};
