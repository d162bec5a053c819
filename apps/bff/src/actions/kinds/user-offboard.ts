import { defineAction } from "../action-definition.js";
import { handleOffboarding } from "./user-offboarding.js";

/**
 * Offboard a leaver (issue #14, ADR 0030): retire each device and revoke every VPP license the
 * user and their devices hold, one item per Graph call. Needs both permissions.
 */
export const userOffboard = defineAction({
  kind: "user.offboard",
  permissions: ["devices:retire", "apps:revoke"],
  handle: ({ params: { id }, body, idempotencyKey, user }, deps) =>
    handleOffboarding({ kind: "user.offboard", userId: id, body, idempotencyKey, user }, deps),
  // The bulk queue resumes it: queued items are sent, items that were in flight reconciled.
  recovery: "self",
  follow: (record, { bulkRevokes }) => {
    bulkRevokes.start(record);
  },
});
