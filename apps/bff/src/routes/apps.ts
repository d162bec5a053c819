import { assignedLicenseKeyOf, confirmationMatches, latestRevoke } from "@ihc/contracts";
import {
  ActionRecordSchema,
  AssignedLicenseListQuerySchema,
  AssignedLicenseListSchema,
  IosVppAppListQuerySchema,
  IosVppAppListSchema,
  IosVppAppParamsSchema,
  IosVppAppSchema,
  licenseKeyOf,
  MAX_LICENSE_PAGE_SIZE,
  RevokeAllAppLicensesRequestSchema,
  RevokeDeviceLicenseRequestSchema,
  RevokeLicensesBulkRequestSchema,
  RevokeUserLicenseRequestSchema,
  type ActionKind,
  type ActionSubject,
  type ActionTarget,
  type AssignedLicense,
  type BulkItem,
  type IosVppApp,
  type LicenseRef,
} from "@ihc/contracts";
import { Router, type Response } from "express";
import { z } from "zod";
import { toActionRecord, type StoredAction } from "../actions/action-journal.js";
import type { GraphCallSpec } from "../actions/action-pipeline.js";
import type { ActionServices } from "../actions/action-services.js";
import type { AuthenticatedUser } from "../auth/authenticated-user.js";
import { userOf } from "../auth/authenticate.js";
import { requirePermission } from "../auth/require-permission.js";
import { GraphError } from "../graph/graph-error.js";
import type { GraphGateway } from "../graph/graph-gateway.js";
import {
  appPath,
  getMobileApp,
  licenseCursorOf,
  licensePageFromCursor,
  listAllAssignedLicenses,
  listAssignedLicensesPage,
  listIosVppApps,
} from "../graph/ios-vpp-apps.js";
import { ConflictError, InputError, NotFoundError } from "../errors.js";
import { idempotencyKeyOf, parseRequest } from "../http/parse-request.js";
import { sendJson } from "../http/send-json.js";

/** The bulk revoke's path below /api: its body may be larger than other actions' (1,000 items). */
export const BULK_REVOKE_PATH = /^\/apps\/[^/]+\/revoke-licenses$/;

const DEFAULT_LICENSE_PAGE_SIZE = 100;

/** Query strings arrive as text: the page size is coerced here, the contract types a number. */
const LicenseListQuerySchema = AssignedLicenseListQuerySchema.extend({
  limit: z.coerce.number().int().min(1).max(MAX_LICENSE_PAGE_SIZE).optional(),
});

/** 404 from Graph for an unknown app; 400 for an app of another type. */
const iosVppApp = async (
  graph: GraphGateway,
  user: AuthenticatedUser,
  id: string,
): Promise<IosVppApp> => {
  const found = await getMobileApp(graph, user, id);
  if (found.kind === "iosVppApp") return found.app;
  throw new InputError("This app is not an iOS VPP app.", [
    {
      path: "params.id",
      message: `"${found.displayName}" is a ${found.odataType.replace(/^microsoft\.graph\./, "")}, not an iOS VPP app`,
    },
  ]);
};

const targetOf = (app: Pick<IosVppApp, "id" | "displayName">): ActionTarget => ({
  type: "app",
  id: app.id,
  displayName: app.displayName,
});

const labelOf = (license: AssignedLicense): string | undefined =>
  license.kind === "device"
    ? (license.deviceName ?? license.managedDeviceId)
    : (license.userPrincipalName ?? license.userName);

