import { licenseKeyOf, matchesAppRevoke } from "@ihc/contracts";
import type { Actor, IosVppAppRevokeResult } from "@ihc/contracts";
import type { ActionJournal, StoredAction } from "./action-journal.js";
import { settleRevoke } from "./revoke-settlement.js";
import { TargetWatchers, type TargetWatcherTuning } from "./target-watchers.js";

/** What an app's watcher reads: its revoke results and, when a record needs them, its licenses. */
export interface AppRevokeSnapshot {
  results: readonly IosVppAppRevokeResult[];
  /** `licenseKeyOf` of every assigned license; read only while a single-license revoke is watched. */
  licenseKeys: ReadonlySet<string> | undefined;
}

export interface AppRevokeWatcherOptions extends TargetWatcherTuning {
  journal: ActionJournal;
  readResults: (appId: string, actor: Actor) => Promise<IosVppAppRevokeResult[]>;
  readLicenseKeys: (appId: string, actor: Actor) => Promise<ReadonlySet<string>>;
  reconcileWindowMs?: number;
  clockSkewMs?: number;
  onError?: (error: unknown, appId: string) => void;
  isWaiting?: (error: unknown) => boolean;
}

/** Which of the app's results a record's revoke produces, and which license it removes. */
export interface AppRevokeTarget {
  actionName: string;
  userId?: string;
  managedDeviceId?: string;
  /** Single-license revokes only. */
  licenseKey?: string;
}

const stringParameter = (action: StoredAction, name: string): string | undefined => {
  const value = action.parameters[name];
  return typeof value === "string" ? value.toLowerCase() : undefined;
};

export const appRevokeTargetOf = (action: StoredAction): AppRevokeTarget | undefined => {
  switch (action.kind) {
    case "app.revoke-all-licenses":
      return { actionName: "RevokeAllLicenses" };
    case "app.revoke-user-license": {
      const userId = stringParameter(action, "userId");
      return userId === undefined
        ? undefined
        : {
            actionName: "RevokeUserLicense",
            userId,
            licenseKey: licenseKeyOf({ kind: "user", userId }),
          };
    }
    case "app.revoke-device-license": {
      const managedDeviceId = stringParameter(action, "managedDeviceId");
      return managedDeviceId === undefined
        ? undefined
        : {
            actionName: "RevokeDeviceLicense",
            managedDeviceId,
            licenseKey: licenseKeyOf({ kind: "device", managedDeviceId }),
          };
    }
    default:
      return undefined;
  }
};

// By scope and subject, not by the undocumented actionName (issue #15, 6); settleRevoke applies
// the time window.
const matches = (result: IosVppAppRevokeResult, target: AppRevokeTarget): boolean =>
  matchesAppRevoke(result, target);

/**
 * One watcher per iOS VPP app for its single revokes (per user, per device, all): the app's
 * `revokeLicenseActionResults` carry each revoke's progress (with `userId` / `managedDeviceId`).
 * An `unknown` single-license revoke is also settled by the licenses: the license gone means it
 * happened, still there after the reconcile window (with no result) means it did not.
 */
export class AppRevokeWatchers extends TargetWatchers<AppRevokeSnapshot> {
  constructor({
    readResults,
    readLicenseKeys,
    reconcileWindowMs = 120_000,
    clockSkewMs = 60_000,
    ...options
  }: AppRevokeWatcherOptions) {
    super({
      ...options,
      read: async (appId, actor, actions) => ({
        results: await readResults(appId, actor),
        licenseKeys: actions.some((a) => appRevokeTargetOf(a)?.licenseKey !== undefined)
          ? await readLicenseKeys(appId, actor)
          : undefined,
      }),
      settle: (action, snapshot, now) => {
        const target = appRevokeTargetOf(action);
        if (target === undefined) return { patch: {}, done: true };
        const results = snapshot.results.filter((r) => matches(r, target));
        const licenseGone =
          target.licenseKey !== undefined &&
          snapshot.licenseKeys !== undefined &&
          !snapshot.licenseKeys.has(target.licenseKey);
        return settleRevoke(action, results, { now, reconcileWindowMs, clockSkewMs, licenseGone });
      },
    });
  }
}
