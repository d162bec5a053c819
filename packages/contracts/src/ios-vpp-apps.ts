import { z } from "zod";
import { LicenseSortColumnSchema, SortDirectionSchema } from "./rules/license-sort.js";
import { freeText } from "./rules/free-text.js";
import {
  GraphActionStateSchema,
  ReasonSchema,
  VppTokenActionFailureReasonSchema,
} from "./actions.js";
import { licenseKeyOf } from "./rules/license-keys.js";
import { UnrecognizedValuesSchema } from "./tolerant-enum.js";
import { GraphIdSchema } from "./vpp-tokens.js";

/**
 * iOS VPP apps (`microsoft.graph.iosVppApp`, beta), their assigned licenses and the revoke
 * actions on them (DESIGN §1 S1, S1b, S1c).
 * https://learn.microsoft.com/graph/api/resources/intune-apps-iosvppapp?view=graph-rest-beta
 */

/** One item of `revokeLicenseActionResults` (`iosVppAppRevokeLicensesActionResult`). */
export const IosVppAppRevokeResultSchema = z.object({
  userId: z.string().optional(),
  managedDeviceId: z.string().optional(),
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
export type IosVppAppRevokeResult = z.infer<typeof IosVppAppRevokeResultSchema>;

export const IosVppAppSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  publisher: z.string().optional(),
  bundleId: z.string().optional(),
  appStoreUrl: z.string().optional(),
  /** A complex type of two booleans in Graph, not an enum. */
  licensingType: z.object({
    supportsUserLicensing: z.boolean(),
    supportsDeviceLicensing: z.boolean(),
  }),
  usedLicenseCount: z.number().int(),
  totalLicenseCount: z.number().int(),
  vppTokenId: z.string().optional(),
  vppTokenDisplayName: z.string().optional(),
  vppTokenOrganizationName: z.string().optional(),
  vppTokenAppleId: z.string().optional(),
  applicableDeviceType: z.object({ iPad: z.boolean(), iPhoneAndIPod: z.boolean() }).optional(),
  isAssigned: z.boolean().optional(),
  revokeLicenseActionResults: z.array(IosVppAppRevokeResultSchema),
});
export type IosVppApp = z.infer<typeof IosVppAppSchema>;

export const IosVppAppListSchema = z.object({ items: z.array(IosVppAppSchema) });
export type IosVppAppList = z.infer<typeof IosVppAppListSchema>;

/** `GET /api/apps`: `search` matches displayName, publisher and bundleId (case-insensitive). */
export const IosVppAppListQuerySchema = z
  .object({
    search: freeText(z.string().trim().max(100)).optional(),
    vppTokenId: GraphIdSchema.optional(),
  })
  .strict();
export type IosVppAppListQuery = z.infer<typeof IosVppAppListQuerySchema>;

export const IosVppAppParamsSchema = z.object({ id: GraphIdSchema }).strict();
export type IosVppAppParams = z.infer<typeof IosVppAppParamsSchema>;

export const AssignedLicenseKindSchema = z.enum(["user", "device"]);
export type AssignedLicenseKind = z.infer<typeof AssignedLicenseKindSchema>;

/**
 * An `iosVppAppAssignedLicense`: a user license (`iosVppAppAssignedUserLicense`) or a device
 * license (`iosVppAppAssignedDeviceLicense`, which adds the device). A user license may have no
 * user (an Apple account not linked to one); a device license on a shared device has none either.
 */
export const AssignedLicenseSchema = z.object({
  id: z.string(),
  kind: AssignedLicenseKindSchema,
  userId: z.string().optional(),
  userPrincipalName: z.string().optional(),
  userEmailAddress: z.string().optional(),
  userName: z.string().optional(),
  managedDeviceId: z.string().optional(),
  deviceName: z.string().optional(),
});
export type AssignedLicense = z.infer<typeof AssignedLicenseSchema>;

export const AssignedLicenseListSchema = z.object({
  items: z.array(AssignedLicenseSchema),
  /** Opaque; pass it back for the next page. Absent on the last page. */
  cursor: z.string().optional(),
});
export type AssignedLicenseList = z.infer<typeof AssignedLicenseListSchema>;

export const MAX_LICENSE_PAGE_SIZE = 999;

