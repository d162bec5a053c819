/** Days before its expiry a token shows in the console's expiry banner (EXPIRY_WARNING_DAYS). */
export const DEFAULT_EXPIRY_WARNING_DAYS = 30;

const dayMs = 86_400_000;

/** Something with an expiry the banner may name: a VPP token or an enrollment profile's token. */
export interface ExpiringCandidate {
  id: string;
  displayName: string;
  expiration: string | undefined;
}

export interface ExpiringItem {
  id: string;
  displayName: string;
  expiration: string;
  expired: boolean;
}

export interface ExpiringSummary {
  expired: ExpiringItem[];
  expiring: ExpiringItem[];
}

/**
 * Which tokens have expired and which expire within `days` of `now`, each list soonest first.
 * A token without a readable expiry is left out: the console cannot warn about what it does
 * not know.
 */
export function expiringOf(
  candidates: readonly ExpiringCandidate[],
  now: number,
  days: number,
): ExpiringSummary {
  const limit = now + days * dayMs;
  const items: ExpiringItem[] = [];
  for (const candidate of candidates) {
    if (candidate.expiration === undefined) continue;
    const at = Date.parse(candidate.expiration);
    if (Number.isNaN(at) || at > limit) continue;
    items.push({
      id: candidate.id,
      displayName: candidate.displayName,
      expiration: candidate.expiration,
      expired: at <= now,
    });
  }
  items.sort((a, b) => Date.parse(a.expiration) - Date.parse(b.expiration));
  return {
    expired: items.filter((item) => item.expired),
    expiring: items.filter((item) => !item.expired),
  };
}

/** A VPP token as the overview needs it (`VppToken` fits). */
export interface VppTokenExpiry {
  id: string;
  displayName: string;
  expirationDateTime?: string | undefined;
}

/** An enrollment profile as the overview needs it (`EnrollmentProfile` fits). */
export interface EnrollmentTokenExpiry {
  kind: string;
  id: string;
  displayName: string;
  tokenStatus: string;
  tokenExpirationDateTime?: string | undefined;
}

/** A token the expiry overview names: which kind of token, and for a profile, which kind of profile. */
export type ExpiryOverviewItem = ExpiringItem &
  ({ kind: "vpp" } | { kind: "enrollment"; profileId: string; profileKind: string });

/**
 * The expiry overview (issue #18): VPP tokens and enrollment profiles' tokens expired or
 * expiring within `days`, expired first, each group soonest first. One rule for the console's
 * banner and the BFF's daily webhook notice. An enrollment item's `id` is `kind:id` (unique
 * across both profile kinds); a profile without a token is left out.
 */
export function expiryOverviewOf(
  vppTokens: readonly VppTokenExpiry[],
  enrollmentProfiles: readonly EnrollmentTokenExpiry[],
  now: number,
  days: number,
): ExpiryOverviewItem[] {
  const vpp = expiringOf(
    vppTokens.map((token) => ({
      id: token.id,
      displayName: token.displayName,
      expiration: token.expirationDateTime,
    })),
    now,
    days,
  );
  const byKey = new Map(enrollmentProfiles.map((p) => [`${p.kind}:${p.id}`, p]));
  const profiles = expiringOf(
    enrollmentProfiles
      .filter((profile) => profile.tokenStatus !== "none")
      .map((profile) => ({
        id: `${profile.kind}:${profile.id}`,
        displayName: profile.displayName,
        expiration: profile.tokenExpirationDateTime,
      })),
    now,
    days,
  );
  const asVpp = (item: ExpiringItem): ExpiryOverviewItem => ({ ...item, kind: "vpp" });
  const asProfile = (item: ExpiringItem): ExpiryOverviewItem => {
    const profile = byKey.get(item.id);
    return {
      ...item,
      kind: "enrollment",
      profileId: profile?.id ?? item.id,
      profileKind: profile?.kind ?? "",
    };
  };
  return [
    ...vpp.expired.map(asVpp),
    ...profiles.expired.map(asProfile),
    ...vpp.expiring.map(asVpp),
    ...profiles.expiring.map(asProfile),
  ];
}

/**
 * Whole days from `now` to `expiration`, rounded up while it lies ahead (expiring in 2 h is 1 day
 * left) and down once it has passed (expired 2 h ago is 0, expired 30 h ago is -1).
 */
export function daysLeftOf(expiration: string, now: number): number {
  const ms = Date.parse(expiration) - now;
  return ms > 0 ? Math.ceil(ms / dayMs) : 0 - Math.floor(-ms / dayMs);
}
