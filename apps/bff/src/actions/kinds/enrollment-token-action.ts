import {
  confirmationMatches,
  isEnrollmentProfileKind,
  type ActionKind,
  type ActionTarget,
  type EnrollmentProfile,
  type EnrollmentProfileParams,
} from "@ihc/contracts";
import type { AuthenticatedUser } from "../../auth/authenticated-user.js";
import { InputError, NotFoundError } from "../../errors.js";
import { enrollmentProfilePath, getEnrollmentProfile } from "../../graph/enrollment-profiles.js";
import type { ActionDefinition, ActionDeps } from "../action-definition.js";
import type { StoredAction } from "../action-journal.js";
import type {
  GraphCallSpec,
  MultiStepActionRequest,
  SingleCallActionRequest,
} from "../action-pipeline.js";
import { tokenFingerprintOf } from "../enrollment-token-settlement.js";

/** What the enrollment token kinds (revoke, create, replace) share. */

const daySeconds = 86_400;

/** An unknown kind of profile is a resource we do not have (404), before the id is parsed. */
export const requireProfileKind: NonNullable<ActionDefinition["checkParams"]> = (params) => {
  if (!isEnrollmentProfileKind(params.kind)) {
    throw new NotFoundError("No such kind of enrollment profile.");
  }
};

export const profileTargetOf = (
  profile: Pick<EnrollmentProfile, "id" | "displayName">,
): ActionTarget => ({
  type: "enrollmentProfile",
  id: profile.id,
  displayName: profile.displayName,
});

export const requireProfileConfirmation = (
  profile: EnrollmentProfile,
  confirmDisplayName: string,
): void => {
  if (!confirmationMatches(confirmDisplayName, profile.displayName)) {
    throw new InputError("Type the profile's name exactly to confirm.", [
      { path: "body.confirmDisplayName", message: "does not match the profile's name" },
    ]);
  }
};

// https://learn.microsoft.com/graph/api/intune-androidforwork-androidforworkenrollmentprofile-revoketoken?view=graph-rest-beta
export const revokeTokenCall = ({ kind, id }: EnrollmentProfileParams): GraphCallSpec => ({
  version: "beta",
  path: `${enrollmentProfilePath(kind, id)}/revokeToken`,
});

// https://learn.microsoft.com/graph/api/intune-androidforwork-androidforworkenrollmentprofile-createtoken?view=graph-rest-beta
export const createTokenCall = (
  { kind, id }: EnrollmentProfileParams,
  validityDays: number,
): GraphCallSpec => ({
  version: "beta",
  path: `${enrollmentProfilePath(kind, id)}/createToken`,
  body: { tokenValidityInSeconds: validityDays * daySeconds },
});

/** An enrollment token action is followed only to settle an `unknown` outcome (ADR 0007). */
export const settleFromProfile: ActionDefinition["follow"] = (record, { enrollmentWatchers }) => {
  if (record.state === "unknown") enrollmentWatchers.watch(record);
};

type TokenActionCalls =
  Pick<SingleCallActionRequest, "graph"> | Pick<MultiStepActionRequest, "steps">;

/**
 * Runs one enrollment token action: answers a replay from the journal before checking
 * preconditions (the action itself changed what they check: a revoked token is gone), else
 * reads the profile, checks it and keeps its token's fingerprint as the record's baseline;
 * runs the pipeline; and has an `unknown` outcome settled from the profile.
 */
export const runTokenAction = async (
  { graph, services }: ActionDeps,
  request: {
    kind: ActionKind;
    params: EnrollmentProfileParams;
    user: AuthenticatedUser;
    idempotencyKey: string;
    reason: string | undefined;
    parameters: Record<string, unknown>;
    /** Refuses the action on the profile as it is now (a new request only). */
    check: (profile: EnrollmentProfile) => void;
    /** The Graph call(s); `profile` is undefined for a replay, which sends nothing. */
    calls: (profile: EnrollmentProfile | undefined) => TokenActionCalls;
  },
): Promise<StoredAction> => {
  const { params, user } = request;
  const replay = await services.pipeline.replayOf(user, request.idempotencyKey, {
    kind: request.kind,
    targetId: params.id,
  });
  let profile: EnrollmentProfile | undefined;
  let target: ActionTarget;
  if (replay === undefined) {
    profile = await getEnrollmentProfile(graph, user, params.kind, params.id);
    request.check(profile);
    target = profileTargetOf(profile);
  } else {
    target = replay.target;
  }
  const { record } = await services.pipeline.run({
    kind: request.kind,
    idempotencyKey: request.idempotencyKey,
    user,
    target,
    parameters: request.parameters,
    reason: request.reason,
    baseline: profile === undefined ? undefined : tokenFingerprintOf(profile),
    ...request.calls(profile),
  });
  settleFromProfile(record, services);
  return record;
};
