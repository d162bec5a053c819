import type { Request } from "express";
import { demoAccounts } from "../seed/demo-tenant.js";
import {
  permissionsOfRoles,
  type IntunePermission,
  type IntuneRoleName,
} from "../seed/intune-roles.js";
import type { GraphError } from "./graph-error.js";
import { graphContext, graphToken } from "./graph-request-context.js";
import { intuneError } from "./intune-error.js";

/**
 * Intune RBAC (the `intuneRbac` switch): a delegated call into Intune succeeds only if the
 * signed-in person holds an Intune role granting the call's permission, whatever the token's
 * scopes. App-only calls are not subject to it. Intune answers 403 Forbidden with its JSON
 * document in `message`, naming neither the role nor the permission.
 * https://learn.microsoft.com/graph/api/resources/intune-graph-overview (delegated calls need
 * an Intune role) and https://learn.microsoft.com/intune/intune-service/fundamentals/role-based-access-control
 */
export function intuneRoleRefusal(
  req: Request,
  needed: IntunePermission | undefined,
): GraphError | undefined {
  const { scenario } = graphContext(req);
  if (needed === undefined || !scenario.intuneRbac) return undefined;
  const { oid } = graphToken(req);
  const account = demoAccounts.find((a) => a.id === oid.toLowerCase());
  const roles = account?.intuneRoles ?? [];
  const held: readonly IntuneRoleName[] =
    scenario.intuneReadOnly && roles.length > 0 ? ["Read Only Operator"] : roles;
  if (permissionsOfRoles(held).has(needed)) return undefined;
  return intuneError(req, 403, "Forbidden", "User is not authorized to perform this operation.");
}
