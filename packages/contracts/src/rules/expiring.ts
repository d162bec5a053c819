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
