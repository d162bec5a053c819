import {
  ComplianceStateSchema,
  knownOr,
  ManagedDeviceOwnerTypeSchema,
  tolerantEnum,
  unrecognizedValuesOf,
  type ManagedDevice,
} from "@ihc/contracts";
import { z } from "zod";
import type { AuthenticatedUser } from "../auth/authenticated-user.js";
import { NotFoundError } from "../errors.js";
import { graphOptional, parseGraphBody } from "./graph-body.js";
import { GraphError } from "./graph-error.js";
import { getAll } from "./graph-collection.js";
import type { GraphGateway } from "./graph-gateway.js";
import { notFoundAsOurs, userPath } from "./users.js";

/**
 * A user's Intune managed devices, with only the properties the console shows. Read on beta:
 * v1.0 serves the Android Enterprise enrollment types (fully managed, dedicated,
 * corporate-owned work profile) as `unknownFutureValue`, and what a retire does depends on
 * them (rules/retire-effect.ts, ADR 0023).
 * https://learn.microsoft.com/graph/api/intune-devices-manageddevice-list?view=graph-rest-beta
 */
const PROPERTIES = [
  "id",
  "deviceName",
  "operatingSystem",
  "osVersion",
  "model",
  "manufacturer",
  "serialNumber",
  "complianceState",
  "managementState",
  "managedDeviceOwnerType",
  "deviceEnrollmentType",
  "joinType",
  "lastSyncDateTime",
  "enrolledDateTime",
  "userPrincipalName",
  "deviceActionResults",
];

const GraphDeviceActionResultSchema = z.object({
  actionName: graphOptional(z.string()),
  actionState: graphOptional(z.string()),
  startDateTime: graphOptional(z.string()),
  lastUpdatedDateTime: graphOptional(z.string()),
});

const GraphManagedDeviceSchema = z.object({
  id: z.string(),
  deviceName: graphOptional(z.string()),
  operatingSystem: graphOptional(z.string()),
  osVersion: graphOptional(z.string()),
  model: graphOptional(z.string()),
  manufacturer: graphOptional(z.string()),
  serialNumber: graphOptional(z.string()),
  complianceState: graphOptional(tolerantEnum(ComplianceStateSchema.options)),
  managementState: graphOptional(z.string()),
  managedDeviceOwnerType: graphOptional(tolerantEnum(ManagedDeviceOwnerTypeSchema.options)),
  deviceEnrollmentType: graphOptional(z.string()),
  joinType: graphOptional(z.string()),
  userId: graphOptional(z.string()),
  userDisplayName: graphOptional(z.string()),
  lastSyncDateTime: graphOptional(z.string()),
  enrolledDateTime: graphOptional(z.string()),
  userPrincipalName: graphOptional(z.string()),
  deviceActionResults: graphOptional(z.array(GraphDeviceActionResultSchema)),
});
type GraphManagedDevice = z.output<typeof GraphManagedDeviceSchema>;

/** Intune answers empty strings for a serial or model it does not know: shown as absent. */
const text = (value: string | undefined): string | undefined =>
  value === undefined || value.trim() === "" ? undefined : value;

