import type { AndroidDeviceOwnerEnrollmentMode, EnrollmentProfile } from "@ihc/contracts";

export type ProfileKindKey =
  | `enrollmentProfiles.kinds.${EnrollmentProfile["kind"]}`
  | `enrollmentProfiles.modes.${AndroidDeviceOwnerEnrollmentMode}`;

/** The i18n key naming a profile's kind and mode in the words of the Intune admin center. */
export function profileKindKey(profile: EnrollmentProfile): ProfileKindKey {
  if (profile.kind === "androidForWork") return "enrollmentProfiles.kinds.androidForWork";
  return profile.enrollmentMode === undefined
    ? "enrollmentProfiles.kinds.androidDeviceOwner"
    : `enrollmentProfiles.modes.${profile.enrollmentMode}`;
}
