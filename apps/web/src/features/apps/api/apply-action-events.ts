import {
  assignedLicenseKeyOf,
  singleLicenseKeyOf,
  type ActionRecord,
  type AssignedLicenseList,
  type ReclaimableLicenseReport,
} from "@ihc/contracts";
import type { InfiniteData } from "@tanstack/react-query";
import type { ActionEventApplier } from "../../../lib/console-event-cache";
import { appKeys } from "../../../lib/query-keys";

/** The licenses an app action has certainly taken back, by `user:<id>` / `device:<id>` key. */
export function revokedLicenseKeys(action: ActionRecord): Set<string> {
  if (action.items) {
    return new Set(action.items.filter((i) => i.state === "succeeded").map((i) => i.key));
  }
  const done = action.state === "succeeded" && action.progress?.actionState === "done";
  const key = done ? singleLicenseKeyOf(action) : undefined;
  return new Set(key === undefined ? [] : [key]);
}

/** The reclaim report without the licenses of `appId` known to be revoked (counts follow). */
export function withoutRevoked(
  report: ReclaimableLicenseReport,
  appId: string,
  revoked: ReadonlySet<string>,
): ReclaimableLicenseReport {
  const tokens = report.tokens.map((token) => {
    const apps = token.apps
      .map((app) =>
        app.appId.toLowerCase() !== appId.toLowerCase()
          ? app
          : {
              ...app,
              licenses: app.licenses.filter((license) => {
                const key = assignedLicenseKeyOf(license);
                return key === undefined || !revoked.has(key);
              }),
            },
      )
      .filter((app) => app.licenses.length > 0);
    return {
      ...token,
      apps,
      reclaimableCount: apps.reduce((n, app) => n + app.licenses.length, 0),
    };
  });
  return { ...report, tokens: tokens.filter((token) => token.apps.length > 0) };
}

/**
 * The apps feature's part of the event stream. An app action changes the app's licenses in use:
 * the app is read again (it then polls while Intune still runs a revoke), and licenses known to
 * be revoked leave the loaded lists at once. The lists are read again when Intune has finished
 * (`use-licenses-refresh.ts`), not when the action settles: until then Graph may still list them.
 */
export const appEventApplier: ActionEventApplier = {
  onAction: (client, action) => {
    if (action.target.type !== "app") return;
    const appId = action.target.id;
    void client.invalidateQueries({ queryKey: appKeys.detail(appId) });
    void client.invalidateQueries({ queryKey: appKeys.list() });
    const revoked = revokedLicenseKeys(action);
    if (revoked.size === 0) return;
    client.setQueryData<ReclaimableLicenseReport>(appKeys.reclaimable(), (report) =>
      report === undefined ? report : withoutRevoked(report, appId, revoked),
    );
    client.setQueriesData<InfiniteData<AssignedLicenseList, string | undefined>>(
      { queryKey: appKeys.licenses(appId) },
      (data) =>
        data
          ? {
              ...data,
              pages: data.pages.map((page) => ({
                ...page,
                items: page.items.filter((license) => {
                  const key = assignedLicenseKeyOf(license);
                  return key === undefined || !revoked.has(key);
                }),
              })),
            }
          : data,
    );
  },
  liveKeys: [appKeys.all],
};
