import { z } from "zod";
import { ActionRecordSchema } from "./actions.js";
import { ClientConfigSchema } from "./client-config.js";
import {
  CreateEnrollmentTokenRequestSchema,
  EnrollmentProfileListSchema,
  EnrollmentProfileParamsSchema,
  ReplaceEnrollmentTokenRequestSchema,
  RevealedTokenSchema,
  RevokeEnrollmentTokenRequestSchema,
} from "./enrollment-profiles.js";
import { HealthSchema } from "./health.js";
import { MeSchema } from "./me.js";
import { defineRoute } from "./route.js";

/** The BFF's API, one entry per route. Resource issues add theirs here. */
export const api = {
  health: defineRoute({ method: "GET", path: "/api/health", responses: { 200: HealthSchema } }),
  clientConfig: defineRoute({
    method: "GET",
    path: "/api/client-config",
    responses: { 200: ClientConfigSchema },
  }),
  me: defineRoute({ method: "GET", path: "/api/me", responses: { 200: MeSchema } }),

  /** Both kinds in one list, each with `kind`; never a token's value. */
  enrollmentProfiles: defineRoute({
    method: "GET",
    path: "/api/enrollment-profiles",
    responses: { 200: EnrollmentProfileListSchema },
  }),
  /** Needs Enrollment.RevealToken; journaled as `enrollment-profile.reveal-token`; no-store. */
  revealEnrollmentToken: defineRoute({
    method: "GET",
    path: "/api/enrollment-profiles/:kind/:id/token",
    params: EnrollmentProfileParamsSchema,
    responses: { 200: RevealedTokenSchema },
  }),
  /**
   * Requires `Idempotency-Key`; `confirmDisplayName` must equal the profile's name (else 400);
   * a profile without a token is a 409 `conflict` and nothing is sent to Graph.
   */
  revokeEnrollmentToken: defineRoute({
    method: "POST",
    path: "/api/enrollment-profiles/:kind/:id/revoke-token",
    params: EnrollmentProfileParamsSchema,
    body: RevokeEnrollmentTokenRequestSchema,
    responses: { 202: ActionRecordSchema },
  }),
  /** Requires `Idempotency-Key`. */
  createEnrollmentToken: defineRoute({
    method: "POST",
    path: "/api/enrollment-profiles/:kind/:id/create-token",
    params: EnrollmentProfileParamsSchema,
    body: CreateEnrollmentTokenRequestSchema,
    responses: { 202: ActionRecordSchema },
  }),
  /** Requires `Idempotency-Key`; revoke (if any) then create, one record with `steps`. */
  replaceEnrollmentToken: defineRoute({
    method: "POST",
    path: "/api/enrollment-profiles/:kind/:id/replace-token",
    params: EnrollmentProfileParamsSchema,
    body: ReplaceEnrollmentTokenRequestSchema,
    responses: { 202: ActionRecordSchema },
  }),
} as const;

export const EmptySchema = z.object({}).strict();
