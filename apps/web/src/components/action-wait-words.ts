import { awaitsDeviceCheckIn, type ActionRecord } from "@ihc/contracts";
import type { TFunction } from "i18next";
import { formatNumber, formatRelativeTime } from "../lib/format";

/**
 * Why a record waits before its next Graph call, in words, with a countdown from `until`
 * ("Intune is throttling writes; retrying in 12 s"), or undefined when it does not wait.
 */
export function waitingWords(
  t: TFunction,
  language: string,
  action: Pick<ActionRecord, "waiting">,
  now: Date,
): string | undefined {
  const { waiting } = action;
  if (waiting === undefined) return undefined;
  const until = Date.parse(waiting.until);
  if (Number.isNaN(until)) return undefined;
  const seconds = Math.max(0, Math.ceil((until - now.getTime()) / 1000));
  if (seconds === 0) return t(`actionWait.${waiting.reason}Now`);
  return t(`actionWait.${waiting.reason}`, { seconds: formatNumber(seconds, language) });
}

/**
 * Whether the BFF is still reading Graph for this record: its outcome is not known, or Intune
 * holds it until a device checks in (which may take hours; issue #15).
 */
export function isBeingChecked(
  action: Pick<ActionRecord, "state" | "completedAt" | "items">,
): boolean {
  if (action.completedAt !== undefined) return false;
  return action.state === "unknown" || awaitsDeviceCheckIn(action);
}

/**
 * "Checking… · last checked 10 seconds ago", or, while Intune waits for a device, "Waiting for
 * the device to check in · last checked 2 minutes ago"; without a check yet, the first half.
 */
export function checkingWords(
  t: TFunction,
  language: string,
  action: Pick<ActionRecord, "lastCheckedAt" | "completedAt" | "items">,
  now: Date,
): string {
  const words = awaitsDeviceCheckIn(action) ? "checkIn" : "checking";
  const checked = action.lastCheckedAt === undefined ? NaN : Date.parse(action.lastCheckedAt);
  if (Number.isNaN(checked)) return t(`actionWait.${words}`);
  // A check "in the future" is the server's clock a little ahead: say "now".
  const shown = new Date(Math.min(checked, now.getTime()));
  return t(`actionWait.${words}Since`, { when: formatRelativeTime(shown, language, now) });
}
