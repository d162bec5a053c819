import { z } from "zod";

/**
 * The Intune RBAC permissions the console's Graph calls need, besides the Graph scopes: a
 * delegated call into Intune succeeds only when the signed-in person holds an Intune role
 * granting it. https://learn.microsoft.com/intune/intune-service/fundamentals/role-based-access-control
 * and https://learn.microsoft.com/graph/api/resources/intune-graph-overview
 */
export const IntunePermissions = [
  "mobileApps.read",
  "mobileApps.update",
  "managedApps.read",
  "managedApps.update",
  "androidForWork.read",
  "androidForWork.update",
  "managedDevices.read",
  "remoteTasks.retire",
  "remoteTasks.wipe",
  "remoteTasks.syncDevices",
] as const;
export const IntunePermissionSchema = z.enum(IntunePermissions);
export type IntunePermission = z.infer<typeof IntunePermissionSchema>;

/** As the Intune admin center names them (Tenant administration › Roles), to ask an admin for. */
export const intunePermissionLabels: Readonly<Record<IntunePermission, string>> = {
  "mobileApps.read": "Mobile apps: Read",
  "mobileApps.update": "Mobile apps: Update",
  "managedApps.read": "Managed apps: Read",
  "managedApps.update": "Managed apps: Update",
  "androidForWork.read": "Android for work: Read",
  "androidForWork.update": "Android for work: Update",
  "managedDevices.read": "Managed devices: Read",
  "remoteTasks.retire": "Remote tasks: Retire",
  "remoteTasks.wipe": "Remote tasks: Wipe",
  "remoteTasks.syncDevices": "Remote tasks: Sync devices",
};

/**
 * What the BFF learned of a person's Intune rights from Graph's answers to their own calls:
 * `granted` after a call needing it succeeded, `missing` after Intune refused one for want of
 * a role, `unknown` until one was made. Intune offers no delegated way to read one's own
 * effective permissions, so this is learned, not asked.
 */
export const IntuneAccessStateSchema = z.enum(["granted", "missing", "unknown"]);
export type IntuneAccessState = z.infer<typeof IntuneAccessStateSchema>;

export const IntuneAccessSchema = z.record(IntunePermissionSchema, IntuneAccessStateSchema);
export type IntuneAccess = z.infer<typeof IntuneAccessSchema>;
