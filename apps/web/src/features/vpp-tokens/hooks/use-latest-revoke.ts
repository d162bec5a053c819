import type { VppToken } from "@ihc/contracts";
import { useTargetActionsIfAvailable } from "../../../lib/api/get-target-actions";
import { latestRevokeOf, type LatestRevoke } from "./latest-revoke";

/** A list row's latest revoke: Graph's at once, with the journal's details when they arrive. */
export function useLatestRevoke(token: VppToken): LatestRevoke | undefined {
  const actions = useTargetActionsIfAvailable({ type: "vppToken", id: token.id });
  return latestRevokeOf(token, actions?.items);
}
