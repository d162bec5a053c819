import { z } from "zod";
import { freeText } from "./rules/free-text.js";
import { UnrecognizedValuesSchema } from "./tolerant-enum.js";
import {
  GraphActionStateSchema,
  ReasonSchema,
  VppTokenActionFailureReasonSchema,
} from "./actions.js";

/** Graph's vppTokenState, vppTokenSyncStatus and vppTokenAccountType enums (beta). */
export const VppTokenStateSchema = z.enum([
  "unknown",
  "valid",
  "expired",
  "invalid",
  "assignedToExternalMDM",
  "duplicateLocationId",
]);
export const VppTokenSyncStatusSchema = z.enum(["none", "inProgress", "completed", "failed"]);
export const VppTokenAccountTypeSchema = z.enum(["business", "education"]);

/** One item of `tokenActionResults`: `#microsoft.graph.vppTokenRevokeLicensesActionResult`. */
export const VppTokenActionResultSchema = z.object({
  actionName: z.string(),
  actionState: GraphActionStateSchema,
  startDateTime: z.string().optional(),
  lastUpdatedDateTime: z.string().optional(),
  totalLicensesCount: z.number().int(),
  failedLicensesCount: z.number().int(),
  actionFailureReason: VppTokenActionFailureReasonSchema.optional(),
  /** Graph enum values this console does not know, by property (see tolerant-enum.ts). */
  unrecognized: UnrecognizedValuesSchema.optional(),
});
export type VppTokenActionResult = z.infer<typeof VppTokenActionResultSchema>;

/** A VPP token as the console shows it. The token's secret (`token`) never leaves the BFF. */
export const VppTokenSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  organizationName: z.string().optional(),
  appleId: z.string().optional(),
  locationName: z.string().optional(),
  countryOrRegion: z.string().optional(),
  vppTokenAccountType: VppTokenAccountTypeSchema.optional(),
  state: VppTokenStateSchema,
  expirationDateTime: z.string().optional(),
  lastSyncDateTime: z.string().optional(),
  lastSyncStatus: VppTokenSyncStatusSchema.optional(),
  lastModifiedDateTime: z.string().optional(),
  tokenActionResults: z.array(VppTokenActionResultSchema),
  /** Graph enum values this console does not know, by property (see tolerant-enum.ts). */
  unrecognized: UnrecognizedValuesSchema.optional(),
});
export type VppToken = z.infer<typeof VppTokenSchema>;

export const VppTokenListSchema = z.object({ items: z.array(VppTokenSchema) });
export type VppTokenList = z.infer<typeof VppTokenListSchema>;

/** The VPP app types a token's licenses belong to (Graph's `@odata.type`, without namespace). */
export const VppAppTypeSchema = z.enum(["iosVppApp", "macOsVppApp"]);
export type VppAppType = z.infer<typeof VppAppTypeSchema>;

/**
 * What a revoke of this token would touch: every VPP app on it (iOS and macOS: the token's
 * revokeLicenses reaches both) and their licenses in use as Apple counts them
 * (`usedLicenseCount`, which may exceed the licenses Intune lists).
 */
export const VppTokenImpactSchema = z.object({
  apps: z.array(
    z.object({
      id: z.string(),
      displayName: z.string(),
      /** Absent from BFFs before macOS apps were counted: read it as `iosVppApp`. */
      appType: VppAppTypeSchema.optional(),
      usedLicenseCount: z.number().int(),
      totalLicenseCount: z.number().int(),
    }),
  ),
  licensesInUse: z.number().int(),
});
export type VppTokenImpact = z.infer<typeof VppTokenImpactSchema>;

export const VppTokenDetailSchema = z.object({
  token: VppTokenSchema,
  impact: VppTokenImpactSchema,
});
export type VppTokenDetail = z.infer<typeof VppTokenDetailSchema>;

/** Graph ids are GUIDs here; anything else never reaches a Graph URL. */
export const GraphIdSchema = z.uuid({ message: "must be a GUID" });
export const VppTokenParamsSchema = z.object({ id: GraphIdSchema }).strict();

export const RevokeVppLicensesRequestSchema = z
  .object({
    notifyManagedDevices: z.boolean(),
    revokeUntrackedLicenses: z.boolean(),
    /** The token's display name, typed by the agent: the widest action asks for it. */
    confirmDisplayName: freeText(z.string().max(256)),
    reason: ReasonSchema,
  })
  .strict();
export type RevokeVppLicensesRequest = z.infer<typeof RevokeVppLicensesRequestSchema>;

export const SyncVppLicensesRequestSchema = z.object({ reason: ReasonSchema }).strict();
export type SyncVppLicensesRequest = z.infer<typeof SyncVppLicensesRequestSchema>;
