import { z } from "zod";
import {
  EnrollmentProfileKindSchema,
  EnrollmentProfileParamsSchema,
  RevokeEnrollmentTokenRequestSchema,
} from "../../enrollment-profiles.js";
import { defineActionKind, outcomeKeysOf, targetKey } from "../action-kind.js";

/** Revoke an Android Enterprise enrollment token (DESIGN §1 S2). */
export const enrollmentProfileRevokeToken = defineActionKind({
  kind: "enrollment-profile.revoke-token",
  targetType: "enrollmentProfile",
  parameters: z.looseObject({ profileKind: EnrollmentProfileKindSchema }),
  route: {
    method: "POST",
    path: "/api/enrollment-profiles/:kind/:id/revoke-token",
    params: EnrollmentProfileParamsSchema,
    body: RevokeEnrollmentTokenRequestSchema,
    idempotencyKey: "required",
  },
  openKeyOf: targetKey,
  subjects: "none",
  outcomeKeys: outcomeKeysOf("enrollment-profile.revoke-token"),
});
