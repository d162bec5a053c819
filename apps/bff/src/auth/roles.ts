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

/**
 * Kept per roles array: a validated token's user (and so its frozen `roles`) answers many
 * requests from the validated-token cache, and every request asks (issue #19's profile).
 */
const granted = new WeakMap<readonly string[], readonly Permission[]>();

/** Permissions granted by these roles, in the contract's order; unknown roles grant nothing. */
export const permissionsFor = (roles: readonly string[]): readonly Permission[] => {
  const known = granted.get(roles);
  if (known !== undefined) return known;
  const given = new Set(roles.filter(isAppRole).flatMap((role) => rolePermissions[role]));
  const permissions = Object.freeze(Permissions.filter((permission) => given.has(permission)));
  // Only a frozen array cannot change under the cache (the validated token's are frozen).
  if (Object.isFrozen(roles)) granted.set(roles, permissions);
  return permissions;
};
