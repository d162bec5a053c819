import type { EnrollmentProfile } from "@ihc/contracts";

export type ProfileSortColumn = "name" | "expiry" | "devices";
export type SortDirection = "ascending" | "descending";
export interface ProfileSort {
  column: ProfileSortColumn;
  direction: SortDirection;
}

export const DEFAULT_PROFILE_SORT: ProfileSort = { column: "name", direction: "ascending" };

/** Clicking a column sorts by it ascending; clicking it again reverses the order. */
export function nextProfileSort(current: ProfileSort, column: ProfileSortColumn): ProfileSort {
  if (current.column !== column) return { column, direction: "ascending" };
  return { column, direction: current.direction === "ascending" ? "descending" : "ascending" };
}

const timeOf = (value: string | undefined): number | undefined => {
  const at = value === undefined ? Number.NaN : Date.parse(value);
  return Number.isNaN(at) ? undefined : at;
};

/**
 * The profiles in the chosen order. Rows without the sorted value (no token, no count) come last
 * in either direction; ties keep the name order.
 */
export function sortProfiles(
  profiles: readonly EnrollmentProfile[],
  sort: ProfileSort,
  language: string,
): EnrollmentProfile[] {
  const collator = new Intl.Collator(language, { sensitivity: "base", numeric: true });
  const byName = (a: EnrollmentProfile, b: EnrollmentProfile) =>
    collator.compare(a.displayName, b.displayName);
  const sign = sort.direction === "ascending" ? 1 : -1;
  if (sort.column === "name") return [...profiles].sort((a, b) => sign * byName(a, b));
  const valueOf = (profile: EnrollmentProfile): number | undefined =>
    sort.column === "expiry"
      ? profile.tokenStatus === "none"
        ? undefined
        : timeOf(profile.tokenExpirationDateTime)
      : profile.enrolledDeviceCount;
  return [...profiles].sort((a, b) => {
    const left = valueOf(a);
    const right = valueOf(b);
    if (left === undefined || right === undefined) {
      if (left === right) return byName(a, b);
      return left === undefined ? 1 : -1;
    }
    return left === right ? byName(a, b) : sign * (left - right);
  });
}
