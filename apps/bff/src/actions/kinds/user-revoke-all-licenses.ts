import { defineAction } from "../action-definition.js";
import { handleOffboarding } from "./user-offboarding.js";

/** Every VPP license a user and their devices hold, across apps (ADR 0030): one item each. */
export const userRevokeAllLicenses = defineAction({
  kind: "user.revoke-all-licenses",
  permissions: ["apps:revoke"],
  handle: ({ params: { id }, body, idempotencyKey, user }, deps) =>
    handleOffboarding(
      { kind: "user.revoke-all-licenses", userId: id, body, idempotencyKey, user },
      deps,
    ),
  recovery: "self",
  follow: (record, { bulkRevokes }) => {
    bulkRevokes.start(record);
  },
});
