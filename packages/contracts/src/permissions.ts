import { z } from "zod";

/** App roles declared on the BFF's app registration (`appRoles`), as they arrive in `roles`. */
export const AppRoles = [
  "Console.Read",
  "Licenses.Revoke",
  "Enrollment.Manage",
  "Enrollment.RevealToken",
  "Devices.Retire",
  /** Wipe a device, and retire one where retiring factory-resets it (senior agents only). */
  "Devices.Wipe",
  "Activity.ReadAll",
] as const;
export const AppRoleSchema = z.enum(AppRoles);
export type AppRole = z.infer<typeof AppRoleSchema>;

/** What the console lets a caller do; the BFF derives these from roles in one table. */
export const Permissions = [
  "console:read",
  "vpp:revoke",
  "apps:revoke",
  "enrollment:revoke",
  "enrollment:create",
  "enrollment:reveal-token",
  "devices:retire",
  "devices:wipe",
  "activity:read-all",
] as const;
export const PermissionSchema = z.enum(Permissions);
export type Permission = z.infer<typeof PermissionSchema>;
