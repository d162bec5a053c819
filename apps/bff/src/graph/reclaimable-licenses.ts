import {
  GraphIdSchema,
  type AssignedLicense,
  type IosVppApp,
  type ReclaimableLicenseReport,
  type ReclaimableToken,
  type ReclaimReason,
} from "@ihc/contracts";
import { z } from "zod";
import type { AuthenticatedUser } from "../auth/authenticated-user.js";
import { ServiceUnavailableError } from "../errors.js";
import { graphOptional } from "./graph-body.js";
import { getAll, getPage, pageOf } from "./graph-collection.js";
import { getBatch, MAX_BATCH_REQUESTS } from "./graph-batch.js";
import type { GraphGateway } from "./graph-gateway.js";
import {
  GraphAssignedLicenseSchema,
  licensesPath,
  listIosVppApps,
  toAssignedLicense,
} from "./ios-vpp-apps.js";

/**
 * The reclaim report (issue #18, 3) in as few Graph calls as Graph allows, none per license:
 * 1. the iOS VPP apps (one read);
 * 2. every app's `assignedLicenses`, 999 a page, as `$batch`es of 20 reads;
 * 3. the distinct users those licenses name: `users?$filter=id in (…)` with 15 ids a read (the
 *    `in` operator's limit), `$batch`ed; an id Graph does not return is no longer in the
 *    directory. https://learn.microsoft.com/graph/filter-query-parameter (in: 15 expressions)
 * 4. the ids of every managed device (999 a page): a license's device absent from them has left
 *    Intune. Reading the ids is one call per 999 devices, where reading each licensed device
 *    would be one call per device (448 in the demo tenant).
 * The cost grows with the VPP apps, the licensed users / 15 and the devices / 999 (ADR 0024).
 */
const USER_IDS_PER_READ = 15;
const DEVICE_PAGE = 999;
/** 50,000 devices; past that the report refuses rather than call a device it did not see unmanaged. */
const MAX_DEVICE_PAGES = 50;

type LicensesOfApp = { app: IosVppApp; licenses: AssignedLicense[] };

const readAllLicenses = async (
  graph: GraphGateway,
  user: AuthenticatedUser,
  apps: readonly IosVppApp[],
): Promise<LicensesOfApp[]> => {
  const result: LicensesOfApp[] = [];
  for (let start = 0; start < apps.length; start += MAX_BATCH_REQUESTS) {
    const chunk = apps.slice(start, start + MAX_BATCH_REQUESTS);
    const answers = await getBatch(
      graph,
      user,
      "beta",
      chunk.map((app, index) => ({
        id: String(index),
        path: `${licensesPath(app.id)}?$top=${DEVICE_PAGE}`,
      })),
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
        // Throttled or failed inside the batch: read alone, with the gateway's read retries.
        licenses = await getAll(graph, user, licensesPath(app.id), GraphAssignedLicenseSchema, {
          version: "beta",
          query: { $top: DEVICE_PAGE },
        });
      }
      result.push({ app, licenses: licenses.map(toAssignedLicense) });
    }
  }
  return result;
};

const GraphUserStateSchema = z.object({
  id: z.string(),
  accountEnabled: graphOptional(z.boolean()),
});

/** `accountEnabled` of each id the directory still holds; an id missing from the map is gone. */
const readUserStates = async (
  graph: GraphGateway,
  user: AuthenticatedUser,
  ids: readonly string[],
): Promise<Map<string, boolean | undefined>> => {
  const states = new Map<string, boolean | undefined>();
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += USER_IDS_PER_READ)
    chunks.push(ids.slice(i, i + USER_IDS_PER_READ));
  const queryOf = (chunk: readonly string[]) => ({
    $filter: `id in (${chunk.map((id) => `'${id}'`).join(",")})`,
    $select: "id,accountEnabled",
  });
  for (let start = 0; start < chunks.length; start += MAX_BATCH_REQUESTS) {
    const group = chunks.slice(start, start + MAX_BATCH_REQUESTS);
    const answers = await getBatch(
      graph,
      user,
      "v1.0",
      group.map((chunk, index) => ({
        id: String(index),
        path: `/users?${new URLSearchParams(queryOf(chunk)).toString()}`,
      })),
    );
    for (const [index, chunk] of group.entries()) {
      const answer = answers.get(String(index));
      const found =
        answer?.status === 200
          ? pageOf(answer.body, GraphUserStateSchema, graph.baseUrl, "v1.0").items
          : await getAll(graph, user, "/users", GraphUserStateSchema, {
              version: "v1.0",
              query: queryOf(chunk),
            });
      for (const u of found) states.set(u.id.toLowerCase(), u.accountEnabled);
    }
  }
  return states;
};

