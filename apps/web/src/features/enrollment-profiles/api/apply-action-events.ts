import type { ActionEventApplier } from "../../../lib/console-event-cache";
import { enrollmentProfileKeys } from "../../../lib/query-keys";

/**
 * The enrollment profiles feature's part of the event stream: a token revoked or created changes
 * the profile's status and masked token, so the list is read again.
 */
export const enrollmentProfileEventApplier: ActionEventApplier = {
  onAction: (client, action) => {
    if (action.target.type !== "enrollmentProfile") return;
    void client.invalidateQueries({ queryKey: enrollmentProfileKeys.list() });
  },
  liveKeys: [enrollmentProfileKeys.all],
};
