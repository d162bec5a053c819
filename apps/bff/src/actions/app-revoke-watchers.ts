import { licenseKeyOf, matchesAppRevoke } from "@ihc/contracts";
import type { Actor, IosVppAppRevokeResult } from "@ihc/contracts";
import type { ActionJournal, StoredAction } from "./action-journal.js";
import { settleRevoke } from "./revoke-settlement.js";
import { TargetWatchers, type TargetWatcherTuning } from "./target-watchers.js";

/** What an app's watcher reads: its revoke results and, when a record needs them, its licenses. */
export interface AppRevokeSnapshot {
  results: readonly IosVppAppRevokeResult[];
  /**
   * By `licenseKeyOf`: whether each watched single license is still assigned (`undefined`: not
   * known from one page). Read only for single-license revokes, one request per license.
   */
  licensePresence: ReadonlyMap<string, boolean | undefined>;
}

/** One watched single license, as the Graph read that probes it needs it. */
export interface WatchedLicense {
  licenseKey: string;
  userId?: string | undefined;
  managedDeviceId?: string | undefined;
}

export interface AppRevokeWatcherOptions extends TargetWatcherTuning {
  journal: ActionJournal;
  readResults: (appId: string, actor: Actor) => Promise<IosVppAppRevokeResult[]>;
  /** One license's presence in O(1) Graph requests (license-presence.ts). */
  readLicensePresence: (
    appId: string,
    actor: Actor,
    license: WatchedLicense,
  ) => Promise<boolean | undefined>;
  reconcileWindowMs?: number;
  /** How long a revoked single license is still probed for Intune giving it back. */
  reassignWatchMs?: number;
  clockSkewMs?: number;
  onError?: (error: unknown, appId: string) => void;
  isWaiting?: (error: unknown) => boolean;
}

/**
 * Intune re-licenses members of a Required or Available group within minutes of a revoke
 * (its next assignment evaluation): a revoked license is probed this long after it was seen
 * gone, with the watcher's backoff (at most one probe per 5 minutes once quiet).
 */
export const DEFAULT_REASSIGN_WATCH_MS = 30 * 60_000;

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
    readLicensePresence,
    reconcileWindowMs = 120_000,
    reassignWatchMs = DEFAULT_REASSIGN_WATCH_MS,
    clockSkewMs = 60_000,
    ...options
  }: AppRevokeWatcherOptions) {
    super({
      ...options,
      // One read of the app's results, then one probe per distinct watched license, whatever
      // the app's size; several records of one app share this loop (issue #15: O(1) per poll).
      read: async (appId, actor, actions) => {
        const results = await readResults(appId, actor);
        const licenses = new Map<string, WatchedLicense>();
        for (const action of actions) {
          const target = appRevokeTargetOf(action);
          if (target?.licenseKey === undefined) continue;
          if (action.completedAt !== undefined && action.licenseGoneAt === undefined) continue;
          licenses.set(target.licenseKey, {
            licenseKey: target.licenseKey,
            userId: target.userId,
            managedDeviceId: target.managedDeviceId,
          });
        }
        const licensePresence = new Map<string, boolean | undefined>();
        for (const license of licenses.values()) {
          licensePresence.set(license.licenseKey, await readLicensePresence(appId, actor, license));
        }
        return { results, licensePresence };
      },
      settle: (action, snapshot, now) => {
        const target = appRevokeTargetOf(action);
        if (target === undefined) return { patch: {}, done: true };
        const results = snapshot.results.filter((r) => matches(r, target));
        const licenseGone =
          target.licenseKey !== undefined &&
          snapshot.licensePresence.get(target.licenseKey) === false;
        const licensePresent =
          target.licenseKey !== undefined &&
          snapshot.licensePresence.get(target.licenseKey) === true;
        return settleRevoke(action, results, {
          now,
          reconcileWindowMs,
          clockSkewMs,
          licenseGone,
          licensePresent,
          reassignWatchMs,
        });
      },
    });
  }
}
