/**
 * Intune RBAC: the permissions (resource actions) a delegated Graph call into Intune needs, and
 * the roles the demo accounts hold. Names follow Intune's resource operations
 * ("Microsoft.Intune_<Resource>_<Action>", as role definitions list them).
 * https://learn.microsoft.com/intune/intune-service/fundamentals/role-based-access-control-reference
 */
export const intunePermissions = [
  "Microsoft.Intune_MobileApps_Read",
  "Microsoft.Intune_MobileApps_Update",
  "Microsoft.Intune_ManagedApps_Read",
  "Microsoft.Intune_ManagedApps_Update",
  "Microsoft.Intune_AndroidForWork_Read",
  "Microsoft.Intune_AndroidForWork_Update",
  "Microsoft.Intune_ManagedDevices_Read",
  "Microsoft.Intune_RemoteTasks_Retire",
  "Microsoft.Intune_RemoteTasks_Wipe",
  "Microsoft.Intune_RemoteTasks_SyncDevice",
] as const;
export type IntunePermission = (typeof intunePermissions)[number];

/** What an admin sees in the Intune admin center for each permission. */
export const intunePermissionLabels: Readonly<Record<IntunePermission, string>> = {
  "Microsoft.Intune_MobileApps_Read": "Mobile apps: Read",
  "Microsoft.Intune_MobileApps_Update": "Mobile apps: Update",
  "Microsoft.Intune_ManagedApps_Read": "Managed apps: Read",
  "Microsoft.Intune_ManagedApps_Update": "Managed apps: Update",
  "Microsoft.Intune_AndroidForWork_Read": "Android for work: Read",
  "Microsoft.Intune_AndroidForWork_Update": "Android for work: Update",
  "Microsoft.Intune_ManagedDevices_Read": "Managed devices: Read",
  "Microsoft.Intune_RemoteTasks_Retire": "Remote tasks: Retire",
  "Microsoft.Intune_RemoteTasks_Wipe": "Remote tasks: Wipe",
  "Microsoft.Intune_RemoteTasks_SyncDevice": "Remote tasks: Sync devices",
};

const readOnly: readonly IntunePermission[] = intunePermissions.filter((p) => p.endsWith("_Read"));

/**
 * The tenant's Intune role definitions. "Help Desk Operator" and "Read Only Operator" are
 * Intune's built-in roles (reduced to the permissions the simulator checks); "Helpdesk License
 * Operator" is a custom role such a tenant creates for license and enrollment-token work.
 */
export const intuneRoleDefinitions = {
  "Helpdesk License Operator": [
    ...readOnly,
    "Microsoft.Intune_MobileApps_Update",
    "Microsoft.Intune_ManagedApps_Update",
    "Microsoft.Intune_AndroidForWork_Update",
  ],
  "Help Desk Operator": [
    ...readOnly,
    "Microsoft.Intune_RemoteTasks_Retire",
    "Microsoft.Intune_RemoteTasks_Wipe",
    "Microsoft.Intune_RemoteTasks_SyncDevice",
  ],
  "Read Only Operator": readOnly,
} as const satisfies Record<string, readonly IntunePermission[]>;

export type IntuneRoleName = keyof typeof intuneRoleDefinitions;

export function permissionsOfRoles(roles: readonly IntuneRoleName[]): Set<IntunePermission> {
  return new Set(roles.flatMap((role) => intuneRoleDefinitions[role]));
}
