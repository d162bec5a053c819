import { z } from "zod";
import { ActionRecordFieldsSchema, type ActionKind } from "../actions.js";
import type { ActionKindContract } from "./action-kind.js";
import { appRevokeAllLicenses } from "./kinds/app-revoke-all-licenses.js";
import { appRevokeDeviceLicense } from "./kinds/app-revoke-device-license.js";
import { appRevokeLicensesBulk } from "./kinds/app-revoke-licenses-bulk.js";
import { appRevokeUserLicense } from "./kinds/app-revoke-user-license.js";
import { enrollmentProfileCreateToken } from "./kinds/enrollment-profile-create-token.js";
import { enrollmentProfileReplaceToken } from "./kinds/enrollment-profile-replace-token.js";
import { enrollmentProfileRevealToken } from "./kinds/enrollment-profile-reveal-token.js";
import { enrollmentProfileRevokeToken } from "./kinds/enrollment-profile-revoke-token.js";
import { deviceRetire } from "./kinds/device-retire.js";
import { deviceSync } from "./kinds/device-sync.js";
import { deviceWipe } from "./kinds/device-wipe.js";
import { userOffboard } from "./kinds/user-offboard.js";
import { userRevokeAllLicenses } from "./kinds/user-revoke-all-licenses.js";
import { userRetireAllDevices } from "./kinds/user-retire-all-devices.js";
import { userRetireSelectedDevices } from "./kinds/user-retire-selected-devices.js";
import { vppTokenRevokeLicenses } from "./kinds/vpp-token-revoke-licenses.js";
import { vppTokenSyncLicenses } from "./kinds/vpp-token-sync-licenses.js";

/** Every kind's contract, by kind: a kind missing here is a type error. */
export const actionKindContracts = {
  "vpp-token.revoke-licenses": vppTokenRevokeLicenses,
  "vpp-token.sync-licenses": vppTokenSyncLicenses,
  "app.revoke-user-license": appRevokeUserLicense,
  "app.revoke-device-license": appRevokeDeviceLicense,
  "app.revoke-all-licenses": appRevokeAllLicenses,
  "app.revoke-licenses-bulk": appRevokeLicensesBulk,
  "enrollment-profile.revoke-token": enrollmentProfileRevokeToken,
  "enrollment-profile.create-token": enrollmentProfileCreateToken,
  "enrollment-profile.replace-token": enrollmentProfileReplaceToken,
  "enrollment-profile.reveal-token": enrollmentProfileRevealToken,
  "user.retire-all-devices": userRetireAllDevices,
  "device.retire": deviceRetire,
  "device.sync": deviceSync,
  "device.wipe": deviceWipe,
  "user.offboard": userOffboard,
  "user.revoke-all-licenses": userRevokeAllLicenses,
  "user.retire-selected-devices": userRetireSelectedDevices,
} as const satisfies { [K in ActionKind]: ActionKindContract<K> };

/**
 * A record's schema per kind, with `shape` added to each (e.g. the BFF's stored fields, or
 * `items` left out for the delta event). One list, so a union never misses a kind.
 */
export const actionRecordOptions = <S extends z.core.$ZodLooseShape>(fields: z.ZodObject<S>) => {
  // K ties each option's literal `kind` to that kind's parameters schema.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
  const of = <K extends ActionKind>(kind: K) =>
    fields.extend({
      kind: z.literal<K>(kind),
      // Indexed by a generic K, TS widens the schema to every kind's; the assertion keeps K's.
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
      parameters: actionKindContracts[kind]
        .parameters as (typeof actionKindContracts)[K]["parameters"],
    });
  return [
    of("vpp-token.revoke-licenses"),
    of("vpp-token.sync-licenses"),
    of("app.revoke-user-license"),
    of("app.revoke-device-license"),
    of("app.revoke-all-licenses"),
    of("app.revoke-licenses-bulk"),
    of("enrollment-profile.revoke-token"),
    of("enrollment-profile.create-token"),
    of("enrollment-profile.replace-token"),
    of("enrollment-profile.reveal-token"),
    of("user.retire-all-devices"),
    of("device.retire"),
    of("device.sync"),
    of("device.wipe"),
    of("user.offboard"),
    of("user.revoke-all-licenses"),
    of("user.retire-selected-devices"),
  ] as const;
};

/** One journal record, discriminated by `kind`: each kind's `parameters` are typed. */
export const ActionRecordSchema = z.discriminatedUnion(
  "kind",
  actionRecordOptions(ActionRecordFieldsSchema),
);
export type ActionRecord = z.infer<typeof ActionRecordSchema>;
export type ActionRecordOf<K extends ActionKind> = Extract<ActionRecord, { kind: K }>;
export type ActionParameters<K extends ActionKind> = ActionRecordOf<K>["parameters"];

/**
 * A record without its items and its subjects: what the `action-items` event carries besides
 * the items that changed. Subjects are written once, when the record is made (a bulk record
 * has one per item): a client keeps those of the copy it holds.
 */
export const ActionRecordWithoutItemsSchema = z.discriminatedUnion(
  "kind",
  actionRecordOptions(ActionRecordFieldsSchema.omit({ items: true, subjects: true })),
);
export type ActionRecordWithoutItems = z.infer<typeof ActionRecordWithoutItemsSchema>;

export const ActionListSchema = z.object({
  items: z.array(ActionRecordSchema),
  cursor: z.string().optional(),
});
export type ActionList = z.infer<typeof ActionListSchema>;

/** At most one open record per key (issue #12, 3): the kind and what it is about. */
export const openActionKeyOf = (record: Pick<ActionRecord, "kind" | "target" | "parameters">) => {
  const contract = actionKindContracts[record.kind] as ActionKindContract;
  return `${record.kind}|${contract.openKeyOf(record)}`;
};
