import type { ActionRecord, EnrollmentProfile, Me } from "@ihc/contracts";
import { can } from "../../../lib/permissions";

/** What an open action is doing to the profile's token, as the row says it. */
export type TokenBusy = "revoking" | "replacing" | "creating";

const busyByKind: Partial<Record<ActionRecord["kind"], TokenBusy>> = {
  "enrollment-profile.revoke-token": "revoking",
  "enrollment-profile.replace-token": "replacing",
  "enrollment-profile.create-token": "creating",
};

/**
 * The open action changing the profile's token, if any (issue #12, 5: an open action on a target
 * shows on that target everywhere, after a reload too). Showing the token is not a change.
 */
export function tokenBusyOf(
  open: readonly ActionRecord[],
): { busy: TokenBusy; action: ActionRecord } | undefined {
  for (const action of open) {
    const busy = busyByKind[action.kind];
    if (busy !== undefined) return { busy, action };
  }
  return undefined;
}

/** What a row offers the signed-in agent; the BFF checks the same permissions again. */
export interface ProfileActions {
  /**
   * "Revoke token…": hidden without the permission, disabled (with why) without a token or while
   * an action on the token is open (the BFF would refuse a second one).
   */
  revoke: "hidden" | "enabled" | "noToken" | "busy";
  /** "Replace token…": revoke and create in one step, so it needs both permissions. */
  replace: boolean;
  /** "Show token": senior agents only, and only when there is a token to show. */
  reveal: boolean;
}

export function profileActionsFor(
  me: Me,
  profile: EnrollmentProfile,
  busy?: TokenBusy,
): ProfileActions {
  const hasToken = profile.tokenStatus !== "none";
  const mayRevoke = can(me, "enrollment:revoke");
  return {
    revoke: !mayRevoke ? "hidden" : busy ? "busy" : hasToken ? "enabled" : "noToken",
    replace: mayRevoke && can(me, "enrollment:create") && busy === undefined,
    reveal: hasToken && can(me, "enrollment:reveal-token"),
  };
}

/** Whether the table needs an Actions column at all (the auditor has none). */
export function mayActOnProfiles(me: Me): boolean {
  // Replace needs revoke too, so revoke or reveal covers every button.
  return can(me, "enrollment:revoke") || can(me, "enrollment:reveal-token");
}
