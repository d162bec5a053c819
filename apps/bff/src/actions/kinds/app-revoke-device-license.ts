import { appPath } from "../../graph/ios-vpp-apps.js";
import { defineAction } from "../action-definition.js";
import { runAppRevoke, singleLicense, watchApp } from "./app-revoke.js";

/**
 * Revoke one device's license of an app (DESIGN §1 S1b): the license must be assigned (else
 * 404); followed by the app's watcher until Intune no longer lists it.
 */
export const appRevokeDeviceLicense = defineAction({
  kind: "app.revoke-device-license",
  permissions: ["apps:revoke"],
  handle: async ({ params: { id }, body, idempotencyKey, user }, deps) => {
    const parameters = {
      managedDeviceId: body.managedDeviceId,
      notifyManagedDevices: body.notifyManagedDevices,
    };
    const record = await runAppRevoke(deps, {
      appId: id,
      user,
      idempotencyKey,
      kind: "app.revoke-device-license",
      parameters,
      reason: body.reason,
      preconditions: async () => ({
        ...(await singleLicense(deps.graph, user, id, {
          kind: "device",
          managedDeviceId: body.managedDeviceId,
        })),
        // https://learn.microsoft.com/graph/api/intune-apps-iosvppapp-revokedevicelicense?view=graph-rest-beta
        graph: { version: "beta", path: `${appPath(id)}/revokeDeviceLicense`, body: parameters },
        totalBefore: 1,
      }),
    });
    return { record };
  },
  recovery: "interrupted",
  follow: watchApp,
});
