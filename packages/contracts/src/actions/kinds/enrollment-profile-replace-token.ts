import { z } from "zod";
import {
  EnrollmentProfileKindSchema,
  EnrollmentProfileParamsSchema,
  ReplaceEnrollmentTokenRequestSchema,
} from "../../enrollment-profiles.js";
import { defineActionKind, outcomeKeysOf, targetKey } from "../action-kind.js";

/** Revoke (when there is a token) then create: one record, a step per Graph call. */
export const enrollmentProfileReplaceToken = defineActionKind({
  kind: "enrollment-profile.replace-token",
  targetType: "enrollmentProfile",
  parameters: z.looseObject({ profileKind: EnrollmentProfileKindSchema, validityDays: z.number() }),
  route: {
    method: "POST",
    path: "/api/enrollment-profiles/:kind/:id/replace-token",
    params: EnrollmentProfileParamsSchema,
    body: ReplaceEnrollmentTokenRequestSchema,
    idempotencyKey: "required",
  },
  openKeyOf: targetKey,
  subjects: "none",
  outcomeKeys: outcomeKeysOf("enrollment-profile.replace-token"),
});
