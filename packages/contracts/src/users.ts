import { z } from "zod";
import { freeText } from "./rules/free-text.js";
import { ReasonSchema } from "./actions.js";
import { AssignedLicenseKindSchema } from "./ios-vpp-apps.js";
import { UnrecognizedValuesSchema } from "./tolerant-enum.js";
import { GraphIdSchema } from "./vpp-tokens.js";

/**
 * Users, their managed devices, the VPP licenses they hold, and "retire all devices"
 * (`removeAllDevicesFromManagement`), DESIGN §1.
 * https://learn.microsoft.com/graph/api/resources/user
 * https://learn.microsoft.com/graph/api/resources/intune-devices-manageddevice?view=graph-rest-beta
 */

export const MIN_USER_SEARCH_LENGTH = 1;
export const MAX_USER_SEARCH_LENGTH = 200;
export const MAX_USER_PAGE_SIZE = 100;

/**
 * `GET /api/users`: `search` is what the agent typed (any characters: the BFF escapes them for
 * Graph); it matches the start of any word of displayName, and the start of UPN or mail. A
 * `cursor` continues the listing it came from.
 */
export const UserSearchQuerySchema = z
  .object({
    search: freeText(
      z
        .string()
        .trim()
        .min(MIN_USER_SEARCH_LENGTH, "type at least one character")
        .max(MAX_USER_SEARCH_LENGTH, `at most ${MAX_USER_SEARCH_LENGTH} characters`),
    ),
    cursor: z
      .string()
      .max(4000)
      .regex(/^[A-Za-z0-9_-]+$/, "must be a cursor from a previous page")
      .optional(),
    limit: z.number().int().min(1).max(MAX_USER_PAGE_SIZE).optional(),
  })
  .strict();
export type UserSearchQuery = z.infer<typeof UserSearchQuerySchema>;

export const UserSummarySchema = z.object({
  id: z.string(),
  displayName: z.string(),
  userPrincipalName: z.string(),
  mail: z.string().optional(),
  department: z.string().optional(),
  jobTitle: z.string().optional(),
});
export type UserSummary = z.infer<typeof UserSummarySchema>;

export const UserSearchResultSchema = z.object({
  items: z.array(UserSummarySchema),
  /** Graph's `@odata.count` for the whole search (first page only). */
  count: z.number().int().optional(),
  /** Opaque; pass it back for the next page. Absent on the last page. */
  cursor: z.string().optional(),
});
export type UserSearchResult = z.infer<typeof UserSearchResultSchema>;

export const UserParamsSchema = z.object({ id: GraphIdSchema }).strict();
export type UserParams = z.infer<typeof UserParamsSchema>;

export const UserDetailSchema = UserSummarySchema.extend({
  accountEnabled: z.boolean().optional(),
  officeLocation: z.string().optional(),
  usageLocation: z.string().optional(),
});
export type UserDetail = z.infer<typeof UserDetailSchema>;

/** Graph's `complianceState` enum (managedDevice). */
export const ComplianceStateSchema = z.enum([
  "unknown",
  "compliant",
  "noncompliant",
  "conflict",
  "error",
  "inGracePeriod",
  "configManager",
]);
export type ComplianceState = z.infer<typeof ComplianceStateSchema>;

/** Graph's `managementState`; unknown future members pass through as strings. */
export const ManagementStateSchema = z.string();

export const ManagedDeviceOwnerTypeSchema = z.enum(["unknown", "company", "personal"]);
export type ManagedDeviceOwnerType = z.infer<typeof ManagedDeviceOwnerTypeSchema>;

/** One `deviceActionResult` (retire, wipe, …) as Graph reports it on the device. */
export const DeviceActionResultSchema = z.object({
  actionName: z.string(),
  actionState: z.string(),
  startDateTime: z.string().optional(),
  lastUpdatedDateTime: z.string().optional(),
});
export type DeviceActionResult = z.infer<typeof DeviceActionResultSchema>;

