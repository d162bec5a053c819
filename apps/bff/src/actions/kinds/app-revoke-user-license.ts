import { appPath } from "../../graph/ios-vpp-apps.js";
import { defineAction } from "../action-definition.js";
import { runAppRevoke, singleLicense, watchApp } from "./app-revoke.js";

/**
 * Revoke one user's license of an app (DESIGN §1 S1): the license must be assigned (else 404);
 * followed by the app's watcher until Intune no longer lists it.
 */
export const appRevokeUserLicense = defineAction({
  kind: "app.revoke-user-license",
  permissions: ["apps:revoke"],
  handle: async ({ params: { id }, body, idempotencyKey, user }, deps) => {
    const parameters = { userId: body.userId, notifyManagedDevices: body.notifyManagedDevices };
    const record = await runAppRevoke(deps, {
      appId: id,
      user,
      idempotencyKey,
      kind: "app.revoke-user-license",
      parameters,
      reason: body.reason,
      preconditions: async () => ({
        ...(await singleLicense(deps.graph, user, id, { kind: "user", userId: body.userId })),
        // https://learn.microsoft.com/graph/api/intune-apps-iosvppapp-revokeuserlicense?view=graph-rest-beta
        graph: { version: "beta", path: `${appPath(id)}/revokeUserLicense`, body: parameters },
        totalBefore: 1,
      }),
    });
    return { record };
  },
  recovery: "interrupted",
  follow: watchApp,
});
