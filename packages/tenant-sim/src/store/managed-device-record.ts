import type { UserRecord } from "./user-record.js";
import type { ActionState } from "./vpp-records.js";

/**
 * An Intune managed device as the store keeps it: what varies between devices, compactly, so a
 * 50,000-user tenant stays small. The Graph JSON (`microsoft.graph.managedDevice`, with Graph's
 * enum values from shared/reference/graph-schema.json) is computed on read; hardware
 * identifiers (serial number, IMEI, MAC addresses, Entra device id, …) are drawn from
 * `hardwareSeed` on demand, so they are the same on every read and every run.
 */
export type DevicePlatform = "iOS" | "iPadOS" | "Android" | "Windows" | "macOS";

export type ComplianceState =
  | "unknown"
  | "compliant"
  | "noncompliant"
  | "conflict"
  | "error"
  | "inGracePeriod"
  | "configManager";

export type ManagementState =
  | "managed"
  | "retirePending"
  | "retireFailed"
  | "wipePending"
  | "wipeFailed"
  | "unhealthy"
  | "deletePending"
  | "retireIssued"
  | "wipeIssued"
  | "wipeCanceled"
  | "retireCanceled"
  | "discovered";

export type ManagedDeviceOwnerType = "company" | "personal";

/** `deviceEnrollmentType` members the seed uses (beta names; v1.0 lacks the Android ones). */
export type DeviceEnrollmentType =
  | "userEnrollment"
  | "appleBulkWithUser"
  | "appleBulkWithoutUser"
  | "windowsAzureADJoin"
  | "windowsAutoEnrollment"
  | "windowsCoManagement"
  | "appleAccountDrivenUserEnrollment"
  | "androidEnterpriseDedicatedDevice"
  | "androidEnterpriseFullyManaged"
  | "androidEnterpriseCorporateWorkProfile";

/** `microsoft.graph.deviceActionResult` (a complex type: no @odata.type, no id). */
export interface DeviceActionResult {
  actionName: string;
  actionState: ActionState;
  startDateTime: string;
  lastUpdatedDateTime: string;
}

export interface DeviceModel {
  manufacturer: string;
  model: string;
}

export interface ManagedDeviceRecord {
  id: string;
  /** The primary user; undefined for a userless device (a shared iPad, a kiosk). */
  user: UserRecord | undefined;
  platform: DevicePlatform;
  hardware: DeviceModel;
  osVersion: string;
  deviceName: string;
  ownerType: ManagedDeviceOwnerType;
  enrollmentType: DeviceEnrollmentType;
  complianceState: ComplianceState;
  managementState: ManagementState;
  enrolledAt: number;
  lastSyncAt: number;
  hardwareSeed: number;
  /** Replaced (never mutated in place): unchanged devices share one empty array. */
  deviceActionResults: readonly DeviceActionResult[];
}

export const noDeviceActionResults: readonly DeviceActionResult[] = Object.freeze([]);
