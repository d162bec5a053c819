import { z } from "zod";
import { ActionListSchema, ActionRecordSchema } from "./actions.js";
import { ClientConfigSchema } from "./client-config.js";
import {
  CreateEnrollmentTokenRequestSchema,
  EnrollmentProfileListSchema,
  EnrollmentProfileParamsSchema,
  ReplaceEnrollmentTokenRequestSchema,
  RevealedTokenSchema,
  RevokeEnrollmentTokenRequestSchema,
} from "./enrollment-profiles.js";
import { ConsoleEventSchema } from "./events.js";
import { HealthSchema } from "./health.js";
import {
  AssignedLicenseListQuerySchema,
  AssignedLicenseListSchema,
  IosVppAppListQuerySchema,
  IosVppAppListSchema,
  IosVppAppParamsSchema,
  IosVppAppSchema,
  RevokeAllAppLicensesRequestSchema,
  RevokeDeviceLicenseRequestSchema,
  RevokeLicensesBulkRequestSchema,
  RevokeUserLicenseRequestSchema,
} from "./ios-vpp-apps.js";
import { MeSchema } from "./me.js";
import { defineRoute } from "./route.js";
import {
  ManagedDeviceListSchema,
  RetireAllDevicesRequestSchema,
  UserDetailSchema,
  UserParamsSchema,
  UserSearchQuerySchema,
  UserSearchResultSchema,
  UserVppLicenseListSchema,
} from "./users.js";
import {
  RevokeVppLicensesRequestSchema,
  SyncVppLicensesRequestSchema,
  VppTokenDetailSchema,
  VppTokenListSchema,
  VppTokenParamsSchema,
} from "./vpp-tokens.js";

/** `GET /api/actions`: newest first; `cursor` is the last id of the previous page. */
export const ActionListQuerySchema = z
  .object({
    cursor: z.uuid().optional(),
    targetId: z.string().max(100).optional(),
    limit: z.number().int().min(1).max(200).optional(),
  })
  .strict();
export type ActionListQuery = z.infer<typeof ActionListQuerySchema>;

export const ActionParamsSchema = z.object({ id: z.uuid() }).strict();

