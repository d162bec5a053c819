import { appRevokeScopeOf, confirmationMatches, latestRevoke } from "@ihc/contracts";
import { ConflictError, InputError } from "../../errors.js";
import { getIosVppApp } from "../../graph/get-ios-vpp-app.js";
import { appPath } from "../../graph/ios-vpp-apps.js";
import { defineAction } from "../action-definition.js";
import { runAppRevoke, watchApp } from "./app-revoke.js";

/**
 * Revoke all of an app's licenses (DESIGN §1 S1c): typed confirmation of the app's name, and
 * refused while Intune still runs an earlier revoke-all; followed by the app's watcher.
 */
export const appRevokeAllLicenses = defineAction({
  kind: "app.revoke-all-licenses",
  permissions: ["apps:revoke"],
  handle: async ({ params: { id }, body, idempotencyKey, user }, deps) => {
    const parameters = { notifyManagedDevices: body.notifyManagedDevices };
    const record = await runAppRevoke(deps, {
      appId: id,
      user,
      idempotencyKey,
      kind: "app.revoke-all-licenses",
      parameters,
      reason: body.reason,
      preconditions: async () => {
        const app = await getIosVppApp(deps.graph, user, id);
        if (!confirmationMatches(body.confirmDisplayName, app.displayName)) {
          throw new InputError("Type the app's name exactly to confirm.", [
            { path: "body.confirmDisplayName", message: "does not match the app's name" },
          ]);
        }
        const previous = latestRevoke(
          // Whatever name Graph gave it (issue #15, 6): a result of no user or device.
          app.revokeLicenseActionResults.filter((r) => appRevokeScopeOf(r) === "all"),
        );
        if (previous?.actionState === "pending" || previous?.actionState === "active") {
          throw new ConflictError(
            "A revoke of all this app's licenses is already running; wait for it to finish.",
          );
        }
        return {
          app,
          // https://learn.microsoft.com/graph/api/intune-apps-iosvppapp-revokealllicenses?view=graph-rest-beta
          graph: { version: "beta", path: `${appPath(id)}/revokeAllLicenses`, body: parameters },
          totalBefore: app.usedLicenseCount,
          watchAfter: previous?.startDateTime,
        };
      },
    });
    return { record };
  },
  recovery: "interrupted",
  follow: watchApp,
});