/**
 * What an app's licenses are searched by: a prefix of the user's UPN or of the device's name,
 * or a device's serial number (issue #18, 6).
 */
const LicenseSearchSchema = freeText(z.string().trim().max(100));

/**
 * `GET /api/apps/:id/licenses`: `search` (see LicenseSearchSchema); a `cursor` continues the
 * listing it came from (its search and page size included).
 */
export const AssignedLicenseListQuerySchema = z
  .object({
    cursor: z
      .string()
      .max(4000)
      .regex(/^[A-Za-z0-9_-]+$/, "must be a cursor from a previous page")
      .optional(),
    search: LicenseSearchSchema.optional(),
    limit: z.number().int().min(1).max(MAX_LICENSE_PAGE_SIZE).optional(),
  })
  .strict();
export type AssignedLicenseListQuery = z.infer<typeof AssignedLicenseListQuerySchema>;

/**
 * `GET /api/apps/:id/licenses/export.csv`: the same search as the list, every page of it; with
 * `sort` (and `dir`, ascending by default) in the order the list shows when sorted (ADR 0032).
 */
export const AssignedLicenseExportQuerySchema = z
  .object({
    search: LicenseSearchSchema.optional(),
    sort: LicenseSortColumnSchema.optional(),
    dir: SortDirectionSchema.optional(),
  })
  .strict();
export type AssignedLicenseExportQuery = z.infer<typeof AssignedLicenseExportQuerySchema>;

/** The columns of an app's licenses exported as CSV, one line per license. */
export const LICENSE_EXPORT_COLUMNS = [
  "kind",
  "userName",
  "userPrincipalName",
  "userId",
  "deviceName",
  "managedDeviceId",
] as const;

export const licenseExportRow = (license: AssignedLicense): (string | undefined)[] => [
  license.kind,
  license.userName,
  license.userPrincipalName,
  license.userId,
  license.deviceName,
  license.managedDeviceId,
];

export const RevokeUserLicenseRequestSchema = z
  .object({
    userId: GraphIdSchema,
    notifyManagedDevices: z.boolean(),
    reason: ReasonSchema,
  })
  .strict();
export type RevokeUserLicenseRequest = z.infer<typeof RevokeUserLicenseRequestSchema>;

export const RevokeDeviceLicenseRequestSchema = z
  .object({
    managedDeviceId: GraphIdSchema,
    notifyManagedDevices: z.boolean(),
    reason: ReasonSchema,
  })
  .strict();
export type RevokeDeviceLicenseRequest = z.infer<typeof RevokeDeviceLicenseRequestSchema>;

export const RevokeAllAppLicensesRequestSchema = z
  .object({
    notifyManagedDevices: z.boolean(),
    /** The app's display name, typed by the agent: the widest action asks for it. */
    confirmDisplayName: freeText(z.string().max(256)),
    reason: ReasonSchema,
  })
  .strict();
export type RevokeAllAppLicensesRequest = z.infer<typeof RevokeAllAppLicensesRequestSchema>;

/** One license chosen for a bulk revoke: a user's, or a device's. */
export const LicenseRefSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("user"), userId: GraphIdSchema }).strict(),
  z.object({ kind: z.literal("device"), managedDeviceId: GraphIdSchema }).strict(),
]);
export type LicenseRef = z.infer<typeof LicenseRefSchema>;

export const MAX_BULK_LICENSES = 1000;

export const RevokeLicensesBulkRequestSchema = z
  .object({
    licenses: z
      .array(LicenseRefSchema)
      .min(1, "choose at least one license")
      .max(MAX_BULK_LICENSES, `at most ${MAX_BULK_LICENSES} licenses at once`)
      .superRefine((licenses, ctx) => {
        const seen = new Map<string, number>();
        licenses.forEach((license, index) => {
          const key = licenseKeyOf(license);
          const first = seen.get(key);
          if (first === undefined) {
            seen.set(key, index);
            return;
          }
          ctx.addIssue({
            code: "custom",
            path: [index],
            message: `duplicates licenses.${first} (${key.replace(":", " ")})`,
          });
        });
      }),
    notifyManagedDevices: z.boolean(),
    reason: ReasonSchema,
  })
  .strict();
export type RevokeLicensesBulkRequest = z.infer<typeof RevokeLicensesBulkRequestSchema>;
