import type { Actor, EnrollmentProfile, EnrollmentProfileKind } from "@ihc/contracts";
import type { ActionJournal, StoredAction } from "./action-journal.js";
import { profileKindOf, settleEnrollmentToken } from "./enrollment-token-settlement.js";
import { TargetWatchers, type TargetWatcherTuning } from "./target-watchers.js";

export interface EnrollmentTokenWatcherOptions extends TargetWatcherTuning {
  journal: ActionJournal;
  /** Reads the profile (token status, masked token, dates) with the BFF's retry policy. */
  readProfile: (
    kind: EnrollmentProfileKind,
    id: string,
    actor: Actor,
  ) => Promise<EnrollmentProfile>;
  reconcileWindowMs?: number;
  clockSkewMs?: number;
  onError?: (error: unknown, profileId: string) => void;
  isWaiting?: (error: unknown) => boolean;
}

/**
 * One watcher per enrollment profile with an `unknown` revoke, create or replace (ADR 0007): it
 * reads the profile until the token shows whether the lost call happened, and settles the
 * record from that. It never sends anything.
 */
export class EnrollmentTokenWatchers extends TargetWatchers<EnrollmentProfile> {
  constructor({
    readProfile,
    reconcileWindowMs = 120_000,
    clockSkewMs = 60_000,
    ...options
  }: EnrollmentTokenWatcherOptions) {
    super({
      ...options,
      read: (profileId, actor, actions: readonly StoredAction[]) => {
        const kind = actions.map(profileKindOf).find((k) => k !== undefined);
        if (kind === undefined) {
          return Promise.reject(new Error(`No profile kind recorded for ${profileId}`));
        }
        return readProfile(kind, profileId, actor);
      },
      settle: (action, profile, now) =>
        settleEnrollmentToken(action, profile, { now, reconcileWindowMs, clockSkewMs }),
    });
  }
}
