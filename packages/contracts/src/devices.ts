import { z } from "zod";
import { ReasonSchema } from "./actions.js";
import { freeText } from "./rules/free-text.js";
import { ManagedDeviceSchema, UserVppLicenseSchema } from "./users.js";
import { GraphIdSchema } from "./vpp-tokens.js";

/**
 * One managed device (issue #14): its page, and the actions on it — retire, sync, wipe.
 * https://learn.microsoft.com/graph/api/resources/intune-devices-manageddevice?view=graph-rest-beta
 */
export const DeviceParamsSchema = z.object({ id: GraphIdSchema }).strict();
export type DeviceParams = z.infer<typeof DeviceParamsSchema>;

/** `GET /api/devices/:id`: the device, its primary user, and the VPP licenses it holds. */
export const DeviceDetailSchema = ManagedDeviceSchema.extend({
  userId: z.string().optional(),
  userDisplayName: z.string().optional(),
  /** Device licenses of iOS VPP apps held by this device (read through its primary user). */
  vppLicenses: z.array(UserVppLicenseSchema),
});
export type DeviceDetail = z.infer<typeof DeviceDetailSchema>;

/** Typed by the agent where the action resets the device: its serial (or name without one). */
const ConfirmDeviceSchema = freeText(z.string().max(1024));

/**
 * `POST /api/devices/:id/retire`. `confirmDevice` is required only where retiring resets the
 * device (rules/retire-effect.ts): the BFF checks it then, and ignores it otherwise.
 */
export const RetireDeviceRequestSchema = z
  .object({ confirmDevice: ConfirmDeviceSchema.optional(), reason: ReasonSchema })
  .strict();
export type RetireDeviceRequest = z.infer<typeof RetireDeviceRequestSchema>;

/** `POST /api/devices/:id/sync`: not destructive, no confirmation. */
export const SyncDeviceRequestSchema = z.object({ reason: ReasonSchema }).strict();
export type SyncDeviceRequest = z.infer<typeof SyncDeviceRequestSchema>;

/**
 * `POST /api/devices/:id/wipe` (Devices.Wipe). `keepEnrollmentData`: the device stays enrolled
 * in Intune after the reset (Windows); `keepUserData`: the user's files stay (Windows).
 */
export const WipeDeviceRequestSchema = z
  .object({
    confirmDevice: ConfirmDeviceSchema,
    keepEnrollmentData: z.boolean(),
    keepUserData: z.boolean(),
    reason: ReasonSchema,
  })
  .strict();
export type WipeDeviceRequest = z.infer<typeof WipeDeviceRequestSchema>;