const toManagedDevice = (d: GraphManagedDevice): ManagedDevice => {
  const device: ManagedDevice = {
    id: d.id,
    deviceName: text(d.deviceName) ?? d.id,
    managementState: d.managementState ?? "managed",
    operatingSystem: text(d.operatingSystem),
    osVersion: text(d.osVersion),
    model: text(d.model),
    manufacturer: text(d.manufacturer),
    serialNumber: text(d.serialNumber),
    // Both enums have `unknown`: a newer member reads as it, and is kept in `unrecognized`.
    complianceState: knownOr(d.complianceState, "unknown"),
    managedDeviceOwnerType: knownOr(d.managedDeviceOwnerType, "unknown"),
    unrecognized: unrecognizedValuesOf({
      complianceState: d.complianceState,
      managedDeviceOwnerType: d.managedDeviceOwnerType,
    }),
    deviceEnrollmentType: text(d.deviceEnrollmentType),
    joinType: text(d.joinType),
    lastSyncDateTime: d.lastSyncDateTime,
    enrolledDateTime: d.enrolledDateTime,
    userPrincipalName: text(d.userPrincipalName),
    deviceActionResults: (d.deviceActionResults ?? []).map((r) => ({
      actionName: r.actionName ?? "",
      actionState: r.actionState ?? "none",
      startDateTime: r.startDateTime,
      lastUpdatedDateTime: r.lastUpdatedDateTime,
    })),
  };
  return Object.fromEntries(
    Object.entries(device).filter(([, value]) => value !== undefined),
  ) as ManagedDevice;
};

/** Every managed device of the user (all pages); an unknown user is a NotFoundError. */
export const listUserDevices = async (
  graph: GraphGateway,
  user: AuthenticatedUser,
  userId: string,
): Promise<ManagedDevice[]> => {
  try {
    return (
      await getAll(graph, user, `${userPath(userId)}/managedDevices`, GraphManagedDeviceSchema, {
        version: "beta",
        query: { $select: PROPERTIES.join(","), $top: 999 },
      })
    ).map(toManagedDevice);
  } catch (error) {
    throw notFoundAsOurs(error, userId);
  }
};

export const managedDevicePath = (id: string): string =>
  `/deviceManagement/managedDevices/${encodeURIComponent(id)}`;

/** One managed device with its primary user (beta, as above); unknown is a NotFoundError. */
export const getManagedDevice = async (
  graph: GraphGateway,
  user: AuthenticatedUser,
  id: string,
): Promise<ManagedDevice & { userId?: string; userDisplayName?: string }> => {
  try {
    const response = await graph.get(user, managedDevicePath(id), {
      version: "beta",
      query: { $select: [...PROPERTIES, "userId", "userDisplayName"].join(",") },
    });
    const device = parseGraphBody(GraphManagedDeviceSchema, response.body);
    const userId = text(device.userId);
    const userDisplayName = text(device.userDisplayName);
    return {
      ...toManagedDevice(device),
      ...(userId === undefined ? {} : { userId }),
      ...(userDisplayName === undefined ? {} : { userDisplayName }),
    };
  } catch (error) {
    throw error instanceof GraphError && error.status === 404
      ? new NotFoundError(`No managed device with id ${id} exists in Intune.`)
      : error;
  }
};

/**
 * A single-device retire watcher's read: the device's state, or an empty map once it has left
 * Intune (404).
 */
export const readDeviceRetireSnapshot = async (
  graph: GraphGateway,
  user: AuthenticatedUser,
  deviceId: string,
): Promise<Map<string, { managementState: string; retireStartedAt: string | undefined }>> => {
  try {
    return new Map([
      [deviceId.toLowerCase(), retireStateOf(await getManagedDevice(graph, user, deviceId))],
    ]);
  } catch (error) {
    if (error instanceof NotFoundError) return new Map();
    throw error;
  }
};

const retireStateOf = (device: ManagedDevice) => ({
  managementState: device.managementState,
  retireStartedAt: device.deviceActionResults
    ?.filter((r) => r.actionName.toLowerCase() === "retire" && r.startDateTime !== undefined)
    .map((r) => r.startDateTime ?? "")
    .sort()
    .at(-1),
});

/** What a retire watcher needs of each device: its state and when its latest retire started. */
export const readRetireSnapshot = async (
  graph: GraphGateway,
  user: AuthenticatedUser,
  userId: string,
): Promise<Map<string, { managementState: string; retireStartedAt: string | undefined }>> =>
  new Map(
    (await listUserDevices(graph, user, userId)).map((device) => [
      device.id.toLowerCase(),
      retireStateOf(device),
    ]),
  );
