import { confirmationMatches, deviceKeyOf, isRetiringState } from "@ihc/contracts";
import {
  ActionRecordSchema,
  ManagedDeviceListSchema,
  MAX_USER_PAGE_SIZE,
  RetireAllDevicesRequestSchema,
  UserDetailSchema,
  UserParamsSchema,
  UserSearchQuerySchema,
  UserSearchResultSchema,
  UserVppLicenseListSchema,
  type BulkItem,
  type UserDetail,
} from "@ihc/contracts";
import type { ManagedDevice } from "@ihc/contracts";
import { Router } from "express";
import { z } from "zod";
import { toActionRecord } from "../actions/action-journal.js";
import type { ActionServices } from "../actions/action-services.js";
import { RETIRE_KIND } from "../actions/retire-watchers.js";
import { userOf } from "../auth/authenticate.js";
import { requirePermission } from "../auth/require-permission.js";
import type { GraphGateway } from "../graph/graph-gateway.js";
import { listUserDevices } from "../graph/managed-devices.js";
import { listUserVppLicenses } from "../graph/user-vpp-licenses.js";
import {
  getUser,
  searchUsersPage,
  userCursorOf,
  userPageFromCursor,
  userPath,
  userSearchExpression,
} from "../graph/users.js";
import { ConflictError, InputError } from "../errors.js";
import { idempotencyKeyOf, parseRequest } from "../http/parse-request.js";
import { sendJson } from "../http/send-json.js";

const DEFAULT_USER_PAGE_SIZE = 50;

/** Query strings arrive as text: the page size is coerced here, the contract types a number. */
const SearchQuerySchema = UserSearchQuerySchema.extend({
  limit: z.coerce.number().int().min(1).max(MAX_USER_PAGE_SIZE).optional(),
});

const targetOf = (user: Pick<UserDetail, "id" | "displayName" | "userPrincipalName">) => ({
  type: "user" as const,
  id: user.id,
  displayName: `${user.displayName} (${user.userPrincipalName})`,
});

/**
 * Users (DESIGN §1 S3): search, one user, their devices and VPP licenses, and retire all their
 * devices through the action pipeline, followed device by device by the retire watchers.
 */
