import type { ReceivedGraphRequest } from "@ihc/tenant-sim";

const GUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
const action = (...names: string[]) => `(?:microsoft\\.graph\\.)?(?:${names.join("|")})`;

/** Every Graph path the BFF may call, as the simulator serves it (packages/tenant-sim README). */
const KNOWN_GRAPH_PATHS: readonly RegExp[] = [
  /^\/(?:v1\.0|beta)\/me$/,
  /^\/(?:v1\.0|beta)\/\$batch$/,
  new RegExp(
    `^/(?:v1\\.0|beta)/deviceAppManagement/vppTokens(?:/${GUID}(?:/${action("revokeLicenses", "syncLicenses")})?)?$`,
  ),
  new RegExp(
    `^/(?:v1\\.0|beta)/deviceAppManagement/mobileApps(?:/${GUID}(?:/microsoft\\.graph\\.iosVppApp(?:/assignedLicenses)?)?(?:/${action("revokeUserLicense", "revokeDeviceLicense", "revokeAllLicenses")})?)?$`,
  ),
  new RegExp(
    `^/beta/deviceManagement/android(?:ForWork|DeviceOwner)EnrollmentProfiles(?:/${GUID}(?:/${action("revokeToken", "createToken")})?)?$`,
  ),
  new RegExp(
    `^/(?:v1\\.0|beta)/users(?:/${GUID}(?:/managedDevices(?:/${GUID})?|/${action("removeAllDevicesFromManagement")})?)?$`,
  ),
  new RegExp(
    `^/(?:v1\\.0|beta)/deviceManagement/managedDevices(?:/${GUID}(?:/${action("retire", "wipe", "syncDevice")})?)?$`,
  ),
];

/** What must never reach a Graph path segment: traversal, encoded separators, query or fragment. */
const LEAKS = /\.\.|%2f|%5c|%3f|%23|%25|%20|[#?\\'"\s]/i;

/** The received requests whose path is malformed or one the simulator does not serve. */
export const malformedGraphPaths = (calls: readonly ReceivedGraphRequest[]): string[] =>
  calls
    .map((call) => call.path)
    .filter((path) => LEAKS.test(path) || !KNOWN_GRAPH_PATHS.some((known) => known.test(path)));
