import { z } from "zod";
import { freeText } from "./rules/free-text.js";
import { UnrecognizedValuesSchema } from "./tolerant-enum.js";

/** Every destructive action the console can take; one journal record each. */
export const ActionKinds = [
  "vpp-token.revoke-licenses",
  "vpp-token.sync-licenses",
  "app.revoke-user-license",
  "app.revoke-device-license",
  "app.revoke-all-licenses",
  "app.revoke-licenses-bulk",
  "enrollment-profile.revoke-token",
  "enrollment-profile.create-token",
  /** Revoke (when there is a token) then create: one record, a step per Graph call. */
  "enrollment-profile.replace-token",
  /** Not a change: an agent was shown a token's value. Journaled so the reveal is audited. */
  "enrollment-profile.reveal-token",
  "user.retire-all-devices",
  /** One device: retire, sync (check in now), wipe (factory reset). */
  "device.retire",
  "device.sync",
  "device.wipe",
  /** A leaver: retire each device and revoke every VPP license, one item per call (ADR 0030). */
  "user.offboard",
  /** Every VPP license a user and their devices hold, across apps, one item per license. */
  "user.revoke-all-licenses",
  /** The devices an agent selected on a user's page, one retire item each (ADR 0031). */
  "user.retire-selected-devices",
] as const;
export const ActionKindSchema = z.enum(ActionKinds);
export type ActionKind = z.infer<typeof ActionKindSchema>;

/**
 * Where the Graph call stands. `unknown`: the POST timed out, the connection dropped or Graph
 * answered 5xx — it may or may not have happened; it is never retried blindly, only
 * reconciled by reading state (DESIGN §1: Graph has no idempotency key).
 */
export const ActionStates = ["accepted", "sent", "succeeded", "failed", "unknown"] as const;
export const ActionStateSchema = z.enum(ActionStates);
export type ActionState = z.infer<typeof ActionStateSchema>;

export const ActorSchema = z.object({
  oid: z.string(),
  userPrincipalName: z.string(),
  displayName: z.string(),
});
export type Actor = z.infer<typeof ActorSchema>;

export const ActionTargetSchema = z.object({
  type: z.enum(["vppToken", "app", "enrollmentProfile", "user", "device"]),
  id: z.string(),
  displayName: z.string(),
});
export type ActionTarget = z.infer<typeof ActionTargetSchema>;

/** What Graph said about the call; `clientRequestId` is ours, set before the call. */
export const GraphOutcomeSchema = z.object({
  clientRequestId: z.string(),
  requestId: z.string().optional(),
  status: z.number().int().optional(),
  code: z.string().optional(),
  message: z.string().optional(),
});
export type GraphOutcome = z.infer<typeof GraphOutcomeSchema>;

/** Graph's `actionState` enum (DESIGN §1, S5). */
export const GraphActionStates = [
  "none",
  "pending",
  "canceled",
  "active",
  "done",
  "failed",
  "notSupported",
] as const;
export const GraphActionStateSchema = z.enum(GraphActionStates);
export type GraphActionState = z.infer<typeof GraphActionStateSchema>;
export const isTerminalGraphActionState = (s: GraphActionState): boolean =>
  s === "done" || s === "failed" || s === "canceled" || s === "notSupported";

export const VppTokenActionFailureReasons = [
  "none",
  "appleFailure",
  "internalError",
  "expiredVppToken",
  "expiredApplePushNotificationCertificate",
] as const;
export const VppTokenActionFailureReasonSchema = z.enum(VppTokenActionFailureReasons);
export type VppTokenActionFailureReason = z.infer<typeof VppTokenActionFailureReasonSchema>;

/** Progress of a long-running revoke as Graph reports it, plus what the BFF measured. */
export const ActionProgressSchema = z.object({
  actionState: GraphActionStateSchema,
  /** Licenses attempted so far (Graph's `totalLicensesCount`). */
  attemptedCount: z.number().int(),
  failedCount: z.number().int(),
  /** Licenses in use before the revoke started, for "N of M". */
  totalBefore: z.number().int().optional(),
  failureReason: VppTokenActionFailureReasonSchema.optional(),
  startDateTime: z.string().optional(),
  lastUpdatedDateTime: z.string().optional(),
  /** Set when the watcher gave up waiting for a terminal state. */
  watchTimedOut: z.boolean().optional(),
  /** Graph enum values this console does not know, by property (see tolerant-enum.ts). */
  unrecognized: UnrecognizedValuesSchema.optional(),
});
export type ActionProgress = z.infer<typeof ActionProgressSchema>;

/**
 * One Graph call of an action that makes several, in order (e.g. revoke then create). A step is
 * listed once it is about to be sent; the record stops at the first step that did not succeed,
 * and no step is ever sent twice.
 */
export const ActionStepSchema = z.object({
  name: z.string(),
  state: ActionStateSchema,
  graph: GraphOutcomeSchema,
});
export type ActionStep = z.infer<typeof ActionStepSchema>;

