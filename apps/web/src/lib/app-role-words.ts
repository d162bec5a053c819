import { AppRoles, type AppRole } from "@ihc/contracts";

/** The i18n key saying what each app role lets a person do (the no-access and My access pages). */
export const appRoleDescriptionKeys = {
  "Console.Read": "noAccess.roles.consoleRead",
  "Licenses.Revoke": "noAccess.roles.licensesRevoke",
  "Enrollment.Manage": "noAccess.roles.enrollmentManage",
  "Enrollment.RevealToken": "noAccess.roles.enrollmentRevealToken",
  "Devices.Retire": "noAccess.roles.devicesRetire",
  "Devices.Wipe": "noAccess.roles.devicesWipe",
  "Activity.ReadAll": "noAccess.roles.activityReadAll",
} as const satisfies Record<AppRole, string>;

export const isAppRole = (role: string): role is AppRole =>
  (AppRoles as readonly string[]).includes(role);
