import { z } from "zod";
import type { AssignedLicense } from "../ios-vpp-apps.js";

/** The columns an app's licenses sort by, in the list and in its export (issue #18, 1). */
export const LicenseSortColumnSchema = z.enum(["user", "upn", "device", "kind"]);
export type LicenseSortColumn = z.infer<typeof LicenseSortColumnSchema>;

export const SortDirectionSchema = z.enum(["ascending", "descending"]);
export type SortDirection = z.infer<typeof SortDirectionSchema>;

/**
 * One collation for the browser and the BFF, whatever the agent's language: the list the agent
 * sorted and the file the BFF sorted must come out in the same order (ADR 0032). CLDR's root
 * order (which English uses) puts Latin before Cyrillic and ignores case and accents first.
 */
let collator: Intl.Collator | undefined;
// Made on the first sort, not at import: a collator loads ICU's collation data (about 10 ms),
// which the console's first screen, importing the contracts, does not need.
const collation = (): Intl.Collator =>
  (collator ??= new Intl.Collator("en", { sensitivity: "base", numeric: true }));

const textOf = (license: AssignedLicense, column: LicenseSortColumn): string => {
  switch (column) {
    case "user":
      return license.userName ?? "";
    case "upn":
      return license.userPrincipalName ?? "";
    case "device":
      return license.kind === "device" ? (license.deviceName ?? license.managedDeviceId ?? "") : "";
    case "kind":
      return license.kind;
  }
};

/**
 * Ascending order of two licenses by a column; ties by UPN, then by id, so the order is total
 * and the same on every page load. Descending is this order reversed.
 */
export const compareLicenses = (column: LicenseSortColumn) => {
  const { compare } = collation();
  return (a: AssignedLicense, b: AssignedLicense): number =>
    compare(textOf(a, column), textOf(b, column)) ||
    compare(a.userPrincipalName ?? "", b.userPrincipalName ?? "") ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
};

/** The licenses in the order a column and direction give, as a new array. */
export const sortLicenses = (
  licenses: readonly AssignedLicense[],
  column: LicenseSortColumn,
  direction: SortDirection,
): AssignedLicense[] => {
  const compare = compareLicenses(column);
  const sign = direction === "ascending" ? 1 : -1;
  return [...licenses].sort((a, b) => sign * compare(a, b));
};