/**
 * One item of an action about many things.
 * - A license of a bulk revoke (`app.revoke-licenses-bulk`): `queued` until it is sent, `sent`
 *   while its Graph call is out, then `succeeded`, `failed` (Graph refused, or reconciliation
 *   proved it did not happen) or `unknown` (5xx or a lost answer: reconciled by reading the
 *   licenses, never resent). An item is sent at most once per record.
 * - A device of a retire (`user.retire-all-devices`, one Graph call for all of them): `queued`
 *   before the call, `sent` once Graph accepted it (the device is being retired), `succeeded`
 *   when the device has left the user's devices, `failed` when Graph refused the call, the
 *   device shows `retireFailed`, or reconciliation proved an `unknown` call did not happen.
 */
export const BulkItemStates = ["queued", "sent", "succeeded", "failed", "unknown"] as const;
export const BulkItemStateSchema = z.enum(BulkItemStates);
export type BulkItemState = z.infer<typeof BulkItemStateSchema>;

export const BulkItemSchema = z.object({
  /** `user:<userId>` or `device:<managedDeviceId>`, lower-case: unique within the record. */
  key: z.string(),
  kind: z.enum(["user", "device"]),
  /** The userId or managedDeviceId. */
  id: z.string(),
  /** The user's UPN or the device's name, as Graph showed them when the action was accepted. */
  label: z.string().optional(),
  state: BulkItemStateSchema,
  graph: GraphOutcomeSchema.optional(),
  sentAt: z.string().optional(),
  /**
   * Retire all devices (`user.retire-all-devices`) only: the device's `managementState` as the
   * BFF last read it (`managed`, `retirePending`, …); absent once the device has left Intune.
   */
  managementState: z.string().optional(),
  /**
   * Offboarding (`user.offboard`, `user.revoke-all-licenses`) and selected retires only, whose items span apps and
   * devices: `retire` (the device is retired) or `revokeLicense` (absent: a license revoke).
   */
  operation: z.enum(["revokeLicense", "retire"]).optional(),
  /** Offboarding only: the app whose license this item revokes, and its name. */
  appId: z.string().optional(),
  appName: z.string().optional(),
});
export type BulkItem = z.infer<typeof BulkItemSchema>;

/** Progress of a bulk action: how many items are in each state. */
export const BulkItemCountsSchema = z.object({
  total: z.number().int(),
  queued: z.number().int(),
  sent: z.number().int(),
  succeeded: z.number().int(),
  failed: z.number().int(),
  unknown: z.number().int(),
});
export type BulkItemCounts = z.infer<typeof BulkItemCountsSchema>;

/**
 * Who or what an action is about within its target, as Graph showed them when it was accepted,
 * kept in the journal so a record still names them after a reload: the user whose license is
 * revoked (UPN and name), the device (name and serial), each license of a bulk run, each device
 * of a retire.
 */
export const ActionSubjectSchema = z.object({
  type: z.enum(["user", "device"]),
  /** The userId or managedDeviceId. */
  id: z.string(),
  userPrincipalName: z.string().optional(),
  displayName: z.string().optional(),
  deviceName: z.string().optional(),
  serialNumber: z.string().optional(),
  /** A device of a retire: what the retire does to it (rules/retire-effect.ts). */
  retireEffect: z.string().optional(),
});
export type ActionSubject = z.infer<typeof ActionSubjectSchema>;

/** Every field of a record but `kind` and `parameters`, which each kind types (action-record.ts). */
export const ActionRecordFieldsSchema = z.object({
  id: z.uuid(),
  idempotencyKey: z.uuid(),
  actor: ActorSchema,
  target: ActionTargetSchema,
  /** Who or what within the target (absent on records written before issue #12). */
  subjects: z.array(ActionSubjectSchema).optional(),
  reason: z.string().optional(),
  state: ActionStateSchema,
  /** The Graph call's outcome; for a multi-step action, the last step sent. */
  graph: GraphOutcomeSchema.optional(),
  /** Only for actions that make several Graph calls (replace-token). */
  steps: z.array(ActionStepSchema).optional(),
  progress: ActionProgressSchema.optional(),
  /** Only for bulk actions: every item and its outcome. */
  items: z.array(BulkItemSchema).optional(),
  /** Only for bulk actions: the progress, counted from `items`. */
  itemCounts: BulkItemCountsSchema.optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  sentAt: z.string().optional(),
  completedAt: z.string().optional(),
  /**
   * Why the record waits before its next Graph call, and until when (issue #12, 5): the SPA
   * says "Intune is throttling writes; retrying in 12 s". Cleared when the call is sent.
   */
  waiting: z.object({ reason: z.enum(["throttled", "writeBudget"]), until: z.string() }).optional(),
  /**
   * When the BFF last read Graph to follow or settle this record (issue #12, 5): the SPA shows
   * "checking… · last checked 10 s ago" while the outcome is not known.
   */
  lastCheckedAt: z.string().optional(),
  /**
   * A single license this record revoked was seen assigned again afterwards (issue #15, 3):
   * Intune re-licensed it from a Required or Available assignment. The revoke happened, and the
   * license is held again: the SPA shows "re-assigned", never "revoked".
   */
  reassignedAt: z.string().optional(),
});

/** A reason the agent may give for the record (ticket number, who asked). */
export const ReasonSchema = freeText(z.string().trim().max(500)).optional();

export const IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
