import type { ActionStep, EnrollmentProfile, EnrollmentProfileKind } from "@ihc/contracts";
import { isEnrollmentProfileKind } from "@ihc/contracts";
import type { StoredAction } from "./action-journal.js";
import type { Settlement } from "./target-watchers.js";

/**
 * What identifies a profile's token without being a secret: the masked value (bullets and the
 * last 4, as the list shows it) and its dates. Journaled as an action's `baseline` just before
 * the first send, so an `unknown` revoke or create can be settled by reading the profile again.
 */
export type TokenFingerprint = Pick<
  EnrollmentProfile,
  "maskedToken" | "tokenExpirationDateTime" | "tokenCreationDateTime"
>;

export const tokenFingerprintOf = (profile: EnrollmentProfile): Record<string, string> => {
  const fingerprint: Record<string, string> = {};
  if (profile.tokenStatus === "none") return fingerprint;
  if (profile.maskedToken !== undefined) fingerprint.maskedToken = profile.maskedToken;
  if (profile.tokenExpirationDateTime !== undefined) {
    fingerprint.tokenExpirationDateTime = profile.tokenExpirationDateTime;
  }
  if (profile.tokenCreationDateTime !== undefined) {
    fingerprint.tokenCreationDateTime = profile.tokenCreationDateTime;
  }
  return fingerprint;
};

const hasToken = (fingerprint: TokenFingerprint): boolean =>
  fingerprint.maskedToken !== undefined || fingerprint.tokenExpirationDateTime !== undefined;

const sameToken = (a: TokenFingerprint, b: TokenFingerprint): boolean =>
  a.maskedToken === b.maskedToken &&
  a.tokenExpirationDateTime === b.tokenExpirationDateTime &&
  a.tokenCreationDateTime === b.tokenCreationDateTime;

/** The kinds of record this settles, and the Graph call a single-call record made. */
const SINGLE_STEP: Partial<Record<StoredAction["kind"], string>> = {
  "enrollment-profile.revoke-token": "revokeToken",
  "enrollment-profile.create-token": "createToken",
};

export const isEnrollmentTokenAction = (action: StoredAction): boolean =>
  action.kind in SINGLE_STEP || action.kind === "enrollment-profile.replace-token";

/** The profile's kind as the record's parameters name it (every enrollment action records it). */
export const profileKindOf = (action: StoredAction): EnrollmentProfileKind | undefined => {
  const kind = action.parameters.profileKind;
  return isEnrollmentProfileKind(kind) ? kind : undefined;
};

export interface EnrollmentSettlementOptions {
  now: number;
  /** An `unknown` call whose effect the profile does not show within this window did not happen. */
  reconcileWindowMs: number;
  /** A new token's creation time may read this much before our send (clocks differ). */
  clockSkewMs: number;
}

/**
 * Settles an `unknown` enrollment-token record from the profile as Graph shows it now, never by
 * sending again. The step whose answer was lost is judged against the token before it (the
 * record's `baseline`, or "no token" after a revoke step that succeeded):
 * - `revokeToken` happened if that token is gone or is another one now;
 * - `createToken` happened if there is a token that is not that one (and, where Graph gives its
 *   creation time, created after the send);
 * - otherwise, once the reconcile window is over, it did not (`failed`, `notApplied`).
 * A replace whose revoke is proven but whose create was never sent ends `failed` with
 * `notCompleted`: the old token is gone and nothing was sent in the agent's name afterwards.
 */
export const settleEnrollmentToken = (
  action: StoredAction,
  profile: EnrollmentProfile,
  { now, reconcileWindowMs, clockSkewMs }: EnrollmentSettlementOptions,
): Settlement | undefined => {
  if (action.state !== "unknown") return { patch: {}, done: true };
  const steps: ActionStep[] = action.steps ?? [
    {
      name: SINGLE_STEP[action.kind] ?? "",
      state: "unknown",
      graph: action.graph ?? { clientRequestId: "" },
    },
  ];
  const index = steps.findIndex((step) => step.state === "unknown" || step.state === "sent");
  const step = steps[index];
  if (step === undefined) return undefined;
  const revokedBefore = steps
    .slice(0, index)
    .some((s) => s.name === "revokeToken" && s.state === "succeeded");
  const before: TokenFingerprint = revokedBefore ? {} : (action.baseline ?? {});
  const current: TokenFingerprint = profile.tokenStatus === "none" ? {} : profile;
  const sentAt = Date.parse(action.sentAt ?? action.createdAt);

  let applied: boolean;
  if (step.name === "revokeToken") {
    applied = !hasToken(current) || !sameToken(current, before);
  } else {
    const created =
      current.tokenCreationDateTime === undefined
        ? undefined
        : Date.parse(current.tokenCreationDateTime);
    applied =
      hasToken(current) &&
      !sameToken(current, before) &&
      (created === undefined || created >= sentAt - clockSkewMs);
  }
  const completedAt = new Date(now).toISOString();
  const graph = action.graph ?? step.graph;

  if (!applied) {
    if (now - sentAt <= reconcileWindowMs) return undefined;
    const notApplied = {
      ...graph,
      code: "notApplied",
      message: `The profile shows no sign of ${step.name} after this request: it did not happen.`,
    };
    return {
      patch: {
        state: "failed",
        completedAt,
        graph: notApplied,
        ...(action.steps === undefined
          ? {}
          : { steps: withStep(steps, index, { state: "failed", graph: notApplied }) }),
      },
      done: true,
    };
  }

  // A replace stops at its first step that is not known to have succeeded: its create was
  // never sent when the revoke's answer was lost.
  const unsent =
    action.kind === "enrollment-profile.replace-token" &&
    step.name === "revokeToken" &&
    index === steps.length - 1;
  const settledSteps =
    action.steps === undefined ? undefined : withStep(steps, index, { state: "succeeded" });
  if (unsent) {
    return {
      patch: {
        state: "failed",
        completedAt,
        graph: {
          ...graph,
          code: "notCompleted",
          message:
            "The old token was revoked, but Graph's answer was lost, so the new token was not " +
            "created. Replace the token again to create one.",
        },
        ...(settledSteps === undefined ? {} : { steps: settledSteps }),
      },
      done: true,
    };
  }
  return {
    patch: {
      state: "succeeded",
      completedAt,
      ...(settledSteps === undefined ? {} : { steps: settledSteps }),
    },
    done: true,
  };
};

const withStep = (
  steps: readonly ActionStep[],
  index: number,
  change: Partial<ActionStep>,
): ActionStep[] => steps.map((step, i) => (i === index ? { ...step, ...change } : step));
