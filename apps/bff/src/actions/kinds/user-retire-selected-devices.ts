import {
  confirmationMatches,
  offboardRetireKeyOf,
  retireEffectOf,
  retireSelectionOf,
  type BulkItem,
  type RetireSelectedDevicesRequest,
} from "@ihc/contracts";
import { ConflictError, InputError } from "../../errors.js";
import { listUserDevices } from "../../graph/managed-devices.js";
import { getUser } from "../../graph/users.js";
import { defineAction } from "../action-definition.js";
import type { StoredAction } from "../action-journal.js";

const isOpen = (record: StoredAction): boolean =>
  record.state === "accepted" || record.state === "sent" || record.state === "unknown";

/** The selection as the journal keeps it: lowercased, each once, sorted (its identity). */
const selectionOf = (body: RetireSelectedDevicesRequest): string[] =>
  [...new Set(body.deviceIds.map((id) => id.toLowerCase()))].sort();

const names = (devices: readonly { deviceName: string }[]): string =>
  devices.map((device) => device.deviceName).join(", ");

/**
 * Retire the devices an agent selected on a user's page (issue #14, ADR 0031). The UPN typed;
 * every id must be a managed device of this user (else 400 naming it); refused, as retire-all
 * and offboarding are (ADR 0023), while a selected device would be reset or Intune cannot
 * retire it, and while one is already being retired. One record, one item per device (the
 * offboarding's retire items), each its own `managedDevices/{id}/retire`, sent by the bulk
 * queue: within the write budget, `sent` journaled before each batch, settled from the user's
 * devices, resumed after a restart.
 */
export const userRetireSelectedDevices = defineAction({
  kind: "user.retire-selected-devices",
  permissions: ["devices:retire"],
  handle: async ({ params: { id }, body, idempotencyKey, user }, { graph, services }) => {
    const kind = "user.retire-selected-devices" as const;
    const typed = body.confirmUserPrincipalName.trim().toLowerCase();
    const deviceIds = selectionOf(body);
    const replay = await services.pipeline.replayOf(user, idempotencyKey, { kind, targetId: id });
    if (replay !== undefined) {
      // The same key again: the same record, as long as the request is the same (else 422).
      const { record } = await services.pipeline.accept({
        kind,
        idempotencyKey,
        user,
        target: replay.target,
        parameters: { ...replay.parameters, userPrincipalName: typed, deviceIds },
        reason: body.reason,
        items: replay.items ?? [],
      });
      return { record };
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
    const selection = retireSelectionOf(devices, deviceIds);
    if (selection.unknownIds.length > 0) {
      throw new InputError(
        `${selection.unknownIds.join(", ")} ${selection.unknownIds.length === 1 ? "is" : "are"} ` +
          `not a managed device of ${target.displayName}; nothing was sent.`,
        body.deviceIds.flatMap((deviceId, index) =>
          selection.unknownIds.includes(deviceId.toLowerCase())
            ? [{ path: `body.deviceIds.${String(index)}`, message: "not a device of this user" }]
            : [],
        ),
      );
    }
    const { selected, refused, factoryReset, retiring } = selection;
    if (refused.length > 0 || factoryReset.length > 0 || retiring.length > 0) {
      throw new ConflictError(
        [
          refused.length > 0
            ? `Intune cannot retire ${names(refused)} ` +
              "(Android Enterprise fully managed or dedicated): only a wipe removes them."
            : undefined,
          factoryReset.length > 0
            ? `Retiring ${names(factoryReset)} resets it to factory settings: retire it alone ` +
              "from its page, with its serial number."
            : undefined,
          retiring.length > 0 ? `${names(retiring)} is already being retired.` : undefined,
          "Nothing was sent.",
        ]
          .filter((part) => part !== undefined)
          .join(" "),
      );
    }
    const items = selected.map((device): BulkItem => ({
      key: offboardRetireKeyOf(device.id),
      kind: "device",
      id: device.id,
      label: device.deviceName,
      operation: "retire",
      state: "queued",
      managementState: device.managementState,
    }));
    const { record, created } = await services.pipeline.accept({
      kind,
      idempotencyKey,
      user,
      target: {
        type: "user",
        id: target.id,
        displayName: `${target.displayName} (${target.userPrincipalName})`,
      },
      parameters: { userPrincipalName: typed, deviceIds, deviceCount: items.length },
      reason: body.reason,
      items,
      // The user first (Activity finds the record by UPN), then each device with its effect.
      subjects: [
        {
          type: "user",
          id: target.id,
          userPrincipalName: target.userPrincipalName,
          displayName: target.displayName,
        },
        ...selected.map((device) => ({
          type: "device" as const,
          id: device.id,
          deviceName: device.deviceName,
          ...(device.serialNumber === undefined ? {} : { serialNumber: device.serialNumber }),
          retireEffect: retireEffectOf(device),
        })),
      ],
    });
    if (created || isOpen(record)) services.bulkRevokes.start(record);
    return { record };
  },
  // The bulk queue resumes it: queued items are sent, items that were in flight reconciled.
  recovery: "self",
  follow: (record, { bulkRevokes }) => {
    bulkRevokes.start(record);
  },
});
