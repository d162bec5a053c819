import { z } from "zod";
import { freeText } from "./rules/free-text.js";
import { ReasonSchema } from "./actions.js";
import { UnrecognizedValuesSchema } from "./tolerant-enum.js";
import { GraphIdSchema } from "./vpp-tokens.js";

/**
 * Android Enterprise enrollment profiles, both of Graph's kinds in one list:
 * `androidForWorkEnrollmentProfile` and `androidDeviceOwnerEnrollmentProfile` (beta).
 * https://learn.microsoft.com/graph/api/resources/intune-androidforwork-androiddeviceownerenrollmentprofile?view=graph-rest-beta
 */
export const EnrollmentProfileKinds = ["androidForWork", "androidDeviceOwner"] as const;
export const EnrollmentProfileKindSchema = z.enum(EnrollmentProfileKinds);
export type EnrollmentProfileKind = z.infer<typeof EnrollmentProfileKindSchema>;
export const isEnrollmentProfileKind = (value: unknown): value is EnrollmentProfileKind =>
  (EnrollmentProfileKinds as readonly unknown[]).includes(value);

/** Graph's androidDeviceOwnerEnrollmentMode and androidDeviceOwnerEnrollmentTokenType (beta). */
export const AndroidDeviceOwnerEnrollmentModeSchema = z.enum([
  "corporateOwnedDedicatedDevice",
  "corporateOwnedFullyManaged",
  "corporateOwnedWorkProfile",
  "corporateOwnedAOSPUserlessDevice",
  "corporateOwnedAOSPUserAssociatedDevice",
]);
export type AndroidDeviceOwnerEnrollmentMode = z.infer<
  typeof AndroidDeviceOwnerEnrollmentModeSchema
>;
export const AndroidDeviceOwnerEnrollmentTokenTypeSchema = z.enum([
  "default",
  "corporateOwnedDedicatedDeviceWithAzureADSharedMode",
  "deviceStaging",
]);
export type AndroidDeviceOwnerEnrollmentTokenType = z.infer<
  typeof AndroidDeviceOwnerEnrollmentTokenTypeSchema
>;

/** A token expiring within this many days is `expiring`. */
export const ENROLLMENT_TOKEN_EXPIRING_DAYS = 14;
/** The longest validity a new token may have (Intune's console offers up to 90 days). */
export const ENROLLMENT_TOKEN_MAX_VALIDITY_DAYS = 90;

/**
 * Computed by the BFF: `expiring` = expires within ENROLLMENT_TOKEN_EXPIRING_DAYS, `none` = the
 * profile has no token (never created, or revoked).
 */
export const EnrollmentTokenStatusSchema = z.enum(["active", "expiring", "expired", "none"]);
export type EnrollmentTokenStatus = z.infer<typeof EnrollmentTokenStatusSchema>;

/**
 * A profile as the console lists it. The token's value never appears here: only its status,
 * dates and `maskedToken` (bullets and its last 4 characters). `wifiPassword` never leaves the
 * BFF at all. `enrollmentMode`, `enrollmentTokenType`, `tokenCreationDateTime` and
 * `enrollmentTokenUsageCount` exist on device-owner profiles only.
 */
export const EnrollmentProfileSchema = z.object({
  kind: EnrollmentProfileKindSchema,
  id: z.string(),
  displayName: z.string(),
  description: z.string().optional(),
  enrollmentMode: AndroidDeviceOwnerEnrollmentModeSchema.optional(),
  enrollmentTokenType: AndroidDeviceOwnerEnrollmentTokenTypeSchema.optional(),
  tokenStatus: EnrollmentTokenStatusSchema,
  tokenExpirationDateTime: z.string().optional(),
  tokenCreationDateTime: z.string().optional(),
  enrolledDeviceCount: z.number().int().optional(),
  enrollmentTokenUsageCount: z.number().int().optional(),
  maskedToken: z
    .string()
    .regex(/^•+[^•]{4}$/, "bullets and the last 4 characters only")
    .optional(),
  lastModifiedDateTime: z.string().optional(),
  /** Graph enum values this console does not know, by property (see tolerant-enum.ts). */
  unrecognized: UnrecognizedValuesSchema.optional(),
});
export type EnrollmentProfile = z.infer<typeof EnrollmentProfileSchema>;

export const EnrollmentProfileListSchema = z.object({ items: z.array(EnrollmentProfileSchema) });
export type EnrollmentProfileList = z.infer<typeof EnrollmentProfileListSchema>;

/** `/api/enrollment-profiles/:kind/:id/…`. The BFF answers an unknown `kind` with 404. */
export const EnrollmentProfileParamsSchema = z
  .object({ kind: EnrollmentProfileKindSchema, id: GraphIdSchema })
  .strict();
export type EnrollmentProfileParams = z.infer<typeof EnrollmentProfileParamsSchema>;

/** The profile's display name, typed by the agent to confirm. */
const ConfirmDisplayNameSchema = freeText(z.string().max(256));
export const ValidityDaysSchema = z.number().int().min(1).max(ENROLLMENT_TOKEN_MAX_VALIDITY_DAYS);

export const RevokeEnrollmentTokenRequestSchema = z
  .object({ confirmDisplayName: ConfirmDisplayNameSchema, reason: ReasonSchema })
  .strict();
export type RevokeEnrollmentTokenRequest = z.infer<typeof RevokeEnrollmentTokenRequestSchema>;

/** Graph's createToken takes seconds; the BFF sends validityDays × 86,400. */
export const CreateEnrollmentTokenRequestSchema = z
  .object({ validityDays: ValidityDaysSchema, reason: ReasonSchema })
  .strict();
export type CreateEnrollmentTokenRequest = z.infer<typeof CreateEnrollmentTokenRequestSchema>;

/**
 * "Replace token…": revoke (when there is a token) then create, one confirmed action with one
 * journal record (`enrollment-profile.replace-token`) holding a step per Graph call.
 */
export const ReplaceEnrollmentTokenRequestSchema = z
  .object({
    confirmDisplayName: ConfirmDisplayNameSchema,
    validityDays: ValidityDaysSchema,
    reason: ReasonSchema,
  })
  .strict();
export type ReplaceEnrollmentTokenRequest = z.infer<typeof ReplaceEnrollmentTokenRequestSchema>;

/**
 * The token itself, for an agent allowed to see it (Enrollment.RevealToken). Each reveal is
 * journaled (`enrollment-profile.reveal-token`) and answered with `Cache-Control: no-store`.
 */
export const RevealedTokenSchema = z.object({
  tokenValue: z.string(),
  qrCodeContent: z.string().optional(),
  tokenExpirationDateTime: z.string().optional(),
});
export type RevealedToken = z.infer<typeof RevealedTokenSchema>;
