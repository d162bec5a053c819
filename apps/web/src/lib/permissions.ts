import type { Me, Permission } from "@ihc/contracts";

/** Whether the signed-in agent may do something; the BFF checks again on every request. */
export function can(me: Me, permission: Permission): boolean {
  return me.permissions.includes(permission);
}
