import type { RequestHandler } from "express";
import type { IntunePermission } from "../seed/intune-roles.js";
import { intuneRoleRefusal } from "./intune-rbac.js";
import { GraphError, intuneMessage } from "./graph-error.js";
import { graphContext, graphToken } from "./graph-request-context.js";
import { groupRoutes, userRoutes } from "./directory-routes.js";
import {
  enrollmentProfileRoutes,
  managedDeviceRoutes,
  mobileAppRoutes,
  vppTokenRoutes,
} from "./intune-routes.js";

export type GraphMethod = "GET" | "POST" | "PATCH" | "DELETE";

/** The permissions Graph's reference page lists for one call. */
export interface GraphPermission {
  method: GraphMethod;
  /** The route as the resource router declares it, relative to /v1.0 or /beta. */
  route: string;
  /** Delegated permissions Graph accepts, least privileged first. */
  delegated: readonly string[];
  /** Application permissions Graph accepts, least privileged first. */
  application: readonly string[];
  /** Directory calls and Intune calls word a missing permission differently. */
  service: "directory" | "intune";
  /** /me has no meaning without a signed-in user. */
  delegatedOnly?: boolean;
  /** The Intune RBAC permission a delegated caller's Intune roles must grant (intune-rbac.ts). */
  intuneRbac?: IntunePermission;
}

// https://learn.microsoft.com/graph/api/intune-onboarding-vpptoken-list?view=graph-rest-beta
const serviceConfigRead = [
  "DeviceManagementServiceConfig.Read.All",
  "DeviceManagementServiceConfig.ReadWrite.All",
];
const serviceConfigWrite = ["DeviceManagementServiceConfig.ReadWrite.All"];
// https://learn.microsoft.com/graph/api/intune-apps-mobileapp-list?view=graph-rest-beta
const appsRead = ["DeviceManagementApps.Read.All", "DeviceManagementApps.ReadWrite.All"];
const appsWrite = ["DeviceManagementApps.ReadWrite.All"];
// https://learn.microsoft.com/graph/api/intune-androidforwork-androiddeviceownerenrollmentprofile-get?view=graph-rest-beta
const configurationRead = [
  "DeviceManagementConfiguration.Read.All",
  "DeviceManagementConfiguration.ReadWrite.All",
];
// https://learn.microsoft.com/graph/api/intune-androidforwork-androidforworkenrollmentprofile-revoketoken?view=graph-rest-beta
const configurationWrite = ["DeviceManagementConfiguration.ReadWrite.All"];

// https://learn.microsoft.com/graph/api/intune-devices-manageddevice-list
const managedDevicesRead = [
  "DeviceManagementManagedDevices.Read.All",
  "DeviceManagementManagedDevices.ReadWrite.All",
];
// The Graph page of removeAllDevicesFromManagement once spelled this
// "DeviceManagementManagedDevices.PriviligedOperation.All"; only the real name is accepted.
// https://learn.microsoft.com/graph/api/intune-devices-user-removealldevicesfrommanagement
// The same permission alone for a device's retire, wipe and syncDevice, as their pages list it
// (intune-devices-manageddevice-retire, -wipe, -syncdevice). The English v1.0 wipe page also
// lists ReadWrite.All, its beta and translated pages do not: the stricter reading is kept, so
// what works here works on Graph.
const managedDevicesPrivileged = ["DeviceManagementManagedDevices.PrivilegedOperations.All"];

// https://learn.microsoft.com/graph/api/user-list#permissions and user-get#permissions
const usersReadDelegated = [
  "User.ReadBasic.All",
  "User.Read.All",
  "User.ReadWrite.All",
  "Directory.Read.All",
  "Directory.ReadWrite.All",
];
const usersReadApplication = [
  "User.Read.All",
  "User.ReadWrite.All",
  "Directory.Read.All",
  "Directory.ReadWrite.All",
];