/** Who or what holds a license, as Graph lists it: kept with the record (issue #12, 1). */
const subjectOf = (license: AssignedLicense): ActionSubject => {
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

const describe = (ref: LicenseRef): string =>
  ref.kind === "user" ? `user ${ref.userId}` : `managed device ${ref.managedDeviceId}`;

const sendRecord = (res: Response, record: StoredAction): void => {
  sendJson(res, ActionRecordSchema, toActionRecord(record), 202);
};

const isOpen = (record: StoredAction): boolean =>
  record.state === "accepted" || record.state === "sent" || record.state === "unknown";

/**
 * iOS VPP apps: the list, one app, its assigned licenses (paged), and the revokes — per user,
 * per device, all of them (DESIGN §1 S1, S1b, S1c) through the action pipeline, and many at once
 * through the bulk revoke queue (ADR 0008).
 */
export const appsRouter = (graph: GraphGateway, actions: ActionServices): Router => {
  /**
   * Sends one app revoke through the pipeline. A replay (this caller's key again) is answered
   * from the journal before any precondition is read: the revoke has since changed them. A new
   * request checks them, takes one write from the app write budget (so it does not collide with
   * a running bulk revoke), and is watched until its progress is final or its unknown outcome
   * settled.
   */
  const revoke = async (
    res: Response,
    {
      user,
      idempotencyKey,
      kind,
      parameters,
      reason,
      preconditions,
    }: {
      user: AuthenticatedUser;
      idempotencyKey: string;
      kind: ActionKind;
      parameters: Record<string, unknown>;
      reason: string | undefined;
      preconditions: () => Promise<{
        app: IosVppApp;
        graph: GraphCallSpec;
        totalBefore: number;
        watchAfter: string | undefined;
        subjects?: ActionSubject[];
      }>;
    },
  ): Promise<void> => {
    const replay = await actions.pipeline.replayOf(user, idempotencyKey);
    if (replay !== undefined) {
      const { record } = await actions.pipeline.run({
        kind,
        idempotencyKey,
        user,
        target: replay.target,
        parameters,
        reason,
        // Never sent: the pipeline answers the replay from the journal.
        graph: { version: "beta", path: appPath(replay.target.id) },
      });
      sendRecord(res, record);
      return;
    }
    const { app, graph: call, totalBefore, watchAfter, subjects } = await preconditions();
    const write = await actions.appWriteBudget.take(1);
    let result: { record: StoredAction; created: boolean };
    try {
      result = await actions.pipeline.run({
        kind,
        idempotencyKey,
        user,
        target: targetOf(app),
        parameters,
        reason,
        graph: call,
        progress: { actionState: "none", attemptedCount: 0, failedCount: 0, totalBefore },
        watchAfter,
        subjects,
      });
    } finally {
      write.settle();
    }
    const { record, created } = result;
    if (created && (record.state === "succeeded" || record.state === "unknown")) {
      actions.appWatchers.watch(record);
    }
    sendRecord(res, record);
  };

  /** The license the agent named must be assigned, else nothing is sent (404). */
  const singleLicense = async (
    user: AuthenticatedUser,
    appId: string,
    ref: LicenseRef,
  ): Promise<{ app: IosVppApp; watchAfter: string | undefined; subjects: ActionSubject[] }> => {
    const app = await iosVppApp(graph, user, appId);
    const key = licenseKeyOf(ref);
    const licenses = await listAllAssignedLicenses(graph, user, appId);
    const license = licenses.find((assigned) => assignedLicenseKeyOf(assigned) === key);
    if (license === undefined) {
      throw new NotFoundError(
        `No license of "${app.displayName}" is assigned to ${describe(ref)} (it may have been ` +
          "revoked already); nothing was sent.",
      );
    }
    const actionName = ref.kind === "user" ? "revokeuserlicense" : "revokedevicelicense";
    const id = (ref.kind === "user" ? ref.userId : ref.managedDeviceId).toLowerCase();
    const previous = latestRevoke(
      app.revokeLicenseActionResults.filter(
        (r) =>
          r.actionName.toLowerCase() === actionName &&
          (ref.kind === "user" ? r.userId : r.managedDeviceId)?.toLowerCase() === id,
      ),
    );
    return { app, watchAfter: previous?.startDateTime, subjects: [subjectOf(license)] };
  };

  return Router()
    .get("/apps", requirePermission("console:read"), async (req, res) => {
      const query = parseRequest(IosVppAppListQuerySchema, req, "query");
      const apps = await listIosVppApps(graph, userOf(req), { vppTokenId: query.vppTokenId });
      const needle = query.search?.toLowerCase() ?? "";
      sendJson(res, IosVppAppListSchema, {
        items:
          needle === ""
            ? apps
            : apps.filter((app) =>
                [app.displayName, app.publisher, app.bundleId].some((value) =>
                  value?.toLowerCase().includes(needle),
                ),
              ),
      });
    })
    .get("/apps/:id", requirePermission("console:read"), async (req, res) => {
      const { id } = parseRequest(IosVppAppParamsSchema, req, "params");
      sendJson(res, IosVppAppSchema, await iosVppApp(graph, userOf(req), id));
    })
    .get("/apps/:id/licenses", requirePermission("console:read"), async (req, res) => {
      const { id } = parseRequest(IosVppAppParamsSchema, req, "params");
      const query = parseRequest(LicenseListQuerySchema, req, "query");
      const user = userOf(req);
      let next: { query: Record<string, string> } | undefined;
      if (query.cursor !== undefined) {
        next = licensePageFromCursor(query.cursor, id);
        if (next === undefined) {
          throw new InputError("The cursor does not continue this app's licenses.", [
            { path: "query.cursor", message: "is not a cursor of this app's licenses" },
          ]);
        }
      }
      let page;
      try {
        page = await listAssignedLicensesPage(
          graph,
          user,
          id,
          next === undefined
            ? {
                first: {
                  top: query.limit ?? DEFAULT_LICENSE_PAGE_SIZE,
                  search: query.search === "" ? undefined : query.search,
                },
              }
            : { next },
        );
      } catch (error) {
        // Behind the iosVppApp cast, an app of another type is a 404: say what it really is.
        if (error instanceof GraphError && error.status === 404) await iosVppApp(graph, user, id);
        throw error;
      }
      const cursor = licenseCursorOf(page.next);
      sendJson(res, AssignedLicenseListSchema, {
        items: page.items,
        ...(cursor === undefined ? {} : { cursor }),
      });
    })
    .post("/apps/:id/revoke-user-license", requirePermission("apps:revoke"), async (req, res) => {
      const { id } = parseRequest(IosVppAppParamsSchema, req, "params");
      const idempotencyKey = idempotencyKeyOf(req);
      const body = parseRequest(RevokeUserLicenseRequestSchema, req, "body");
      const user = userOf(req);
      const parameters = { userId: body.userId, notifyManagedDevices: body.notifyManagedDevices };
      await revoke(res, {
        user,
        idempotencyKey,
        kind: "app.revoke-user-license",
        parameters,
        reason: body.reason,
        preconditions: async () => ({
          ...(await singleLicense(user, id, { kind: "user", userId: body.userId })),
          // https://learn.microsoft.com/graph/api/intune-apps-iosvppapp-revokeuserlicense?view=graph-rest-beta
          graph: { version: "beta", path: `${appPath(id)}/revokeUserLicense`, body: parameters },
          totalBefore: 1,
        }),
      });
    })
    .post("/apps/:id/revoke-device-license", requirePermission("apps:revoke"), async (req, res) => {
      const { id } = parseRequest(IosVppAppParamsSchema, req, "params");
      const idempotencyKey = idempotencyKeyOf(req);
      const body = parseRequest(RevokeDeviceLicenseRequestSchema, req, "body");
      const user = userOf(req);
      const parameters = {
        managedDeviceId: body.managedDeviceId,
        notifyManagedDevices: body.notifyManagedDevices,
      };
      await revoke(res, {
        user,
        idempotencyKey,
        kind: "app.revoke-device-license",
        parameters,
        reason: body.reason,
        preconditions: async () => ({
          ...(await singleLicense(user, id, {
            kind: "device",
            managedDeviceId: body.managedDeviceId,
          })),
          // https://learn.microsoft.com/graph/api/intune-apps-iosvppapp-revokedevicelicense?view=graph-rest-beta
          graph: { version: "beta", path: `${appPath(id)}/revokeDeviceLicense`, body: parameters },
          totalBefore: 1,
        }),
      });
    })
    .post("/apps/:id/revoke-all-licenses", requirePermission("apps:revoke"), async (req, res) => {
      const { id } = parseRequest(IosVppAppParamsSchema, req, "params");
      const idempotencyKey = idempotencyKeyOf(req);
      const body = parseRequest(RevokeAllAppLicensesRequestSchema, req, "body");
      const user = userOf(req);
      const parameters = { notifyManagedDevices: body.notifyManagedDevices };
      await revoke(res, {
        user,
        idempotencyKey,
        kind: "app.revoke-all-licenses",
        parameters,
        reason: body.reason,
        preconditions: async () => {
          const app = await iosVppApp(graph, user, id);
          if (!confirmationMatches(body.confirmDisplayName, app.displayName)) {
            throw new InputError("Type the app's name exactly to confirm.", [
              { path: "body.confirmDisplayName", message: "does not match the app's name" },
            ]);
          }
          const previous = latestRevoke(
            app.revokeLicenseActionResults.filter(
              (r) => r.actionName.toLowerCase() === "revokealllicenses",
            ),
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
    })
    .post("/apps/:id/revoke-licenses", requirePermission("apps:revoke"), async (req, res) => {
      const { id } = parseRequest(IosVppAppParamsSchema, req, "params");
      const idempotencyKey = idempotencyKeyOf(req);
      const body = parseRequest(RevokeLicensesBulkRequestSchema, req, "body");
      const user = userOf(req);
      const requested = body.licenses.map((ref) => ({
        key: licenseKeyOf(ref),
        kind: ref.kind,
        id: (ref.kind === "user" ? ref.userId : ref.managedDeviceId).toLowerCase(),
      }));
      const replay = await actions.pipeline.replayOf(user, idempotencyKey);
      let target: ActionTarget;
      let items: BulkItem[];
      let subjects: ActionSubject[] | undefined;
      if (replay !== undefined) {
        // Answered from the journal; the items only feed the idempotency check.
        target = replay.target;
        items = requested.map((item) => ({ ...item, state: "queued" }));
      } else {
        const app = await iosVppApp(graph, user, id);
        const assigned = new Map(
          (await listAllAssignedLicenses(graph, user, id)).flatMap((license) => {
            const key = assignedLicenseKeyOf(license);
            return key === undefined ? [] : [[key, license] as const];
          }),
        );
        items = requested.map((item): BulkItem => {
          const license = assigned.get(item.key);
          if (license === undefined) {
            return {
              ...item,
              state: "failed",
              graph: {
                clientRequestId: "",
                code: "notAssigned",
                message: "This license is not assigned (any more); nothing was sent.",
              },
            };
          }
          const label = labelOf(license);
          return { ...item, ...(label === undefined ? {} : { label }), state: "queued" };
        });
        if (!items.some((item) => item.state === "queued")) {
          throw new NotFoundError(
            `None of these licenses is assigned to "${app.displayName}" (any more); nothing was sent.`,
          );
        }
        target = targetOf(app);
        subjects = items.flatMap((item) => {
          const license = assigned.get(item.key);
          return license === undefined ? [] : [subjectOf(license)];
        });
      }
      const { record, created } = await actions.pipeline.accept({
        kind: "app.revoke-licenses-bulk",
        idempotencyKey,
        user,
        target,
        parameters: {
          notifyManagedDevices: body.notifyManagedDevices,
          licenseCount: items.length,
        },
        reason: body.reason,
        items,
        subjects,
      });
      if (created || isOpen(record)) actions.bulkRevokes.start(record);
      sendRecord(res, record);
    });
};
