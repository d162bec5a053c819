import {
  confirmationMatches,
  deviceKeyOf,
  isRetiringState,
  retireEffectOf,
  type BulkItem,
  type ManagedDevice,
  type UserDetail,
} from "@ihc/contracts";
import { ConflictError, InputError } from "../../errors.js";
import { listUserDevices } from "../../graph/managed-devices.js";
import { getUser, userPath } from "../../graph/users.js";
import { defineAction, type ActionDefinition } from "../action-definition.js";
import { answerReplay } from "../answer-replay.js";

const targetOf = (user: Pick<UserDetail, "id" | "displayName" | "userPrincipalName">) => ({
  type: "user" as const,
  id: user.id,
  displayName: `${user.displayName} (${user.userPrincipalName})`,
});

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

/** The retire watchers follow each device until it has left Intune, and settle `unknown`. */
const watchDevices: ActionDefinition["follow"] = (record, { retireWatchers }) => {
  if (record.state === "succeeded" || record.state === "unknown") retireWatchers.watch(record);
};

/**
 * Retire all of a user's devices (DESIGN §1 S3): typed confirmation of the UPN, refused when
 * the user has no devices, when the devices changed since the dialog opened, or when every one
 * is already being retired. One Graph call; an item per device, followed device by device.
 */
export const userRetireAllDevices = defineAction({
  kind: "user.retire-all-devices",
  permissions: ["devices:retire"],
  handle: async ({ params: { id }, body, idempotencyKey, user }, { graph, services }) => {
    // What the agent confirmed: the same key with another UPN or reason is another request.
    const parameters = {
      userPrincipalName: body.confirmUserPrincipalName.trim().toLowerCase(),
    };
    const request = {
      targetId: id,
      kind: "user.retire-all-devices" as const,
      idempotencyKey,
      user,
      parameters,
      reason: body.reason,
    };
    const replay = await answerReplay(services.pipeline, request);
    if (replay !== undefined) return { record: replay };
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
    // What retire does to each device (ADR 0023): one call retires them all, so a device it
    // would reset, or that Intune cannot retire, is retired or wiped alone, with its own care.
    const careful = devices.filter((device) => retireEffectOf(device) === "factoryReset");
    const refused = devices.filter((device) => retireEffectOf(device) === "refused");
    if (refused.length > 0 || careful.length > 0) {
      throw new ConflictError(
        [
          refused.length > 0
            ? `Intune cannot retire ${refused.map((d) => d.deviceName).join(", ")} ` +
              "(Android Enterprise fully managed or dedicated): only a wipe removes them."
            : undefined,
          careful.length > 0
            ? `Retiring ${careful.map((d) => d.deviceName).join(", ")} resets it to factory ` +
              "settings: retire it alone from its page, with its serial number."
            : undefined,
          "Nothing was sent; retire the other devices one by one from their pages.",
        ]
          .filter((part) => part !== undefined)
          .join(" "),
      );
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
    const { record, created } = await services.pipeline.run({
      ...request,
      target: targetOf(target),
      // https://learn.microsoft.com/graph/api/user-removealldevicesfrommanagement
      graph: { version: "v1.0", path: `${userPath(id)}/removeAllDevicesFromManagement` },
      items,
      subjects: devices.map((device) => ({
        type: "device" as const,
        id: device.id,
        deviceName: device.deviceName,
        ...(device.serialNumber === undefined ? {} : { serialNumber: device.serialNumber }),
        retireEffect: retireEffectOf(device),
      })),
      progress: {
        actionState: "none",
        attemptedCount: 0,
        failedCount: 0,
        totalBefore: items.length,
      },
    });
    if (created) watchDevices(record, services);
    return { record };
  },
  recovery: "interrupted",
  follow: watchDevices,
});
