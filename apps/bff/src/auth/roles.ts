import { AppRoles, Permissions, type AppRole, type Permission } from "@ihc/contracts";

/**
 * The one table from app roles (declared on the API's app registration, issued in `roles`) to
 * what the console lets the caller do. Explicit on purpose: no role implies another, so every
 * account that should see the console is given Console.Read.
 */
export const rolePermissions: Readonly<Record<AppRole, readonly Permission[]>> = {
  "Console.Read": ["console:read"],
  "Licenses.Revoke": ["vpp:revoke", "apps:revoke"],
  "Enrollment.Manage": ["enrollment:revoke", "enrollment:create"],
  "Enrollment.RevealToken": ["enrollment:reveal-token"],
  "Devices.Retire": ["devices:retire"],
  "Devices.Wipe": ["devices:wipe"],
  "Activity.ReadAll": ["activity:read-all"],
};

const isAppRole = (role: string): role is AppRole => (AppRoles as readonly string[]).includes(role);

/** Permissions granted by these roles, in the contract's order; unknown roles grant nothing. */
export const permissionsFor = (roles: readonly string[]): Permission[] => {
  const granted = new Set(roles.filter(isAppRole).flatMap((role) => rolePermissions[role]));
  return Permissions.filter((permission) => granted.has(permission));
};
