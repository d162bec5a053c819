import { ConflictError } from "../../errors.js";
import { getManagedDevice, managedDevicePath } from "../../graph/managed-devices.js";
import { defineAction, nothingFollows } from "../action-definition.js";
import { answerReplay } from "../answer-replay.js";
import { deviceSubjectsOf, deviceTargetOf, requireDeviceConfirmation } from "./device-action.js";

const WIPING: ReadonlySet<string> = new Set(["wipePending", "wipeIssued"]);

/**
 * Wipe (factory reset) one device (issue #14): Devices.Wipe, the serial number typed. One Graph
 * call with `keepEnrollmentData` and `keepUserData` as the agent chose. Nothing follows it: the
 * device page shows `wipePending` from Intune, and an `unknown` outcome does not hold the
 * device (a second wipe of a device being wiped changes nothing in Intune).
 */
export const deviceWipe = defineAction({
  kind: "device.wipe",
  permissions: ["devices:wipe"],
  handle: async ({ params: { id }, body, idempotencyKey, user }, { graph, services }) => {
    const request = {
      targetId: id,
      kind: "device.wipe" as const,
      idempotencyKey,
      user,
      parameters: {
        confirmDevice: body.confirmDevice.trim().toLowerCase(),
        keepEnrollmentData: body.keepEnrollmentData,
        keepUserData: body.keepUserData,
      },
      reason: body.reason,
    };
    const replay = await answerReplay(services.pipeline, request);
    if (replay !== undefined) return { record: replay };
    const device = await getManagedDevice(graph, user, id);
    requireDeviceConfirmation(body.confirmDevice, device);
    if (WIPING.has(device.managementState)) {
      throw new ConflictError(`${device.deviceName} is already being wiped; nothing was sent.`);
    }
    const { record } = await services.pipeline.run({
      ...request,
      target: deviceTargetOf(device),
      subjects: deviceSubjectsOf(device),
      // https://learn.microsoft.com/graph/api/intune-devices-manageddevice-wipe
      graph: {
        version: "v1.0",
        path: `${managedDevicePath(id)}/wipe`,
        body: { keepEnrollmentData: body.keepEnrollmentData, keepUserData: body.keepUserData },
      },
    });
    return { record };
  },
  recovery: "interrupted",
  follow: nothingFollows,
});