export const usersRouter = (graph: GraphGateway, actions: ActionServices): Router =>
  Router()
    .get("/users", requirePermission("console:read"), async (req, res) => {
      const query = parseRequest(SearchQuerySchema, req, "query");
      let next: { query: Record<string, string> } | undefined;
      if (query.cursor !== undefined) {
        next = userPageFromCursor(query.cursor);
        // A cursor continues the search it came from, not another one typed since.
        if (next === undefined || next.query.$search !== userSearchExpression(query.search)) {
          throw new InputError("The cursor does not continue a user search.", [
            { path: "query.cursor", message: "is not a cursor of a user search" },
          ]);
        }
      }
      const page = await searchUsersPage(
        graph,
        userOf(req),
        next === undefined
          ? { first: { search: query.search, top: query.limit ?? DEFAULT_USER_PAGE_SIZE } }
          : { next },
      );
      const cursor = userCursorOf(page.next);
      sendJson(res, UserSearchResultSchema, {
        items: page.items,
        ...(page.count === undefined ? {} : { count: page.count }),
        ...(cursor === undefined ? {} : { cursor }),
      });
    })
    .get("/users/:id", requirePermission("console:read"), async (req, res) => {
      const { id } = parseRequest(UserParamsSchema, req, "params");
      sendJson(res, UserDetailSchema, await getUser(graph, userOf(req), id));
    })
    .get("/users/:id/devices", requirePermission("console:read"), async (req, res) => {
      const { id } = parseRequest(UserParamsSchema, req, "params");
      sendJson(res, ManagedDeviceListSchema, {
        items: await listUserDevices(graph, userOf(req), id),
      });
    })
    .get("/users/:id/vpp-licenses", requirePermission("console:read"), async (req, res) => {
      const { id } = parseRequest(UserParamsSchema, req, "params");
      const user = userOf(req);
      // An unknown user is a 404 before any license is read, not an empty list.
      await getUser(graph, user, id);
      sendJson(res, UserVppLicenseListSchema, await listUserVppLicenses(graph, user, id));
    })
    .post(
      "/users/:id/retire-all-devices",
      requirePermission("devices:retire"),
      async (req, res) => {
        const { id } = parseRequest(UserParamsSchema, req, "params");
        const idempotencyKey = idempotencyKeyOf(req);
        const body = parseRequest(RetireAllDevicesRequestSchema, req, "body");
        const user = userOf(req);
        // What the agent confirmed: the same key with another UPN or reason is another request.
        const parameters = {
          userPrincipalName: body.confirmUserPrincipalName.trim().toLowerCase(),
        };
        // https://learn.microsoft.com/graph/api/user-removealldevicesfrommanagement
        const call = {
          version: "v1.0" as const,
          path: `${userPath(id)}/removeAllDevicesFromManagement`,
        };
        // A replay is answered from the journal before any precondition is read: the retire
        // has since changed them (the devices are leaving).
        const replay = await actions.pipeline.replayOf(user, idempotencyKey);
        if (replay !== undefined) {
          const { record } = await actions.pipeline.run({
            kind: RETIRE_KIND,
            idempotencyKey,
            user,
            target: replay.target,
            parameters,
            reason: body.reason,
            graph: call,
          });
          sendJson(res, ActionRecordSchema, toActionRecord(record), 202);
          return;
        }
        const target = await getUser(graph, user, id);
        if (!confirmationMatches(body.confirmUserPrincipalName, target.userPrincipalName)) {
          throw new InputError("Type the user's sign-in name (UPN) exactly to confirm.", [
            {
              path: "body.confirmUserPrincipalName",
              message: "does not match the user's userPrincipalName",
            },
          ]);
        }
        const devices = await listUserDevices(graph, user, id);
        if (devices.length === 0) {
          throw new ConflictError(
            `${target.displayName} has no managed devices: there is nothing to retire, and ` +
              "nothing was sent.",
          );
        }
        if (body.confirmDeviceIds !== undefined) {
          const changed = deviceListChange(body.confirmDeviceIds, devices);
          if (changed !== undefined) {
            throw new ConflictError(
              `The devices of ${target.displayName} changed since the dialog opened (${changed}); ` +
                "nothing was sent. Review the list again.",
            );
          }
        }
        if (devices.every((device) => isRetiringState(device.managementState))) {
          throw new ConflictError(
            `Every device of ${target.displayName} is already being retired; nothing was sent.`,
          );
        }
        const items = devices.map((device): BulkItem => ({
          key: deviceKeyOf(device.id),
          kind: "device",
          id: device.id,
          label: device.deviceName,
          state: "queued",
          managementState: device.managementState,
        }));
        const { record, created } = await actions.pipeline.run({
          kind: RETIRE_KIND,
          idempotencyKey,
          user,
          target: targetOf(target),
          parameters,
          reason: body.reason,
          graph: call,
          items,
          subjects: devices.map((device) => ({
            type: "device" as const,
            id: device.id,
            deviceName: device.deviceName,
            ...(device.serialNumber === undefined ? {} : { serialNumber: device.serialNumber }),
          })),
          progress: {
            actionState: "none",
            attemptedCount: 0,
            failedCount: 0,
            totalBefore: items.length,
          },
        });
        if (created && (record.state === "succeeded" || record.state === "unknown")) {
          actions.retireWatchers.watch(record);
        }
        sendJson(res, ActionRecordSchema, toActionRecord(record), 202);
      },
    );

/**
 * How the user's devices differ from the ones the agent confirmed ("2 new: …; 1 gone"), or
 * undefined when they are the same set.
 */
const deviceListChange = (
  confirmedIds: readonly string[],
  devices: readonly ManagedDevice[],
): string | undefined => {
  const confirmed = new Set(confirmedIds.map((id) => id.toLowerCase()));
  const current = new Set(devices.map((device) => device.id.toLowerCase()));
  const added = devices.filter((device) => !confirmed.has(device.id.toLowerCase()));
  const gone = [...confirmed].filter((id) => !current.has(id)).length;
  if (added.length === 0 && gone === 0) return undefined;
  return [
    added.length > 0 ? `new: ${added.map((device) => device.deviceName).join(", ")}` : undefined,
    gone > 0 ? `${String(gone)} no longer listed` : undefined,
  ]
    .filter((part) => part !== undefined)
    .join("; ");
};
