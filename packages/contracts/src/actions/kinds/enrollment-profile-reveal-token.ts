import { z } from "zod";
import {
  EnrollmentProfileKindSchema,
  EnrollmentProfileParamsSchema,
} from "../../enrollment-profiles.js";
import { defineActionKind, outcomeKeysOf, targetKey } from "../action-kind.js";

/** Not a change: an agent was shown a token's value. A GET, journaled so the reveal is audited. */
export const enrollmentProfileRevealToken = defineActionKind({
  kind: "enrollment-profile.reveal-token",
  targetType: "enrollmentProfile",
  parameters: z.looseObject({ profileKind: EnrollmentProfileKindSchema }),
  route: {
    method: "GET",
    path: "/api/enrollment-profiles/:kind/:id/token",
    params: EnrollmentProfileParamsSchema,
    idempotencyKey: "none",
  },
  openKeyOf: targetKey,
  subjects: "none",
  outcomeKeys: outcomeKeysOf("enrollment-profile.reveal-token"),
});
