import {
  confirmationMatches,
  isRetiringState,
  offboardBlockersOf,
  offboardLicenseKeyOf,
  offboardRetireKeyOf,
  retireEffectOf,
  type BulkItem,
  type OffboardRequest,
  type UserVppLicense,
} from "@ihc/contracts";
import type { AuthenticatedUser } from "../../auth/authenticated-user.js";
import { ConflictError, InputError } from "../../errors.js";
import type { GraphGateway } from "../../graph/graph-gateway.js";
import { listUserDevices } from "../../graph/managed-devices.js";
import { listUserVppLicenses } from "../../graph/user-vpp-licenses.js";
import { getUser } from "../../graph/users.js";
import type { ActionServices } from "../action-services.js";
import type { StoredAction } from "../action-journal.js";

type OffboardingKind = "user.offboard" | "user.revoke-all-licenses";

export interface OffboardingInput {
  kind: OffboardingKind;
  userId: string;
  body: OffboardRequest;
  idempotencyKey: string;
  user: AuthenticatedUser;
}

const isOpen = (record: StoredAction): boolean =>
  record.state === "accepted" || record.state === "sent" || record.state === "unknown";

/** A license as an item: the app's call names the user or the device. */
const licenseItemOf = (license: UserVppLicense, userId: string): BulkItem | undefined => {
  const ref =
    license.kind === "user"
      ? { kind: "user" as const, userId }
      : license.managedDeviceId === undefined
        ? undefined
        : { kind: "device" as const, managedDeviceId: license.managedDeviceId };
  if (ref === undefined) return undefined;
  return {
    key: offboardLicenseKeyOf(license.appId, ref),
    kind: ref.kind,
    id: (ref.kind === "user" ? ref.userId : ref.managedDeviceId).toLowerCase(),
    ...(ref.kind === "device" && license.deviceName !== undefined
      ? { label: license.deviceName }
      : {}),
    operation: "revokeLicense",
    appId: license.appId,
    appName: license.appDisplayName,
    state: "queued",
  };
};

/**
 * Offboarding a leaver, or revoking all of a user's licenses (ADR 0030): the UPN typed; the
 * devices (offboard) and licenses read now and checked against what the dialog showed; refused
 * with every device retire would reset or Intune cannot retire named, as "retire all devices"
 * is. One record, an item per device retire and per license revoke, licenses first, sent by the
 * bulk queue (one Graph call each, within the write budget, resumed after a restart).
 */
export const handleOffboarding = async (
  { kind, userId, body, idempotencyKey, user }: OffboardingInput,
  { graph, services }: { graph: GraphGateway; services: ActionServices },
): Promise<{ record: StoredAction }> => {
  const withDevices = kind === "user.offboard";
  const typed = body.confirmUserPrincipalName.trim().toLowerCase();
  const replay = await services.pipeline.replayOf(user, idempotencyKey, {
    kind,
    targetId: userId,
  });
  if (replay !== undefined) {
    // The same key again: the same record, as long as the request is the same (else 422).
    const { record } = await services.pipeline.accept({
      kind,
      idempotencyKey,
      user,
      target: replay.target,
      parameters: {
        ...replay.parameters,
        userPrincipalName: typed,
        notifyManagedDevices: body.notifyManagedDevices,
      },
      reason: body.reason,
      items: replay.items ?? [],
    });
    return { record };
  }
  const target = await getUser(graph, user, userId);
  if (!confirmationMatches(body.confirmUserPrincipalName, target.userPrincipalName)) {
    throw new InputError("Type the user's sign-in name (UPN) exactly to confirm.", [
      {
        path: "body.confirmUserPrincipalName",
        message: "does not match the user's userPrincipalName",
      },
    ]);
  }
  const devices = withDevices ? await listUserDevices(graph, user, userId) : [];
  if (withDevices) {
    const { refused, factoryReset } = offboardBlockersOf(devices);
    if (refused.length > 0 || factoryReset.length > 0) {
      throw new ConflictError(
        [
          refused.length > 0
            ? `Intune cannot retire ${refused.map((d) => d.deviceName).join(", ")} ` +
              "(Android Enterprise fully managed or dedicated): only a wipe removes them."
            : undefined,
          factoryReset.length > 0
            ? `Retiring ${factoryReset.map((d) => d.deviceName).join(", ")} resets it to ` +
              "factory settings: retire it alone from its page, with its serial number."
            : undefined,
          "Nothing was sent.",
        ]
          .filter((part) => part !== undefined)
          .join(" "),
      );
    }
    if (body.confirmDeviceIds !== undefined) {
      const shown = new Set(body.confirmDeviceIds.map((id) => id.toLowerCase()));
      const same =
        shown.size === devices.length && devices.every((d) => shown.has(d.id.toLowerCase()));
      if (!same) {
        throw new ConflictError(
          `The devices of ${target.displayName} changed since the dialog opened; nothing was ` +
            "sent. Review the list again.",
        );
      }
    }
  }
  const licenses = (await listUserVppLicenses(graph, user, userId)).items;
  if (body.confirmLicenseCount !== undefined && body.confirmLicenseCount !== licenses.length) {
    throw new ConflictError(
      `The VPP licenses of ${target.displayName} changed since the dialog opened ` +
        `(${String(body.confirmLicenseCount)} shown, ${String(licenses.length)} now); nothing ` +
        "was sent. Review the list again.",
    );
  }
  // A device already leaving Intune is followed by its own retire; it is not retired again.
  const toRetire = devices.filter((device) => !isRetiringState(device.managementState));
  const items: BulkItem[] = [
    ...licenses.flatMap((license) => licenseItemOf(license, userId) ?? []),
    ...toRetire.map((device): BulkItem => ({
      key: offboardRetireKeyOf(device.id),
      kind: "device",
      id: device.id,
      label: device.deviceName,
      operation: "retire",
      state: "queued",
      managementState: device.managementState,
    })),
  ];
  if (items.length === 0) {
    throw new ConflictError(
      withDevices
        ? `${target.displayName} has no device to retire and no VPP license to revoke; ` +
            "nothing was sent."
        : `${target.displayName} holds no VPP license; nothing was sent.`,
    );
  }
  const { record, created } = await services.pipeline.accept({
    kind,
    idempotencyKey,
    user,
    target: {
      type: "user",
      id: target.id,
      displayName: `${target.displayName} (${target.userPrincipalName})`,
    },
    parameters: {
      userPrincipalName: typed,
      notifyManagedDevices: body.notifyManagedDevices,
      deviceCount: toRetire.length,
      licenseCount: items.length - toRetire.length,
    },
    reason: body.reason,
    items,
    subjects: [
      {
        type: "user",
        id: target.id,
        userPrincipalName: target.userPrincipalName,
        displayName: target.displayName,
      },
      ...devices.map((device) => ({
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
};
