import { z } from "zod";
import { AssignedLicenseSchema } from "./ios-vpp-apps.js";

/**
 * Why a VPP license can be taken back (issue #18, 3): its user is disabled in the directory
 * (`accountEnabled: false`), its user is no longer in the directory (deleted), or the device
 * it sits on is no longer an Intune managed device. A license may have more than one reason.
 */
export const ReclaimReasonSchema = z.enum(["userDisabled", "userDeleted", "deviceUnmanaged"]);
export type ReclaimReason = z.infer<typeof ReclaimReasonSchema>;

export const ReclaimableLicenseSchema = AssignedLicenseSchema.extend({
  reasons: z.array(ReclaimReasonSchema).min(1),
});
export type ReclaimableLicense = z.infer<typeof ReclaimableLicenseSchema>;

/** One iOS VPP app's reclaimable licenses. */
export const ReclaimableAppSchema = z.object({
  appId: z.string(),
  appDisplayName: z.string(),
  licenses: z.array(ReclaimableLicenseSchema),
});
export type ReclaimableApp = z.infer<typeof ReclaimableAppSchema>;

/** One VPP token's apps with reclaimable licenses, and how many licenses that is. */
export const ReclaimableTokenSchema = z.object({
  /** Absent for apps Graph lists without a token. */
  vppTokenId: z.string().optional(),
  vppTokenDisplayName: z.string().optional(),
  reclaimableCount: z.number().int(),
  apps: z.array(ReclaimableAppSchema),
});
export type ReclaimableToken = z.infer<typeof ReclaimableTokenSchema>;

export const ReclaimableLicenseReportSchema = z.object({
  tokens: z.array(ReclaimableTokenSchema),
  /** The iOS VPP apps and licenses read to answer (the size of this report's scan). */
  appsScanned: z.number().int(),
  licensesScanned: z.number().int(),
});
export type ReclaimableLicenseReport = z.infer<typeof ReclaimableLicenseReportSchema>;
