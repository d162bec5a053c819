import {
  confirmationMatches,
  deviceConfirmationText,
  type ActionSubject,
  type ManagedDevice,
  type Permission,
} from "@ihc/contracts";
import type { AuthenticatedUser } from "../../auth/authenticated-user.js";
import { permissionsFor } from "../../auth/roles.js";
import { NotAllowedError, InputError } from "../../errors.js";

/** The record's target: the device, named as the agent saw it. */
export const deviceTargetOf = (device: Pick<ManagedDevice, "id" | "deviceName">) => ({
  type: "device" as const,
  id: device.id,
  displayName: device.deviceName,
});

/** The device as the journal keeps it among the record's subjects. */
export const deviceSubjectOf = (
  device: ManagedDevice,
  extra: Partial<ActionSubject> = {},
): ActionSubject => ({
  type: "device",
  id: device.id,
  deviceName: device.deviceName,
  ...(device.serialNumber === undefined ? {} : { serialNumber: device.serialNumber }),
  ...extra,
});

/**
 * The device, and its primary user where it has one: the record still names whose device it was
 * once the device has left Intune (the device page links there, ADR 0023).
 */
export const deviceSubjectsOf = (
  device: ManagedDevice & { userId?: string; userDisplayName?: string },
  extra: Partial<ActionSubject> = {},
): ActionSubject[] => [
  deviceSubjectOf(device, extra),
  ...(device.userId === undefined
    ? []
    : [
        {
          type: "user" as const,
          id: device.userId,
          ...(device.userPrincipalName === undefined
            ? {}
            : { userPrincipalName: device.userPrincipalName }),
          ...(device.userDisplayName === undefined ? {} : { displayName: device.userDisplayName }),
        },
      ]),
];

/** The typed serial (or name) must name the device, as the SPA enables its button. */
export const requireDeviceConfirmation = (
  typed: string | undefined,
  device: ManagedDevice,
): void => {
  if (typed === undefined || !confirmationMatches(typed, deviceConfirmationText(device))) {
    throw new InputError(
      device.serialNumber === undefined
        ? "Type the device's name exactly to confirm."
        : "Type the device's serial number exactly to confirm.",
      [{ path: "body.confirmDevice", message: "does not match the device" }],
    );
  }
};

/** A permission the route does not require of everyone, checked where the device needs it. */
export const requireDevicePermission = (
  user: AuthenticatedUser,
  permission: Permission,
  why: string,
): void => {
  if (!permissionsFor(user.roles).includes(permission)) throw new NotAllowedError(why);
};
