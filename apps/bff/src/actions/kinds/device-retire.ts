import { deviceKeyOf, isRetiringState, retireEffectOf, retireNeedsWipeCare } from "@ihc/contracts";
import { ConflictError } from "../../errors.js";
import { getManagedDevice, managedDevicePath } from "../../graph/managed-devices.js";
import { defineAction, type ActionDefinition } from "../action-definition.js";
import { answerReplay } from "../answer-replay.js";
import {
  deviceSubjectsOf,
  deviceTargetOf,
  requireDeviceConfirmation,
  requireDevicePermission,
} from "./device-action.js";

/** The single-device retire watcher follows the device until it has left Intune. */
const watchDevice: ActionDefinition["follow"] = (record, { deviceRetireWatchers }) => {
  if (record.state === "succeeded" || record.state === "unknown") {
    deviceRetireWatchers.watch(record);
  }
};

/**
 * Retire one device (issue #14). What retire does depends on how the device was enrolled
 * (rules/retire-effect.ts, ADR 0023): refused with the reason where Graph refuses (Android
 * Enterprise fully managed, dedicated); where it resets the device (corporate-owned work
 * profile), the wipe's care — Devices.Wipe and the serial number typed. One Graph call, one
 * item, followed until the device leaves Intune.
 */
export const deviceRetire = defineAction({
  kind: "device.retire",
  permissions: ["devices:retire"],
  handle: async ({ params: { id }, body, idempotencyKey, user }, { graph, services }) => {
    const typed = body.confirmDevice?.trim().toLowerCase();
    const request = {
      targetId: id,
      kind: "device.retire" as const,
      idempotencyKey,
      user,
      parameters: typed === undefined ? {} : { confirmDevice: typed },
      reason: body.reason,
    };
    const replay = await answerReplay(services.pipeline, request);
    if (replay !== undefined) return { record: replay };
    const device = await getManagedDevice(graph, user, id);
    const effect = retireEffectOf(device);
    if (effect === "refused") {
      throw new ConflictError(
        `${device.deviceName} is an Android Enterprise fully managed or dedicated device: ` +
          "Intune cannot retire it, only wipe it (a factory reset). Nothing was sent.",
      );
    }
    if (retireNeedsWipeCare(effect)) {
      requireDevicePermission(
        user,
        "devices:wipe",
        `Retiring ${device.deviceName} resets it to factory settings: it needs the Devices.Wipe role.`,
      );
      requireDeviceConfirmation(body.confirmDevice, device);
    }
    if (isRetiringState(device.managementState)) {
      throw new ConflictError(`${device.deviceName} is already being retired; nothing was sent.`);
    }
    const { record, created } = await services.pipeline.run({
      ...request,
      target: deviceTargetOf(device),
      // https://learn.microsoft.com/graph/api/intune-devices-manageddevice-retire
      graph: { version: "v1.0", path: `${managedDevicePath(id)}/retire` },
      items: [
        {
          key: deviceKeyOf(device.id),
          kind: "device",
          id: device.id,
          label: device.deviceName,
          state: "queued",
          managementState: device.managementState,
        },
      ],
      subjects: deviceSubjectsOf(device, { retireEffect: effect }),
      progress: { actionState: "none", attemptedCount: 0, failedCount: 0, totalBefore: 1 },
    });
    if (created) watchDevice(record, services);
    return { record };
  },
  recovery: "interrupted",
  follow: watchDevice,
});
