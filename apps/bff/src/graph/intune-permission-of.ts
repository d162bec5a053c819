import type { IntunePermission } from "@ihc/contracts";

/**
 * Which Intune RBAC permission a Graph call needs, from its method and path (the Graph
 * reference pages list them under "Permissions" beside the scopes; the Intune admin center names
 * them Mobile apps, Managed apps, Android for work, Managed devices and Remote tasks).
 * https://learn.microsoft.com/intune/intune-service/fundamentals/role-based-access-control-reference
 * Undefined for a call Intune RBAC does not cover (`/me`, `/users`, `$batch` as a whole).
 */
export const intunePermissionOf = (method: string, path: string): IntunePermission | undefined => {
  // A nextLink arrives absolute (https://graph.microsoft.com/beta/…); a path does not.
  const p = (path.split("?")[0] ?? "")
    .replace(/^https?:\/\/[^/]+/i, "")
    .replace(/^\/(v1\.0|beta)(?=\/)/i, "")
    .toLowerCase();
  const read = method === "GET";
  if (p.startsWith("/deviceappmanagement/mobileapps")) {
    return read ? "mobileApps.read" : "mobileApps.update";
  }
  if (p.startsWith("/deviceappmanagement/vpptokens")) {
    return read ? "managedApps.read" : "managedApps.update";
  }
  if (/^\/devicemanagement\/android(forwork|deviceowner)enrollmentprofiles/.test(p)) {
    return read ? "androidForWork.read" : "androidForWork.update";
  }
  if (read) {
    return /^\/devicemanagement\/manageddevices|^\/users\/[^/]+\/manageddevices/.test(p)
      ? "managedDevices.read"
      : undefined;
  }
  if (/\/(microsoft\.graph\.)?(retire|removealldevicesfrommanagement)$/.test(p)) {
    return "remoteTasks.retire";
  }
  if (/\/(microsoft\.graph\.)?wipe$/.test(p)) return "remoteTasks.wipe";
  if (/\/(microsoft\.graph\.)?syncdevice$/.test(p)) return "remoteTasks.syncDevices";
  return undefined;
};
