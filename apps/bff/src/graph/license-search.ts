import type { AssignedLicense } from "@ihc/contracts";
import { z } from "zod";
import type { AuthenticatedUser } from "../auth/authenticated-user.js";
import { graphOptional } from "./graph-body.js";
import { getPage } from "./graph-collection.js";
import type { GraphGateway } from "./graph-gateway.js";

/**
 * The search of an app's licenses (issue #18, 6): a prefix of the user's UPN or of the device's
 * name (a device license carries `deviceName`), or a device's serial number, which a license
 * does not carry: the serial is resolved to managed device ids first, in one bounded read.
 */
export interface LicenseSearch {
  /** As typed; Graph's `startswith` ignores case, the re-check here lower-cases. */
  text: string;
  /** Managed devices whose serial number is the text (at most SERIAL_MATCHES). */
  deviceIds: string[];
}

const DEVICE_LICENSE = "microsoft.graph.iosVppAppAssignedDeviceLicense";

/** Devices one serial may name: a serial is unique, a few re-enrolments keep it. */
export const SERIAL_MATCHES = 10;

/** Apple serial numbers are 10 to 12 letters and digits; other text is not looked up. */
const SERIAL_SHAPE = /^[A-Za-z0-9]{8,14}$/u;

/** OData string literals double their single quotes: O'Brien → 'O''Brien'. */
export const odataString = (value: string): string => `'${value.replaceAll("'", "''")}'`;

const GraphDeviceSerialSchema = z.object({
  id: z.string(),
  serialNumber: graphOptional(z.string()),
});

/**
 * The managed devices whose serial number is `text`: one read of `managedDevices` filtered on
 * `serialNumber` (top SERIAL_MATCHES), or none when the text cannot be a serial. The rows are
 * checked again here, as Intune may ignore a `$filter` it does not support.
 * https://learn.microsoft.com/graph/api/intune-devices-manageddevice-list?view=graph-rest-beta
 */
export const devicesWithSerial = async (
  graph: GraphGateway,
  user: AuthenticatedUser,
  text: string,
): Promise<string[]> => {
  if (!SERIAL_SHAPE.test(text)) return [];
  const serial = text.toUpperCase();
  const page = await getPage(
    graph,
    user,
    "/deviceManagement/managedDevices",
    GraphDeviceSerialSchema,
    {
      version: "beta",
      query: {
        $filter: `serialNumber eq ${odataString(serial)}`,
        $select: "id,serialNumber",
        $top: String(SERIAL_MATCHES),
      },
    },
  );
  return page.items
    .filter((device) => device.serialNumber?.toUpperCase() === serial)
    .slice(0, SERIAL_MATCHES)
    .map((device) => device.id);
};

/** The search of an app's licenses as typed, its serial resolved to devices. */
export const licenseSearchFor = async (
  graph: GraphGateway,
  user: AuthenticatedUser,
  text: string | undefined,
): Promise<LicenseSearch | undefined> =>
  text === undefined || text === ""
    ? undefined
    : { text, deviceIds: await devicesWithSerial(graph, user, text) };

/** The `$filter` of a search on `assignedLicenses`. */
export const licenseSearchFilter = ({ text, deviceIds }: LicenseSearch): string =>
  [
    `startswith(userPrincipalName,${odataString(text)})`,
    `startswith(${DEVICE_LICENSE}/deviceName,${odataString(text)})`,
    ...deviceIds.map((id) => `${DEVICE_LICENSE}/managedDeviceId eq ${odataString(id)}`),
  ].join(" or ");

const LITERAL = "'((?:[^']|'')*)'";
const unquote = (literal: string): string => literal.replaceAll("''", "'");

/**
 * The search our own `licenseSearchFilter` wrote, read back from a page's `$filter` (a cursor
 * carries it): later pages are re-checked with it too.
 */
export const licenseSearchOf = (filter: string | undefined): LicenseSearch | undefined => {
  const text = new RegExp(`^startswith\\(userPrincipalName,${LITERAL}\\)`, "u").exec(
    filter ?? "",
  )?.[1];
  if (text === undefined || filter === undefined) return undefined;
  const deviceIds = [
    ...filter.matchAll(new RegExp(`/managedDeviceId eq ${LITERAL}`, "gu")),
  ].flatMap((match) => (match[1] === undefined ? [] : [unquote(match[1])]));
  return { text: unquote(text), deviceIds };
};

/**
 * Whether a license is one the search asks for. Intune may ignore `$filter` on assignedLicenses
 * and answer every license, so every page is checked here again.
 * https://learn.microsoft.com/graph/query-parameters#error-handling-for-query-parameters
 */
export const matchesLicenseSearch = (license: AssignedLicense, search: LicenseSearch): boolean => {
  const prefix = search.text.toLowerCase();
  return (
    license.userPrincipalName?.toLowerCase().startsWith(prefix) === true ||
    license.deviceName?.toLowerCase().startsWith(prefix) === true ||
    (license.managedDeviceId !== undefined && search.deviceIds.includes(license.managedDeviceId))
  );
};