// https://learn.microsoft.com/graph/api/group-get#permissions
const groupsReadDelegated = [
  "GroupMember.Read.All",
  "Group.Read.All",
  "Directory.Read.All",
  "Group.ReadWrite.All",
  "Directory.ReadWrite.All",
];
const groupsReadApplication = groupsReadDelegated;

/**
 * Delegated scopes that read every user property; a token with only User.ReadBasic.All sees
 * the basic profile (see users.ts).
 */
export const fullUserReadScopes: readonly string[] = usersReadDelegated.filter(
  (s) => s !== "User.ReadBasic.All",
);

function directory(method: GraphMethod, route: string): GraphPermission {
  return {
    method,
    route,
    delegated: usersReadDelegated,
    application: usersReadApplication,
    service: "directory",
  };
}

/** An Intune call: the same permissions delegated and app-only, as Intune's pages list them. */
function intune(
  method: GraphMethod,
  route: string,
  permissions: readonly string[],
  intuneRbac: IntunePermission,
): GraphPermission {
  return {
    method,
    route,
    delegated: permissions,
    application: permissions,
    service: "intune",
    intuneRbac,
  };
}

const vppTokensRead = "Microsoft.Intune_ManagedApps_Read";
const vppTokensUpdate = "Microsoft.Intune_ManagedApps_Update";
const appsRbacRead = "Microsoft.Intune_MobileApps_Read";
const appsRbacUpdate = "Microsoft.Intune_MobileApps_Update";
const androidRead = "Microsoft.Intune_AndroidForWork_Read";
const androidUpdate = "Microsoft.Intune_AndroidForWork_Update";
const devicesRbacRead = "Microsoft.Intune_ManagedDevices_Read";

/** Several calls with the same scopes and the same Intune permission. */
function calls(
  method: GraphMethod,
  routes: readonly string[],
  permissions: readonly string[],
  intuneRbac: IntunePermission,
): GraphPermission[] {
  return routes.map((route) => intune(method, route, permissions, intuneRbac));
}

/** A device action: the privileged-operations scope, and one of Intune's remote tasks. */
function remoteTask(route: string, task: "Retire" | "Wipe" | "SyncDevice"): GraphPermission {
  return intune("POST", route, managedDevicesPrivileged, `Microsoft.Intune_RemoteTasks_${task}`);
}

/**
 * Every Graph route the simulator serves, with the permissions from its Graph reference page.
 * A route missing here fails at start-up, so no route is served unchecked.
 */
