import { isSettled } from "../../../lib/action-records";
import type { ActionEventApplier } from "../../../lib/console-event-cache";
import { userKeys } from "../../../lib/query-keys";

/** The users feature's part of the event stream: a user's devices and VPP licenses. */
export const userEventApplier: ActionEventApplier = {
  onAction: (client, action, previous) => {
    const settledNow = isSettled(action) && !(previous && isSettled(previous));
    // A retire's progress is counted in devices; each device's own state is read again with it.
    if (action.target.type === "user") {
      void client.invalidateQueries({ queryKey: userKeys.devices(action.target.id) });
      if (isSettled(action)) {
        void client.invalidateQueries({ queryKey: userKeys.vppLicenses(action.target.id) });
      }
    }
    // An app's revoke that ended changes whose licenses are held.
    if (action.target.type === "app" && settledNow) {
      void client.invalidateQueries({ queryKey: userKeys.allVppLicenses() });
    }
  },
  liveKeys: [userKeys.all],
};