/** The BFF's API, one entry per route. Resource issues add theirs here. */
export const api = {
  health: defineRoute({ method: "GET", path: "/api/health", responses: { 200: HealthSchema } }),
  clientConfig: defineRoute({
    method: "GET",
    path: "/api/client-config",
    responses: { 200: ClientConfigSchema },
  }),
  me: defineRoute({ method: "GET", path: "/api/me", responses: { 200: MeSchema } }),

  vppTokens: defineRoute({
    method: "GET",
    path: "/api/vpp-tokens",
    responses: { 200: VppTokenListSchema },
  }),
  vppToken: defineRoute({
    method: "GET",
    path: "/api/vpp-tokens/:id",
    params: VppTokenParamsSchema,
    responses: { 200: VppTokenDetailSchema },
  }),
  /** Requires `Idempotency-Key`; `confirmDisplayName` must equal the token's name (else 400). */
  revokeVppLicenses: defineRoute({
    method: "POST",
    path: "/api/vpp-tokens/:id/revoke-licenses",
    params: VppTokenParamsSchema,
    body: RevokeVppLicensesRequestSchema,
    responses: { 202: ActionRecordSchema },
  }),
  /** Requires `Idempotency-Key`. */
  syncVppLicenses: defineRoute({
    method: "POST",
    path: "/api/vpp-tokens/:id/sync-licenses",
    params: VppTokenParamsSchema,
    body: SyncVppLicensesRequestSchema,
    responses: { 202: ActionRecordSchema },
  }),

  /** The journal: the caller's own records, or everyone's with Activity.ReadAll. */
  actions: defineRoute({
    method: "GET",
    path: "/api/actions",
    query: ActionListQuerySchema,
    responses: { 200: ActionListSchema },
  }),
  action: defineRoute({
    method: "GET",
    path: "/api/actions/:id",
    params: ActionParamsSchema,
    responses: { 200: ActionRecordSchema },
  }),
  /**
   * Server-Sent Events (`text/event-stream`), not JSON: each `data:` line holds one
   * `ConsoleEvent`; events other than heartbeats carry an `id:` to resume from with
   * `Last-Event-ID`.
   */
  events: defineRoute({
    method: "GET",
    path: "/api/events",
    responses: { 200: ConsoleEventSchema },
  }),

  /** Search is required: a large tenant is never listed whole. */
  users: defineRoute({
    method: "GET",
    path: "/api/users",
    query: UserSearchQuerySchema,
    responses: { 200: UserSearchResultSchema },
  }),
  user: defineRoute({
    method: "GET",
    path: "/api/users/:id",
    params: UserParamsSchema,
    responses: { 200: UserDetailSchema },
  }),
  userDevices: defineRoute({
    method: "GET",
    path: "/api/users/:id/devices",
    params: UserParamsSchema,
    responses: { 200: ManagedDeviceListSchema },
  }),
  userVppLicenses: defineRoute({
    method: "GET",
    path: "/api/users/:id/vpp-licenses",
    params: UserParamsSchema,
    responses: { 200: UserVppLicenseListSchema },
  }),
  /**
   * Requires `Idempotency-Key` and Devices.Retire; `confirmUserPrincipalName` must equal the
   * user's UPN (else 400, nothing sent); a user with no devices is a 409 `conflict`.
   */
  retireAllDevices: defineRoute({
    method: "POST",
    path: "/api/users/:id/retire-all-devices",
    params: UserParamsSchema,
    body: RetireAllDevicesRequestSchema,
    responses: { 202: ActionRecordSchema },
  }),

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

  /** iOS VPP apps only; `search` and `vppTokenId` filter, the SPA sorts. */
  apps: defineRoute({
    method: "GET",
    path: "/api/apps",
    query: IosVppAppListQuerySchema,
    responses: { 200: IosVppAppListSchema },
  }),
  /** 404 for an unknown app; 400 for an app that is not an iOS VPP app. */
  app: defineRoute({
    method: "GET",
    path: "/api/apps/:id",
    params: IosVppAppParamsSchema,
    responses: { 200: IosVppAppSchema },
  }),
  /** Paged: pass `cursor` back for the next page; `search` is a UPN prefix. */
  appLicenses: defineRoute({
    method: "GET",
    path: "/api/apps/:id/licenses",
    params: IosVppAppParamsSchema,
    query: AssignedLicenseListQuerySchema,
    responses: { 200: AssignedLicenseListSchema },
  }),
  /** Requires `Idempotency-Key`; 404 when the user has no license of the app (nothing sent). */
  revokeUserLicense: defineRoute({
    method: "POST",
    path: "/api/apps/:id/revoke-user-license",
    params: IosVppAppParamsSchema,
    body: RevokeUserLicenseRequestSchema,
    responses: { 202: ActionRecordSchema },
  }),
  /** Requires `Idempotency-Key`; 404 when the device has no license of the app (nothing sent). */
  revokeDeviceLicense: defineRoute({
    method: "POST",
    path: "/api/apps/:id/revoke-device-license",
    params: IosVppAppParamsSchema,
    body: RevokeDeviceLicenseRequestSchema,
    responses: { 202: ActionRecordSchema },
  }),
  /** Requires `Idempotency-Key`; `confirmDisplayName` must equal the app's name (else 400). */
  revokeAllAppLicenses: defineRoute({
    method: "POST",
    path: "/api/apps/:id/revoke-all-licenses",
    params: IosVppAppParamsSchema,
    body: RevokeAllAppLicensesRequestSchema,
    responses: { 202: ActionRecordSchema },
  }),
  /**
   * Requires `Idempotency-Key`. Answers 202 at once with one record listing every license as
   * `items` (`queued`); a queue then sends them within Graph's write limits, and the record's
   * `items` and `itemCounts` move as `action` events.
   */
  revokeAppLicensesBulk: defineRoute({
    method: "POST",
    path: "/api/apps/:id/revoke-licenses",
    params: IosVppAppParamsSchema,
    body: RevokeLicensesBulkRequestSchema,
    responses: { 202: ActionRecordSchema },
  }),
} as const;
