import { ENROLLMENT_TOKEN_MAX_VALIDITY_DAYS } from "@ihc/contracts";

export const DEFAULT_VALIDITY_DAYS = 30;
export const MIN_VALIDITY_DAYS = 1;
export const MAX_VALIDITY_DAYS = ENROLLMENT_TOKEN_MAX_VALIDITY_DAYS;

/** A whole number of days within Intune's bounds (1–90), or undefined. */
export function parseValidityDays(value: string): number | undefined {
  if (!/^\s*\d+\s*$/.test(value)) return undefined;
  const days = Number(value);
  return days >= MIN_VALIDITY_DAYS && days <= MAX_VALIDITY_DAYS ? days : undefined;
}
