import { singleLicenseKeyOf, type ActionRecord } from "@ihc/contracts";
import { isSettled } from "../../../lib/action-records";

/**
 * Licenses with a revoke on its way (a single revoke not settled, a bulk item not answered yet):
 * their rows offer no second revoke while it runs.
 */
export function revokingKeysOf(actions: readonly ActionRecord[]): Set<string> {
  const keys = new Set<string>();
  for (const action of actions) {
    if (action.items) {
      for (const item of action.items) {
        if (item.state === "queued" || item.state === "sent") keys.add(item.key);
      }
      continue;
    }
    if (isSettled(action) || action.state === "failed") continue;
    const key = singleLicenseKeyOf(action);
    if (key !== undefined) keys.add(key);
  }
  return keys;
}