export const graphPermissions: readonly GraphPermission[] = [
  {
    // https://learn.microsoft.com/graph/api/user-get#permissions
    method: "GET",
    route: "/me",
    delegated: [
      "User.Read",
      "User.ReadWrite",
      "User.ReadBasic.All",
      "User.Read.All",
      "User.ReadWrite.All",
      "Directory.Read.All",
      "Directory.ReadWrite.All",
    ],
    application: [],
    service: "directory",
    delegatedOnly: true,
  },
  ...calls("GET", [vppTokenRoutes.list, vppTokenRoutes.item], serviceConfigRead, vppTokensRead),
  // https://learn.microsoft.com/graph/api/intune-onboarding-vpptoken-revokelicenses?view=graph-rest-beta
  // https://learn.microsoft.com/graph/api/intune-onboarding-vpptoken-synclicenses
  ...calls(
    "POST",
    [vppTokenRoutes.revokeLicenses, vppTokenRoutes.syncLicenses],
    serviceConfigWrite,
    vppTokensUpdate,
  ),
  // https://learn.microsoft.com/graph/api/intune-apps-iosvppapp-list?view=graph-rest-beta
  // https://learn.microsoft.com/graph/api/intune-apps-mobileappassignment-list?view=graph-rest-beta
  // https://learn.microsoft.com/graph/api/intune-apps-iosvppappassignedlicense-list?view=graph-rest-beta
  ...calls(
    "GET",
    [
      mobileAppRoutes.list,
      mobileAppRoutes.listOfIosVppApps,
      mobileAppRoutes.item,
      mobileAppRoutes.itemAsIosVppApp,
      mobileAppRoutes.assignments,
      mobileAppRoutes.assignedLicenses,
    ],
    appsRead,
    appsRbacRead,
  ),
  // https://learn.microsoft.com/graph/api/intune-apps-iosvppapp-revokeuserlicense?view=graph-rest-beta
  ...calls(
    "POST",
    [
      mobileAppRoutes.revokeUserLicense,
      mobileAppRoutes.revokeDeviceLicense,
      mobileAppRoutes.revokeAllLicenses,
    ],
    appsWrite,
    appsRbacUpdate,
  ),
  ...Object.values(enrollmentProfileRoutes).flatMap((routes) => [
    ...calls("GET", [routes.list, routes.item], configurationRead, androidRead),
    ...calls("POST", [routes.revokeToken, routes.createToken], configurationWrite, androidUpdate),
  ]),
  directory("GET", userRoutes.list),
  directory("GET", userRoutes.item),
  // https://learn.microsoft.com/graph/api/group-get#permissions and
  // https://learn.microsoft.com/graph/api/group-list-transitivemembers#permissions
  ...[groupRoutes.item, groupRoutes.memberCount, groupRoutes.transitiveMemberCount].map(
    (route): GraphPermission => ({
      method: "GET",
      route,
      delegated: groupsReadDelegated,
      application: groupsReadApplication,
      service: "directory",
    }),
  ),
  intune("GET", managedDeviceRoutes.list, managedDevicesRead, devicesRbacRead),
  intune("GET", managedDeviceRoutes.item, managedDevicesRead, devicesRbacRead),
  // https://learn.microsoft.com/graph/api/intune-devices-user-list-manageddevices
  intune("GET", managedDeviceRoutes.ofUser, managedDevicesRead, devicesRbacRead),
  intune("GET", managedDeviceRoutes.itemOfUser, managedDevicesRead, devicesRbacRead),
  remoteTask(managedDeviceRoutes.removeAllDevicesFromManagement, "Retire"),
  remoteTask(managedDeviceRoutes.retire, "Retire"),
  remoteTask(managedDeviceRoutes.wipe, "Wipe"),
  remoteTask(managedDeviceRoutes.syncDevice, "SyncDevice"),
];

export function permissionFor(method: GraphMethod, route: string): GraphPermission {
  const permission = graphPermissions.find((p) => p.method === method && p.route === route);
  if (permission === undefined) throw new Error(`No Graph permission entry for ${method} ${route}`);
  return permission;
}

/** Rejects a token that holds none of the permissions Graph accepts for this call. */
export function requirePermission(method: GraphMethod, route: string): RequestHandler {
  const permission = permissionFor(method, route);
  const delegated = new Set(permission.delegated.map((s) => s.toLowerCase()));
  const application = new Set(permission.application.map((s) => s.toLowerCase()));
  return (req, _res, next) => {
    const token = graphToken(req);
    if (!token.delegated && permission.delegatedOnly === true) {
      throw new GraphError(
        400,
        "BadRequest",
        `${permission.route} request is only valid with delegated authentication flow.`,
      );
    }
    const held = token.delegated ? token.scopes : token.roles;
    const accepted = token.delegated ? delegated : application;
    if (held.some((p) => accepted.has(p.toLowerCase()))) {
      const refusal = token.delegated ? intuneRoleRefusal(req, permission.intuneRbac) : undefined;
      if (refusal !== undefined) throw refusal;
      next();
      return;
    }
    if (permission.service === "directory") {
      throw new GraphError(
        403,
        "Authorization_RequestDenied",
        "Insufficient privileges to complete the operation.",
      );
    }
    const needed = (token.delegated ? permission.delegated : permission.application).join(", ");
    throw new GraphError(
      403,
      "Forbidden",
      intuneMessage(
        `Application is not authorized to perform this operation. Application must have one of the following scopes: ${needed}`,
        graphContext(req),
        req.originalUrl.split("?")[0] ?? "",
      ),
    );
  };
}
