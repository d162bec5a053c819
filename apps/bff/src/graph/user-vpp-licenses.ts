import type { UserVppLicense } from "@ihc/contracts";
import type { AuthenticatedUser } from "../auth/authenticated-user.js";
import { getAll, pageOf } from "./graph-collection.js";
import { getBatch, MAX_BATCH_REQUESTS } from "./graph-batch.js";
import type { GraphGateway } from "./graph-gateway.js";
import {
  GraphAssignedLicenseSchema,
  licensesPath,
  listIosVppAppSummaries,
  toAssignedLicense,
} from "./ios-vpp-apps.js";

/**
 * The VPP licenses one user holds. Graph has no per-user view of VPP licenses, so every iOS VPP
 * app's `assignedLicenses` is read filtered on `userId` (a user license, and device licenses on
 * the user's devices, which carry the user): one app list, then one `$batch` of up to 20
 * filtered reads per 20 apps. The cost grows with the number of VPP apps, not with the tenant's
 * users or licenses (ADR 0012). A read the batch did not answer with 200 is read again alone,
 * with the gateway's retry policy for reads.
 */
export const listUserVppLicenses = async (
  graph: GraphGateway,
  user: AuthenticatedUser,
  userId: string,
): Promise<{ items: UserVppLicense[]; appsScanned: number }> => {
  const apps = await listIosVppAppSummaries(graph, user);
  const query = `$filter=${encodeURIComponent(`userId eq '${userId}'`)}&$top=999`;
  const items: UserVppLicense[] = [];
  for (let start = 0; start < apps.length; start += MAX_BATCH_REQUESTS) {
    const chunk = apps.slice(start, start + MAX_BATCH_REQUESTS);
    const answers = await getBatch(
      graph,
      user,
      "beta",
      chunk.map((app, index) => ({ id: String(index), path: `${licensesPath(app.id)}?${query}` })),
    );
    for (const [index, app] of chunk.entries()) {
      const answer = answers.get(String(index));
      let licenses;
      if (answer?.status === 200) {
        const page = pageOf(answer.body, GraphAssignedLicenseSchema, graph.baseUrl, "beta");
        licenses = page.items;
        if (page.next !== undefined) {
          licenses.push(
            ...(await getAll(graph, user, page.next, GraphAssignedLicenseSchema, {
              version: "beta",
            })),
          );
        }
      } else {
        licenses = await getAll(graph, user, licensesPath(app.id), GraphAssignedLicenseSchema, {
          version: "beta",
          query: { $filter: `userId eq '${userId}'`, $top: 999 },
        });
      }
      for (const license of licenses.map(toAssignedLicense)) {
        if (license.userId?.toLowerCase() !== userId.toLowerCase()) continue;
        items.push({
          appId: app.id,
          appDisplayName: app.displayName ?? app.id,
          kind: license.kind,
          ...(license.managedDeviceId === undefined
            ? {}
            : { managedDeviceId: license.managedDeviceId }),
          ...(license.deviceName === undefined ? {} : { deviceName: license.deviceName }),
        });
      }
    }
  }
  items.sort((a, b) => a.appDisplayName.localeCompare(b.appDisplayName));
  return { items, appsScanned: apps.length };
};