export const ManagedDeviceSchema = z.object({
  id: z.string(),
  deviceName: z.string(),
  operatingSystem: z.string().optional(),
  osVersion: z.string().optional(),
  model: z.string().optional(),
  manufacturer: z.string().optional(),
  serialNumber: z.string().optional(),
  complianceState: ComplianceStateSchema.optional(),
  managementState: ManagementStateSchema,
  managedDeviceOwnerType: ManagedDeviceOwnerTypeSchema.optional(),
  /**
   * Graph beta's `deviceEnrollmentType` (e.g. `androidEnterpriseFullyManaged`); kept as a string
   * so a newer member passes through. What a retire does depends on it (rules/retire-effect.ts).
   */
  deviceEnrollmentType: z.string().optional(),
  /** Graph beta's `joinType` (`azureADJoined`, `azureADRegistered`, `hybridAzureADJoined`). */
  joinType: z.string().optional(),
  lastSyncDateTime: z.string().optional(),
  enrolledDateTime: z.string().optional(),
  userPrincipalName: z.string().optional(),
  deviceActionResults: z.array(DeviceActionResultSchema).optional(),
  /** Graph enum values this console does not know, by property (see tolerant-enum.ts). */
  unrecognized: UnrecognizedValuesSchema.optional(),
});
export type ManagedDevice = z.infer<typeof ManagedDeviceSchema>;

export const ManagedDeviceListSchema = z.object({ items: z.array(ManagedDeviceSchema) });
export type ManagedDeviceList = z.infer<typeof ManagedDeviceListSchema>;

/** A VPP license the user holds: which app, and a user or a device license. */
export const UserVppLicenseSchema = z.object({
  appId: z.string(),
  appDisplayName: z.string(),
  kind: AssignedLicenseKindSchema,
  managedDeviceId: z.string().optional(),
  deviceName: z.string().optional(),
});
export type UserVppLicense = z.infer<typeof UserVppLicenseSchema>;

export const UserVppLicenseListSchema = z.object({
  items: z.array(UserVppLicenseSchema),
  /** How many iOS VPP apps were read to answer (the cost of this view). */
  appsScanned: z.number().int(),
});
export type UserVppLicenseList = z.infer<typeof UserVppLicenseListSchema>;

export const RetireAllDevicesRequestSchema = z
  .object({
    /** Typed by the agent; must equal the user's UPN as Graph returns it (case-insensitive). */
    confirmUserPrincipalName: freeText(z.string().max(1024)),
    /**
     * The devices the agent was shown in the dialog. Graph retires whatever the user has when it
     * acts, so when this list no longer matches the user's devices the BFF refuses (409) and
     * sends nothing: the agent reviews the new list. The console always sends it.
     */
    confirmDeviceIds: z.array(GraphIdSchema).max(1000).optional(),
    reason: ReasonSchema,
  })
  .strict();
export type RetireAllDevicesRequest = z.infer<typeof RetireAllDevicesRequestSchema>;

/**
 * `POST /api/users/:id/offboard` and `/revoke-all-licenses` (ADR 0030). What the agent was shown
 * travels with the request: when the user's devices or licenses changed since, the BFF refuses
 * (409) and sends nothing.
 */
export const OffboardRequestSchema = z
  .object({
    /** Typed by the agent; must equal the user's UPN as Graph returns it (case-insensitive). */
    confirmUserPrincipalName: freeText(z.string().max(1024)),
    /** The devices the dialog listed (offboard only; ignored by revoke-all-licenses). */
    confirmDeviceIds: z.array(GraphIdSchema).max(1000).optional(),
    /** How many licenses the dialog listed. */
    confirmLicenseCount: z.number().int().min(0).max(100_000).optional(),
    /** Tell the devices to remove the apps now (Graph's `notifyManagedDevices`). */
    notifyManagedDevices: z.boolean().default(false),
    reason: ReasonSchema,
  })
  .strict();
export type OffboardRequest = z.infer<typeof OffboardRequestSchema>;

/**
 * `POST /api/users/:id/retire-selected-devices` (ADR 0031): the devices the agent ticked on the
 * user's page, each retired by its own `managedDevices/{id}/retire`. Every id must be a managed
 * device of this user (else 422 naming it, nothing sent); the UPN is typed as for retire-all.
 */
export const RetireSelectedDevicesRequestSchema = z
  .object({
    /** The selected devices (at least one; duplicates count once). */
    deviceIds: z.array(GraphIdSchema).min(1).max(100),
    /** Typed by the agent; must equal the user's UPN as Graph returns it (case-insensitive). */
    confirmUserPrincipalName: freeText(z.string().max(1024)),
    reason: ReasonSchema,
  })
  .strict();
export type RetireSelectedDevicesRequest = z.infer<typeof RetireSelectedDevicesRequestSchema>;
