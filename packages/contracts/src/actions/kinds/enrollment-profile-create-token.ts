import { z } from "zod";
import {
  CreateEnrollmentTokenRequestSchema,
  EnrollmentProfileKindSchema,
  EnrollmentProfileParamsSchema,
} from "../../enrollment-profiles.js";
import { defineActionKind, outcomeKeysOf, targetKey } from "../action-kind.js";

/** Create an enrollment token on a profile that has none (or only an expired one). */
export const enrollmentProfileCreateToken = defineActionKind({
  kind: "enrollment-profile.create-token",
  targetType: "enrollmentProfile",
  parameters: z.looseObject({ profileKind: EnrollmentProfileKindSchema, validityDays: z.number() }),
  route: {
    method: "POST",
    path: "/api/enrollment-profiles/:kind/:id/create-token",
    params: EnrollmentProfileParamsSchema,
    body: CreateEnrollmentTokenRequestSchema,
    idempotencyKey: "required",
  },
  openKeyOf: targetKey,
  subjects: "none",
  outcomeKeys: outcomeKeysOf("enrollment-profile.create-token"),
});
