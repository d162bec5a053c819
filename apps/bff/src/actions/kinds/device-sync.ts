import { getManagedDevice, managedDevicePath } from "../../graph/managed-devices.js";
import { defineAction, nothingFollows } from "../action-definition.js";
import { answerReplay } from "../answer-replay.js";
import { deviceSubjectsOf, deviceTargetOf } from "./device-action.js";

/**
 * Ask a device to check in now (issue #14): not destructive, no typed confirmation. Offered
 * after a retire or a license revoke so the device picks it up sooner. Nothing follows it: an
 * `unknown` outcome stays so (a second sync does no harm).
 */
export const deviceSync = defineAction({
  kind: "device.sync",
  permissions: ["devices:retire"],
  handle: async ({ params: { id }, body, idempotencyKey, user }, { graph, services }) => {
    const request = {
      targetId: id,
      kind: "device.sync" as const,
      idempotencyKey,
      user,
      parameters: {},
      reason: body.reason,
    };
    const replay = await answerReplay(services.pipeline, request);
    if (replay !== undefined) return { record: replay };
    const device = await getManagedDevice(graph, user, id);
    const { record } = await services.pipeline.run({
      ...request,
      target: deviceTargetOf(device),
      subjects: deviceSubjectsOf(device),
      // https://learn.microsoft.com/graph/api/intune-devices-manageddevice-syncdevice
      graph: { version: "v1.0", path: `${managedDevicePath(id)}/syncDevice` },
    });
    return { record };
  },
  recovery: "interrupted",
  follow: nothingFollows,
});
