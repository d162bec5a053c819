import type { ActionRecord } from "@ihc/contracts";
import { problemItemsOf } from "../../../components/bulk-progress";
import type { LicenseChoice } from "./license-choice";

/**
 * What "Retry failed…" sends as a new action: once the run is over, its failed and unconfirmed
 * items, except licenses that were not assigned any more (nothing left to revoke).
 */
export function retryChoicesOf(action: ActionRecord): LicenseChoice[] {
  if (action.completedAt === undefined) return [];
  return problemItemsOf(action)
    .filter((item) => item.graph?.code !== "notAssigned")
    .map((item) => ({
      key: item.key,
      ref:
        item.kind === "user"
          ? { kind: "user" as const, userId: item.id }
          : { kind: "device" as const, managedDeviceId: item.id },
      who: item.label ?? item.id,
    }));
}
