import { assignedLicenseKeyOf } from "@ihc/contracts";
import type { AuthenticatedUser } from "../auth/authenticated-user.js";
import { getPage } from "./graph-collection.js";
import type { GraphGateway } from "./graph-gateway.js";
import { GraphAssignedLicenseSchema, licensesPath, toAssignedLicense } from "./ios-vpp-apps.js";
import { odataString } from "./license-search.js";

/** One license a watcher looks for: its `licenseKeyOf`, and the subject Graph filters on. */
export interface LicenseProbe {
  licenseKey: string;
  userId?: string | undefined;
  managedDeviceId?: string | undefined;
}

/** Rows one probe asks for: enough for a user's licenses, never the app's whole list. */
export const PROBE_TOP = 50;

/**
 * Whether one license is still assigned, in one Graph request whatever the app's size (issue
 * #15: a watch costs O(1) per poll). It asks `assignedLicenses` filtered on the license's
 * subject and reads only the first page. Intune may ignore that `$filter` and answer the
 * unfiltered list; the rows are matched here again, and then only a page that is the whole
 * list can prove the license gone: otherwise the answer is `undefined` (not known), never
 * "gone" from a page that simply did not hold it.
 * https://learn.microsoft.com/graph/query-parameters#error-handling-for-query-parameters
 */
export const readLicensePresence = async (
  graph: GraphGateway,
  user: AuthenticatedUser,
  appId: string,
  probe: LicenseProbe,
): Promise<boolean | undefined> => {
  const filter =
    probe.managedDeviceId !== undefined
      ? `microsoft.graph.iosVppAppAssignedDeviceLicense/managedDeviceId eq ${odataString(probe.managedDeviceId)}`
      : `userId eq ${odataString(probe.userId ?? "")}`;
  const page = await getPage(graph, user, licensesPath(appId), GraphAssignedLicenseSchema, {
    version: "beta",
    query: { $filter: filter, $top: String(PROBE_TOP) },
  });
  const licenses = page.items.map(toAssignedLicense);
  if (licenses.some((license) => assignedLicenseKeyOf(license) === probe.licenseKey)) return true;
  // Whether Intune honoured the filter or not, only a page that is the whole (filtered or
  // unfiltered) list can prove the license gone; a page with a next link proves nothing.
  return page.next === undefined ? false : undefined;
};
