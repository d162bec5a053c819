import type { EnrollmentProfile, Me } from "@ihc/contracts";
import { can } from "../../../lib/permissions";

/** What a row offers the signed-in agent; the BFF checks the same permissions again. */
export interface ProfileActions {
  /** "Revoke token…": hidden without the permission, disabled (with why) without a token. */
  revoke: "hidden" | "enabled" | "noToken";
  /** "Replace token…": revoke and create in one step, so it needs both permissions. */
  replace: boolean;
  /** "Show token": senior agents only, and only when there is a token to show. */
  reveal: boolean;
}

export function profileActionsFor(me: Me, profile: EnrollmentProfile): ProfileActions {
  const hasToken = profile.tokenStatus !== "none";
  const mayRevoke = can(me, "enrollment:revoke");
  return {
    revoke: !mayRevoke ? "hidden" : hasToken ? "enabled" : "noToken",
    replace: mayRevoke && can(me, "enrollment:create"),
    reveal: hasToken && can(me, "enrollment:reveal-token"),
  };
}

/** Whether the table needs an Actions column at all (the auditor has none). */
export function mayActOnProfiles(me: Me): boolean {
  // Replace needs revoke too, so revoke or reveal covers every button.
  return can(me, "enrollment:revoke") || can(me, "enrollment:reveal-token");
}
