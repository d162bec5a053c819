/**
 * The delegated Microsoft Graph permissions the console's API registration needs, each granted
 * with admin consent (README "App registrations"). The BFF names them when the token service
 * refuses on-behalf-of for want of consent (AADSTS65001), so an administrator grants exactly these.
 */
export const GRAPH_DELEGATED_PERMISSIONS = [
  "User.Read",
  "User.Read.All",
  "DeviceManagementApps.ReadWrite.All",
  "DeviceManagementServiceConfig.ReadWrite.All",
  "DeviceManagementConfiguration.ReadWrite.All",
  "DeviceManagementManagedDevices.ReadWrite.All",
  "DeviceManagementManagedDevices.PrivilegedOperations.All",
] as const;
