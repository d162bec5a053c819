import { z } from "zod";
import { ActionListSchema, ActionRecordSchema } from "./actions/action-record.js";
import { appRevokeAllLicenses } from "./actions/kinds/app-revoke-all-licenses.js";
import { appRevokeDeviceLicense } from "./actions/kinds/app-revoke-device-license.js";
import { appRevokeLicensesBulk } from "./actions/kinds/app-revoke-licenses-bulk.js";
import { appRevokeUserLicense } from "./actions/kinds/app-revoke-user-license.js";
import { enrollmentProfileCreateToken } from "./actions/kinds/enrollment-profile-create-token.js";
import { enrollmentProfileReplaceToken } from "./actions/kinds/enrollment-profile-replace-token.js";
import { enrollmentProfileRevokeToken } from "./actions/kinds/enrollment-profile-revoke-token.js";
import { deviceRetire } from "./actions/kinds/device-retire.js";
import { deviceSync } from "./actions/kinds/device-sync.js";
import { deviceWipe } from "./actions/kinds/device-wipe.js";
import { userOffboard } from "./actions/kinds/user-offboard.js";
import { userRevokeAllLicenses } from "./actions/kinds/user-revoke-all-licenses.js";
import { userRetireAllDevices } from "./actions/kinds/user-retire-all-devices.js";
import { userRetireSelectedDevices } from "./actions/kinds/user-retire-selected-devices.js";
import { vppTokenRevokeLicenses } from "./actions/kinds/vpp-token-revoke-licenses.js";
import { vppTokenSyncLicenses } from "./actions/kinds/vpp-token-sync-licenses.js";
import type { ActionKindRoute } from "./actions/action-kind.js";
import { ActionFilterSchema } from "./action-search.js";
import { AppAssignmentListSchema } from "./app-assignments.js";
import { ClientConfigSchema } from "./client-config.js";
import {
  EnrollmentProfileListSchema,
  EnrollmentProfileParamsSchema,
  RevealedTokenSchema,
} from "./enrollment-profiles.js";
import { DeviceDetailSchema, DeviceParamsSchema } from "./devices.js";
import { ConsoleEventSchema } from "./events.js";
import { HealthSchema } from "./health.js";
import {
  AssignedLicenseExportQuerySchema,
  AssignedLicenseListQuerySchema,
  AssignedLicenseListSchema,
  IosVppAppListQuerySchema,
  IosVppAppListSchema,
  IosVppAppParamsSchema,
  IosVppAppSchema,
} from "./ios-vpp-apps.js";
import { MeSchema } from "./me.js";
import { OpenApiDocumentSchema } from "./openapi.js";
import { NotReadyProblemSchema, ReadinessSchema } from "./readiness.js";
import { ReclaimableLicenseReportSchema } from "./reclaimable-licenses.js";
import { defineRoute } from "./route.js";
import {
  ManagedDeviceListSchema,
  UserDetailSchema,
  UserParamsSchema,
  UserSearchQuerySchema,
  UserSearchResultSchema,
  UserVppLicenseListSchema,
} from "./users.js";
import { VppTokenDetailSchema, VppTokenListSchema, VppTokenParamsSchema } from "./vpp-tokens.js";

/** `GET /api/actions`: newest first; `cursor` is the last id of the previous page. */
export const ActionListQuerySchema = ActionFilterSchema.extend({
  cursor: z.uuid().optional(),
  limit: z.number().int().min(1).max(200).optional(),
}).strict();
export type ActionListQuery = z.infer<typeof ActionListQuerySchema>;

export const ActionParamsSchema = z.object({ id: z.uuid() }).strict();

/** A kind's route as an entry of the table: it answers 202 with the action record. */
const actionRoute = <R extends ActionKindRoute>({ route }: { route: R }) =>
  defineRoute({
    method: route.method,
    path: route.path,
    params: route.params,
    ...(route.body === undefined ? {} : { body: route.body }),
    responses: { 202: ActionRecordSchema },
  } as {
    method: R["method"];
    path: R["path"];
    params: R["params"];
    body: NonNullable<R["body"]>;
    responses: { 202: typeof ActionRecordSchema };
  });

