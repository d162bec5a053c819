import type { EnrollmentProfile } from "@ihc/contracts";
import { confirmationMatches } from "@ihc/contracts";
import { parseValidityDays } from "./validity-days";

/** Revoke: the profile's name typed exactly (spaces around it aside) lets it be confirmed. */
export function revokeFormState(typed: string, profile: Pick<EnrollmentProfile, "displayName">) {
  return { canConfirm: confirmationMatches(typed, profile.displayName) };
}

/**
 * Replace: the name as for revoke, and a validity of 1–90 whole days; anything else shows the
 * inline error under the field (`daysInvalid`) and keeps the button disabled.
 */
export function replaceFormState(
  typed: string,
  days: string,
  profile: Pick<EnrollmentProfile, "displayName">,
) {
  const validityDays = parseValidityDays(days);
  const matches = confirmationMatches(typed, profile.displayName);
  return {
    validityDays,
    daysInvalid: validityDays === undefined,
    canConfirm: matches && validityDays !== undefined,
  };
}
