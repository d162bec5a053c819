import { z } from "zod";

/**
 * An app's assignments (`mobileApps/{id}/assignments`), with each group's name and member count,
 * so that a revoke dialog can say who Intune will give licenses back to.
 * https://learn.microsoft.com/graph/api/intune-apps-mobileappassignment-list?view=graph-rest-beta
 */

/** Intune licenses an assignment's members again after a revoke for these intents. */
export const RELICENSING_INTENTS = ["required", "available"] as const;

export const AppAssignmentSchema = z.object({
  /** Graph's `installIntent` as sent (required, available, uninstall, or a newer member). */
  intent: z.string(),
  /** `group`, every licensed user, every device, or a target type this console does not know. */
  target: z.enum(["group", "allLicensedUsers", "allDevices", "other"]),
  /** Set for a group target. */
  groupId: z.string().nullable(),
  /** null when the group could not be read (deleted, or no right to read it). */
  groupName: z.string().nullable(),
  /** Transitive members; null when the count could not be read. */
  memberCount: z.number().int().nonnegative().nullable(),
  /** Required or Available: Intune gives revoked licenses of its members back. */
  givesLicensesBack: z.boolean(),
});
export type AppAssignment = z.infer<typeof AppAssignmentSchema>;

export const AppAssignmentListSchema = z.object({
  items: z.array(AppAssignmentSchema),
  /** More groups than the console reads names of: their names and counts are left null. */
  truncated: z.boolean(),
});
export type AppAssignmentList = z.infer<typeof AppAssignmentListSchema>;