const GraphDeviceIdSchema = z.object({ id: z.string() });

const readManagedDeviceIds = async (
  graph: GraphGateway,
  user: AuthenticatedUser,
): Promise<Set<string>> => {
  const ids = new Set<string>();
  let page = await getPage(graph, user, "/deviceManagement/managedDevices", GraphDeviceIdSchema, {
    version: "beta",
    query: { $select: "id", $top: DEVICE_PAGE },
  });
  for (let n = 1; ; n++) {
    for (const device of page.items) ids.add(device.id.toLowerCase());
    if (page.next === undefined) return ids;
    if (n >= MAX_DEVICE_PAGES) {
      throw new ServiceUnavailableError(
        `The tenant has more than ${MAX_DEVICE_PAGES * DEVICE_PAGE} managed devices: the reclaim report cannot tell which devices left Intune.`,
      );
    }
    page = await getPage(graph, user, page.next, GraphDeviceIdSchema, { version: "beta" });
  }
};

const isGuid = (id: string | undefined): id is string =>
  id !== undefined && GraphIdSchema.safeParse(id).success;

/** Why one license can be reclaimed (none: it stays). Pure: the report's one rule. */
export const reclaimReasonsOf = (
  license: AssignedLicense,
  users: ReadonlyMap<string, boolean | undefined>,
  managedDevices: ReadonlySet<string>,
): ReclaimReason[] => {
  const reasons: ReclaimReason[] = [];
  if (isGuid(license.userId)) {
    const key = license.userId.toLowerCase();
    if (!users.has(key)) reasons.push("userDeleted");
    else if (users.get(key) === false) reasons.push("userDisabled");
  }
  if (
    license.kind === "device" &&
    isGuid(license.managedDeviceId) &&
    !managedDevices.has(license.managedDeviceId.toLowerCase())
  ) {
    reasons.push("deviceUnmanaged");
  }
  return reasons;
};

export const listReclaimableLicenses = async (
  graph: GraphGateway,
  user: AuthenticatedUser,
): Promise<ReclaimableLicenseReport> => {
  const apps = await listIosVppApps(graph, user);
  const byApp = await readAllLicenses(graph, user, apps);
  const all = byApp.flatMap((a) => a.licenses);
  const userIds = [...new Set(all.map((l) => l.userId?.toLowerCase()).filter((id) => isGuid(id)))];
  const hasDeviceLicenses = all.some((l) => l.kind === "device" && isGuid(l.managedDeviceId));
  const [users, devices] = await Promise.all([
    userIds.length === 0
      ? Promise.resolve(new Map<string, boolean | undefined>())
      : readUserStates(graph, user, userIds),
    hasDeviceLicenses ? readManagedDeviceIds(graph, user) : Promise.resolve(new Set<string>()),
  ]);

  const tokens = new Map<string, ReclaimableToken>();
  for (const { app, licenses } of byApp) {
    const reclaimable = licenses.flatMap((license) => {
      const reasons = reclaimReasonsOf(license, users, devices);
      return reasons.length === 0 ? [] : [{ ...license, reasons }];
    });
    if (reclaimable.length === 0) continue;
    const key = app.vppTokenId?.toLowerCase() ?? "";
    const token = tokens.get(key) ?? {
      ...(app.vppTokenId === undefined ? {} : { vppTokenId: app.vppTokenId }),
      ...(app.vppTokenDisplayName === undefined
        ? {}
        : { vppTokenDisplayName: app.vppTokenDisplayName }),
      reclaimableCount: 0,
      apps: [],
    };
    token.apps.push({ appId: app.id, appDisplayName: app.displayName, licenses: reclaimable });
    token.reclaimableCount += reclaimable.length;
    tokens.set(key, token);
  }
  const byName = (a?: string, b?: string) => (a ?? "").localeCompare(b ?? "");
  const sorted = [...tokens.values()].sort((a, b) =>
    byName(a.vppTokenDisplayName, b.vppTokenDisplayName),
  );
  for (const token of sorted) token.apps.sort((a, b) => byName(a.appDisplayName, b.appDisplayName));
  return { tokens: sorted, appsScanned: apps.length, licensesScanned: all.length };
};
