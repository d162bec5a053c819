import {
  assignedLicenseKeyOf,
  latestRevoke,
  matchesAppRevoke,
  licenseKeyOf,
  type ActionKind,
  type ActionSubject,
  type ActionTarget,
  type AssignedLicense,
  type IosVppApp,
  type LicenseRef,
} from "@ihc/contracts";
import type { AuthenticatedUser } from "../../auth/authenticated-user.js";
import { NotFoundError } from "../../errors.js";
import { getIosVppApp } from "../../graph/get-ios-vpp-app.js";
import type { GraphGateway } from "../../graph/graph-gateway.js";
import { listAllAssignedLicenses } from "../../graph/ios-vpp-apps.js";
import type { ActionDefinition, ActionDeps } from "../action-definition.js";
import type { StoredAction } from "../action-journal.js";
import type { GraphCallSpec } from "../action-pipeline.js";
import { answerReplay } from "../answer-replay.js";

/** What the app revokes shared by the single-call app kinds (user, device, all) have in common. */

export const appTargetOf = (app: Pick<IosVppApp, "id" | "displayName">): ActionTarget => ({
  type: "app",
  id: app.id,
  displayName: app.displayName,
});

/** Who or what holds a license, as Graph lists it: kept with the record (issue #12, 1). */
export const licenseSubjectOf = (license: AssignedLicense): ActionSubject => {
  const id = (license.kind === "device" ? license.managedDeviceId : license.userId) ?? "";
  return license.kind === "device"
    ? {
        type: "device",
        id,
        ...(license.deviceName === undefined ? {} : { deviceName: license.deviceName }),
      }
    : {
        type: "user",
        id,
        ...(license.userPrincipalName === undefined
          ? {}
          : { userPrincipalName: license.userPrincipalName }),
        ...(license.userName === undefined ? {} : { displayName: license.userName }),
      };
};

/** The app's watcher follows a revoke Graph accepted, or may have (it settles `unknown`). */
export const watchApp: ActionDefinition["follow"] = (record, { appWatchers }) => {
  if (record.state === "succeeded" || record.state === "unknown") appWatchers.watch(record);
};

/** What a new single app revoke found when it checked its preconditions. */
export interface AppRevokePlan {
  app: IosVppApp;
  graph: GraphCallSpec;
  totalBefore: number;
  watchAfter: string | undefined;
  subjects?: ActionSubject[];
}

/**
 * Sends one app revoke through the pipeline. A replay (this caller's key again) is answered
 * from the journal before any precondition is read. A new request checks them, takes one write
 * from the app write budget (so it does not collide with a running bulk revoke), and is watched
 * until its progress is final or its unknown outcome settled.
 */
export const runAppRevoke = async (
  { services }: ActionDeps,
  request: {
    user: AuthenticatedUser;
    idempotencyKey: string;
    /** The app the route names: a replay answers only there. */
    appId: string;
    kind: ActionKind;
    parameters: Record<string, unknown>;
    reason: string | undefined;
    preconditions: () => Promise<AppRevokePlan>;
  },
): Promise<StoredAction> => {
  const { user, idempotencyKey, kind, parameters, reason } = request;
  const replay = await answerReplay(services.pipeline, {
    targetId: request.appId,
    kind,
    idempotencyKey,
    user,
    parameters,
    reason,
  });
  if (replay !== undefined) return replay;
  const { app, graph, totalBefore, watchAfter, subjects } = await request.preconditions();
  const result = await services.pipeline.run({
    kind,
    idempotencyKey,
    user,
    target: appTargetOf(app),
    parameters,
    reason,
    graph,
    progress: { actionState: "none", attemptedCount: 0, failedCount: 0, totalBefore },
    watchAfter,
    subjects,
    writeBudget: services.appWriteBudget,
  });
  if (result.created) watchApp(result.record, services);
  return result.record;
};

const describe = (ref: LicenseRef): string =>
  ref.kind === "user" ? `user ${ref.userId}` : `managed device ${ref.managedDeviceId}`;

/**
 * The license the agent named must be assigned, else nothing is sent (404). Only Graph's
 * revoke results for this license, started after the newest one shown now, can be this one's.
 */
export const singleLicense = async (
  graph: GraphGateway,
  user: AuthenticatedUser,
  appId: string,
  ref: LicenseRef,
): Promise<{ app: IosVppApp; watchAfter: string | undefined; subjects: ActionSubject[] }> => {
  const app = await getIosVppApp(graph, user, appId);
  const key = licenseKeyOf(ref);
  const licenses = await listAllAssignedLicenses(graph, user, appId);
  const license = licenses.find((assigned) => assignedLicenseKeyOf(assigned) === key);
  if (license === undefined) {
    throw new NotFoundError(
      `No license of "${app.displayName}" is assigned to ${describe(ref)} (it may have been ` +
        "revoked already); nothing was sent.",
    );
  }
  // Whatever name Graph gave it (issue #15, 6): the scope and the holder decide.
  const previous = latestRevoke(
    app.revokeLicenseActionResults.filter((r) =>
      matchesAppRevoke(
        r,
        ref.kind === "user"
          ? { actionName: "revokeUserLicense", userId: ref.userId }
          : { actionName: "revokeDeviceLicense", managedDeviceId: ref.managedDeviceId },
      ),
    ),
  );
  return { app, watchAfter: previous?.startDateTime, subjects: [licenseSubjectOf(license)] };
};
