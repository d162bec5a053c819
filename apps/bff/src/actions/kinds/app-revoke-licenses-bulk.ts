import {
  assignedLicenseKeyOf,
  licenseKeyOf,
  type ActionSubject,
  type ActionTarget,
  type AssignedLicense,
  type BulkItem,
} from "@ihc/contracts";
import { NotFoundError } from "../../errors.js";
import { getIosVppApp } from "../../graph/get-ios-vpp-app.js";
import { listAllAssignedLicenses } from "../../graph/ios-vpp-apps.js";
import { defineAction } from "../action-definition.js";
import type { StoredAction } from "../action-journal.js";
import { appTargetOf, licenseSubjectOf } from "./app-revoke.js";

/** The bulk revoke's path below /api: its body may be larger than other actions' (1,000 items). */
export const BULK_REVOKE_PATH = /^\/apps\/[^/]+\/revoke-licenses$/;

const labelOf = (license: AssignedLicense): string | undefined =>
  license.kind === "device"
    ? (license.deviceName ?? license.managedDeviceId)
    : (license.userPrincipalName ?? license.userName);

const isOpen = (record: StoredAction): boolean =>
  record.state === "accepted" || record.state === "sent" || record.state === "unknown";

/**
 * Revoke many chosen licenses of one app at once (ADR 0008): journaled with an item per license
 * (`queued`; one no longer assigned is `failed` `notAssigned` at once), answered 202 at once, and
 * sent by the bulk queue within Graph's write limits. The queue settles unknown items from the
 * licenses and resumes the record itself after a restart.
 */
export const appRevokeLicensesBulk = defineAction({
  kind: "app.revoke-licenses-bulk",
  permissions: ["apps:revoke"],
  handle: async ({ params: { id }, body, idempotencyKey, user }, { graph, services }) => {
    const requested = body.licenses.map((ref) => ({
      key: licenseKeyOf(ref),
      kind: ref.kind,
      id: (ref.kind === "user" ? ref.userId : ref.managedDeviceId).toLowerCase(),
    }));
    const replay = await services.pipeline.replayOf(user, idempotencyKey, {
      kind: "app.revoke-licenses-bulk",
      targetId: id,
    });
    let target: ActionTarget;
    let items: BulkItem[];
    let subjects: ActionSubject[] | undefined;
    if (replay !== undefined) {
      // Answered from the journal; the items only feed the idempotency check.
      target = replay.target;
      items = requested.map((item) => ({ ...item, state: "queued" }));
    } else {
      const app = await getIosVppApp(graph, user, id);
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
      target = appTargetOf(app);
      subjects = items.flatMap((item) => {
        const license = assigned.get(item.key);
        return license === undefined ? [] : [licenseSubjectOf(license)];
      });
    }
    const { record, created } = await services.pipeline.accept({
      kind: "app.revoke-licenses-bulk",
      idempotencyKey,
      user,
      target,
      parameters: { notifyManagedDevices: body.notifyManagedDevices, licenseCount: items.length },
      reason: body.reason,
      items,
      subjects,
    });
    if (created || isOpen(record)) services.bulkRevokes.start(record);
    return { record };
  },
  // The queue resumes it: queued items are sent, items that were in flight reconciled.
  recovery: "self",
  follow: (record, { bulkRevokes }) => {
    bulkRevokes.start(record);
  },
});
