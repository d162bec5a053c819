import type { GeneratedEnrollmentProfiles } from "../seed/generate-enrollment-profiles.js";
import { graphDateTime } from "./graph-date-time.js";
import type {
  EnrollmentProfileKind,
  EnrollmentProfileRecord,
} from "./enrollment-profile-records.js";
import { newTokenValue } from "./enrollment-token.js";

/** createToken's ceiling: 90 days, as Intune's console offers at most. */
export const maxTokenValiditySeconds = 90 * 86_400;

export type CreateTokenOutcome = { ok: true } | { ok: false; reason: "invalidValidity" };

/**
 * Both kinds of Android Enterprise enrollment profile and their tokens. Nothing runs over time:
 * revokeToken and createToken take effect at once, as Intune's 204 suggests.
 */
export class EnrollmentProfileState {
  constructor(private readonly profiles: GeneratedEnrollmentProfiles) {}

  list(kind: EnrollmentProfileKind): readonly EnrollmentProfileRecord[] {
    return this.profiles[kind];
  }

  find(kind: EnrollmentProfileKind, id: string): EnrollmentProfileRecord | undefined {
    const key = id.toLowerCase();
    return this.list(kind).find((p) => p.id === key);
  }

  /** revokeToken: the token is gone. A profile without one is left as it is (see README). */
  revokeToken(profile: EnrollmentProfileRecord, now = Date.now()): void {
    if (profile.token === undefined) return;
    profile.token = undefined;
    if (profile.kind === "androidDeviceOwner") profile.enrollmentTokenUsageCount = 0;
    profile.lastModifiedDateTime = graphDateTime(now);
  }

  /** createToken: a new token valid for `validitySeconds`, replacing any current one. */
  createToken(
    profile: EnrollmentProfileRecord,
    validitySeconds: number,
    now = Date.now(),
  ): CreateTokenOutcome {
    if (validitySeconds <= 0 || validitySeconds > maxTokenValiditySeconds) {
      return { ok: false, reason: "invalidValidity" };
    }
    profile.token = {
      value: newTokenValue(),
      createdAt: now,
      expiresAt: now + validitySeconds * 1000,
    };
    if (profile.kind === "androidDeviceOwner") profile.enrollmentTokenUsageCount = 0;
    profile.lastModifiedDateTime = graphDateTime(now);
    return { ok: true };
  }
}
