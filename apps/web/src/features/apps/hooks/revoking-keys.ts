import type { ActionRecord } from "@ihc/contracts";
import { isSettled } from "../../../lib/console-event-cache";

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
    const { userId, managedDeviceId } = action.parameters;
    if (action.kind === "app.revoke-user-license" && typeof userId === "string") {
      keys.add(`user:${userId.toLowerCase()}`);
    }
    if (action.kind === "app.revoke-device-license" && typeof managedDeviceId === "string") {
      keys.add(`device:${managedDeviceId.toLowerCase()}`);
    }
  }
  return keys;
}
