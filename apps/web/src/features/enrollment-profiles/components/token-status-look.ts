import type { BadgeProps } from "@fluentui/react-components";
import type { EnrollmentTokenStatus } from "@ihc/contracts";

export interface TokenStatusLook {
  color: NonNullable<BadgeProps["color"]>;
  label: `enrollmentProfiles.status.${EnrollmentTokenStatus}`;
}

const colors: Record<EnrollmentTokenStatus, TokenStatusLook["color"]> = {
  active: "success",
  expiring: "warning",
  expired: "danger",
  none: "subtle",
};

/** How a token's status looks: a colour and words (never colour alone). */
export function tokenStatusLook(status: EnrollmentTokenStatus): TokenStatusLook {
  return { color: colors[status], label: `enrollmentProfiles.status.${status}` };
}
