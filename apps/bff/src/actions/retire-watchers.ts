import {
  isRetireFailedState,
  isRetiringState,
  type ActionProgress,
  type Actor,
  type BulkItem,
} from "@ihc/contracts";
import type { ActionJournal, ActionPatch, StoredAction } from "./action-journal.js";
import { countItems } from "./action-pipeline.js";
import { TargetWatchers, type Settlement, type TargetWatcherTuning } from "./target-watchers.js";

/** One of the user's devices as a watcher reads it. */
export interface DeviceState {
  managementState: string;
  /** When Intune started the device's latest retire, if it shows one. */
  retireStartedAt: string | undefined;
}

/** The user's devices now, by lower-case id; a device not here has left Intune. */
export type RetireSnapshot = ReadonlyMap<string, DeviceState>;

export const RETIRE_KIND = "user.retire-all-devices";

export interface RetireSettlementOptions {
  now: number;
  /** An `unknown` retire with no evidence within this window after it was sent did not happen. */
  reconcileWindowMs: number;
  /** A device's retire that started after (sentAt − skew) may be ours. */
  clockSkewMs: number;
}

const isFinal = (item: BulkItem): boolean => item.state === "succeeded" || item.state === "failed";

const withoutManagementState = ({ managementState: _gone, ...item }: BulkItem): BulkItem => item;

/**
 * Matches the user's devices to a retire record's items (the devices listed when the agent
 * confirmed): a device gone from the list is retired (`succeeded`), one `retireFailed` failed,
 * the others carry their `managementState`. An `unknown` call becomes `succeeded` on the first
 * evidence that Intune acted on it — a device that was not being retired before now is, or has
 * gone, or shows a retire started after the call — and `failed` (`notApplied`) when none appears
 * within the reconcile window. The record is final when every device is.
 */
export const settleRetire = (
  action: StoredAction,
  snapshot: RetireSnapshot,
  { now, reconcileWindowMs, clockSkewMs }: RetireSettlementOptions,
): Settlement | undefined => {
  const items = action.items ?? [];
  const sentAt = Date.parse(action.sentAt ?? action.createdAt);
  // Set inside the map below: whether any device shows that Intune acted on this call.
  const seen = { evidence: false };
  const read = items.map((item): BulkItem => {
    if (isFinal(item)) return item;
    const device = snapshot.get(item.id.toLowerCase());
    const wasRetiring = isRetiringState(item.managementState);
    if (device === undefined) {
      if (!wasRetiring) seen.evidence = true;
      return { ...withoutManagementState(item), state: "succeeded" };
    }
    const startedAfterCall =
      device.retireStartedAt !== undefined &&
      Date.parse(device.retireStartedAt) >= sentAt - clockSkewMs;
    if (startedAfterCall || (isRetiringState(device.managementState) && !wasRetiring)) {
      seen.evidence = true;
    }
    if (isRetireFailedState(device.managementState)) {
      return {
        ...item,
        state: "failed",
        managementState: device.managementState,
        graph: {
          clientRequestId: action.graph?.clientRequestId ?? "",
          code: device.managementState,
          message: "Intune could not retire this device.",
        },
      };
    }
    return { ...item, managementState: device.managementState };
  });

  let state = action.state;
  let graph = action.graph;
  if (state === "unknown" && seen.evidence) state = "succeeded";
  const notApplied = state === "unknown" && now - sentAt > reconcileWindowMs;
  if (notApplied) {
    state = "failed";
    graph = {
      ...(action.graph ?? { clientRequestId: "" }),
      code: "notApplied",
      message: "No device shows a retire started after this request: it did not happen.",
    };
  }
  const next = read.map((item): BulkItem => {
    if (isFinal(item)) return item;
    if (notApplied) return { ...item, state: "failed", ...(graph === undefined ? {} : { graph }) };
    return { ...item, state: state === "succeeded" ? "sent" : item.state };
  });

  const counts = countItems(next);
  const done = state === "failed" || next.every(isFinal);
  const progress: ActionProgress = {
    ...(action.progress ?? {}),
    actionState: done
      ? counts.succeeded === 0 && counts.total > 0
        ? "failed"
        : "done"
      : next.some((item) => isRetiringState(item.managementState))
        ? "active"
        : "pending",
    attemptedCount: counts.succeeded + counts.failed,
    failedCount: counts.failed,
    totalBefore: counts.total,
  };
  const patch: ActionPatch = {
    state,
    ...(graph === undefined ? {} : { graph }),
    items: next,
    itemCounts: counts,
    progress,
    ...(done ? { completedAt: new Date(now).toISOString() } : {}),
  };
  const changed =
    state !== action.state ||
    JSON.stringify(next) !== JSON.stringify(items) ||
    JSON.stringify(progress) !== JSON.stringify(action.progress ?? null);
  return changed || done ? { patch, done } : undefined;
};

export interface RetireWatcherOptions extends TargetWatcherTuning {
  journal: ActionJournal;
  /** Reads the user's devices from Graph with the BFF's retry policy for reads. */
  readDevices: (userId: string, actor: Actor) => Promise<RetireSnapshot>;
  reconcileWindowMs?: number;
  clockSkewMs?: number;
  onError?: (error: unknown, userId: string) => void;
  isWaiting?: (error: unknown) => boolean;
}

/**
 * One watcher per user whose devices are being retired, however many records and browsers
 * wait on it: it reads the user's devices (one Graph read per poll), settles each record's
 * items, and publishes every change as an `action` event until all are final or the watch
 * times out.
 */
export class RetireWatchers extends TargetWatchers<RetireSnapshot> {
  constructor({
    readDevices,
    reconcileWindowMs = 120_000,
    clockSkewMs = 60_000,
    ...options
  }: RetireWatcherOptions) {
    super({
      ...options,
      read: (userId, actor) => readDevices(userId, actor),
      settle: (action, snapshot, now) =>
        settleRetire(action, snapshot, { now, reconcileWindowMs, clockSkewMs }),
    });
  }
}