/** The BFF's API, one entry per route. Resource issues add theirs here. */
export const api = {
  health: defineRoute({ method: "GET", path: "/api/health", responses: { 200: HealthSchema } }),
  /** Readiness: the journal store, the tenant's OIDC metadata (and Redis when configured). */
  ready: defineRoute({
    method: "GET",
    path: "/api/ready",
    responses: { 200: ReadinessSchema, 503: NotReadyProblemSchema },
  }),
  /** This table as OpenAPI 3.1 (generated from these schemas; public). */
  openApi: defineRoute({
    method: "GET",
    path: "/api/openapi.json",
    responses: { 200: OpenApiDocumentSchema },
  }),
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
  revokeVppLicenses: actionRoute(vppTokenRevokeLicenses),
  /** Requires `Idempotency-Key`. */
  syncVppLicenses: actionRoute(vppTokenSyncLicenses),

  /** The journal: the caller's own records, or everyone's with Activity.ReadAll. */
  actions: defineRoute({
    method: "GET",
    path: "/api/actions",
    query: ActionListQuerySchema,
    responses: { 200: ActionListSchema },
  }),
  /**
   * Listed before `action` (its `:id` would match `export.csv`). CSV (`text/csv`), not JSON, streamed: one line per record, or per item of a bulk run
   * (columns: ACTION_EXPORT_COLUMNS). The same filters as `actions`, no cursor or limit.
   */
  actionsExportCsv: defineRoute({
    method: "GET",
    path: "/api/actions/export.csv",
    query: ActionFilterSchema,
    responses: { 200: z.string() },
  }),
  /** The same records as JSON Lines (`application/x-ndjson`): one whole record per line. */
  actionsExportJsonl: defineRoute({
    method: "GET",
    path: "/api/actions/export.jsonl",
    query: ActionFilterSchema,
    responses: { 200: z.string() },
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
  retireAllDevices: actionRoute(userRetireAllDevices),
  /**
   * Requires `Idempotency-Key`, Devices.Retire and Licenses.Revoke; the UPN typed. Refused (409,
   * nothing sent) while a device would be reset or cannot be retired, or the devices changed.
   */
  offboardUser: actionRoute(userOffboard),
  /** Requires `Idempotency-Key` and Licenses.Revoke; the UPN typed. One item per license. */
  revokeAllUserLicenses: actionRoute(userRevokeAllLicenses),
  /**
   * Requires `Idempotency-Key` and Devices.Retire; the UPN typed. Every id a managed device of
   * this user (else 422 naming it); refused (409) while a selected device would be reset, cannot
   * be retired or is already being retired. One item, one Graph retire, per device.
   */
  retireSelectedDevices: actionRoute(userRetireSelectedDevices),

  /** One managed device (beta: its enrollment type), its primary user and its VPP licenses. */
  device: defineRoute({
    method: "GET",
    path: "/api/devices/:id",
    params: DeviceParamsSchema,
    responses: { 200: DeviceDetailSchema },
  }),
  /**
   * Requires `Idempotency-Key` and Devices.Retire. Refused (409, nothing sent) where Graph
   * refuses; where retiring resets the device, also Devices.Wipe and `confirmDevice`.
   */
  retireDevice: actionRoute(deviceRetire),
  /** Requires `Idempotency-Key` and Devices.Retire; not destructive. */
  syncDevice: actionRoute(deviceSync),
  /** Requires `Idempotency-Key`, Devices.Wipe and `confirmDevice` (the serial number). */
  wipeDevice: actionRoute(deviceWipe),

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
  revokeEnrollmentToken: actionRoute(enrollmentProfileRevokeToken),
  /** Requires `Idempotency-Key`. */
  createEnrollmentToken: actionRoute(enrollmentProfileCreateToken),
  /** Requires `Idempotency-Key`; revoke (if any) then create, one record with `steps`. */
  replaceEnrollmentToken: actionRoute(enrollmentProfileReplaceToken),

  /**
   * VPP licenses held by disabled or deleted users and by devices Intune no longer manages,
   * grouped by token and app (issue #18, 3). Revoked through `revokeAppLicensesBulk`, per app.
   */
  reclaimableLicenses: defineRoute({
    method: "GET",
    path: "/api/vpp-licenses/reclaimable",
    responses: { 200: ReclaimableLicenseReportSchema },
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
  /**
   * Paged: pass `cursor` back for the next page; `search` is a UPN or device-name prefix or a
   * device's serial number.
   */
  appLicenses: defineRoute({
    method: "GET",
    path: "/api/apps/:id/licenses",
    params: IosVppAppParamsSchema,
    query: AssignedLicenseListQuerySchema,
    responses: { 200: AssignedLicenseListSchema },
  }),
  /**
   * CSV (`text/csv`), not JSON, streamed page by page from Graph (columns:
   * LICENSE_EXPORT_COLUMNS): every license the same `search` selects.
   */
  appLicensesExportCsv: defineRoute({
    method: "GET",
    path: "/api/apps/:id/licenses/export.csv",
    params: IosVppAppParamsSchema,
    query: AssignedLicenseExportQuerySchema,
    responses: { 200: z.string() },
  }),
  /** Who the app is assigned to, group names and member counts (revoke dialogs warn with it). */
  appAssignments: defineRoute({
    method: "GET",
    path: "/api/apps/:id/assignments",
    params: IosVppAppParamsSchema,
    responses: { 200: AppAssignmentListSchema },
  }),
  /** Requires `Idempotency-Key`; 404 when the user has no license of the app (nothing sent). */
  revokeUserLicense: actionRoute(appRevokeUserLicense),
  /** Requires `Idempotency-Key`; 404 when the device has no license of the app (nothing sent). */
  revokeDeviceLicense: actionRoute(appRevokeDeviceLicense),
  /** Requires `Idempotency-Key`; `confirmDisplayName` must equal the app's name (else 400). */
  revokeAllAppLicenses: actionRoute(appRevokeAllLicenses),
  /**
   * Requires `Idempotency-Key`. Answers 202 at once with one record listing every license as
   * `items` (`queued`); a queue then sends them within Graph's write limits, and the record's
   * `items` and `itemCounts` move as `action` events.
   */
  revokeAppLicensesBulk: actionRoute(appRevokeLicensesBulk),
} as const;
