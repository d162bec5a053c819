import type { Actor } from "@ihc/contracts";
import type { Logger } from "pino";
import type { AuthenticatedUser } from "../auth/authenticated-user.js";
import { getRevokeResults } from "../graph/ios-vpp-apps.js";
import { readLicensePresence } from "../graph/license-presence.js";
import { readDeviceRetireSnapshot, readRetireSnapshot } from "../graph/managed-devices.js";
import { getEnrollmentProfile } from "../graph/enrollment-profiles.js";
import { getVppToken } from "../graph/vpp-tokens.js";
import type { GraphGateway } from "../graph/graph-gateway.js";
import type { ActionJournal } from "./action-journal.js";
import { ActionPipeline } from "./action-pipeline.js";
import { AppRevokeWatchers, type AppRevokeWatcherOptions } from "./app-revoke-watchers.js";
import { BulkRevokeQueue } from "./bulk-revoke-queue.js";
import { EnrollmentTokenWatchers } from "./enrollment-token-watchers.js";
import { InProcessEventBus, type EventBus } from "./event-bus.js";
import { EventStreams, type EventStreamOptions } from "./event-stream.js";
import { IdentityPool } from "./identity-pool.js";
import { PublishingActionJournal } from "./publishing-action-journal.js";
import { RetireWatchers } from "./retire-watchers.js";
import { VppRevokeWatchers, type VppRevokeWatcherOptions } from "./vpp-revoke-watchers.js";
import { takeOverOpenWork } from "./take-over-open-work.js";
import type { WorkLeases } from "./work-leases.js";
import { WriteBudget, type AppWriteBudget } from "./write-budget.js";

/** Nobody who may read the console has a live token here yet (e.g. just after a restart). */
export class NoIdentityError extends Error {
  override readonly name = "NoIdentityError";
  constructor() {
    super("Waiting for a signed-in user to read Graph on behalf of.");
  }
}

export interface ActionServices {
  journal: ActionJournal;
  bus: EventBus;
  identities: IdentityPool;
  pipeline: ActionPipeline;
  vppWatchers: VppRevokeWatchers;
  appWatchers: AppRevokeWatchers;
  /** Follow each device of a retire-all-devices until it has left Intune. */
  retireWatchers: RetireWatchers;
  /** Follow a single device's retire (`device.retire`) until it has left Intune. */
  deviceRetireWatchers: RetireWatchers;
  /** Settles `unknown` enrollment-token actions from the profile (ADR 0007). */
  enrollmentWatchers: EnrollmentTokenWatchers;
  /** Intune's applications write limit, shared by the bulk queue and single app revokes. */
  appWriteBudget: AppWriteBudget;
  bulkRevokes: BulkRevokeQueue;
  /** Every open `GET /api/events` stream. */
  streams: EventStreams;
  /** With several instances (Redis): who runs which piece of work. */
  leases?: WorkLeases | undefined;
  /**
   * Stops every background loop (shutdown, tests) and resolves once none of them can write to
   * the journal any more: the journal closes after this.
   */
  stop(): Promise<void>;
}

export type WatcherTuning = Pick<
  VppRevokeWatcherOptions,
  "pollMs" | "maxPollMs" | "maxBackoffMs" | "reconcileWindowMs" | "clockSkewMs"
> &
  Pick<AppRevokeWatcherOptions, "reassignWatchMs">;

/** The action pipeline and what runs beside it, wired once per BFF process. */
export const createActionServices = ({
  journal: store,
  graph,
  logger,
  watcherTuning,
  appWriteBudget = { writes: 100, windowSeconds: 20 },
  eventStreams,
  shared,
}: {
  /** Shared by several instances (Redis, ADR 0020); in-process when absent. */
  shared?: {
    bus: EventBus;
    appWriteBudget: AppWriteBudget;
    leases: WorkLeases;
    close(): Promise<void>;
  };
  eventStreams?: EventStreamOptions;
  journal: ActionJournal;
  graph: GraphGateway;
  logger: Logger;
  watcherTuning?: WatcherTuning;
  appWriteBudget?: { writes: number; windowSeconds: number };
}): ActionServices => {
  const bus = shared?.bus ?? new InProcessEventBus();
  const journal = new PublishingActionJournal(store, bus);
  const identities = new IdentityPool();
  const pipeline = new ActionPipeline({ journal, graph, logger, leases: shared?.leases });
  /** Background reads go as the action's actor if they are here, else as anyone who is. */
  const reader = (actor: Actor): Promise<AuthenticatedUser> => {
    const user = identities.pick(actor.oid);
    return user ? Promise.resolve(user) : Promise.reject(new NoIdentityError());
  };
  const isWaiting = (error: unknown) => error instanceof NoIdentityError;
  const vppWatchers = new VppRevokeWatchers({
    journal,
    bus,
    ...watcherTuning,
    readToken: async (tokenId, actor) => getVppToken(graph, await reader(actor), tokenId),
    isWaiting,
    onError: (error, tokenId) => {
      if (!isWaiting(error)) {
        logger.warn({ err: error, vppTokenId: tokenId }, "VPP revoke watcher could not read");
      }
    },
  });
  const appWatchers = new AppRevokeWatchers({
    journal,
    ...watcherTuning,
    readResults: async (appId, actor) => getRevokeResults(graph, await reader(actor), appId),
    readLicensePresence: async (appId, actor, license) =>
      readLicensePresence(graph, await reader(actor), appId, license),
    isWaiting,
    onError: (error, appId) => {
      if (!isWaiting(error)) {
        logger.warn({ err: error, appId }, "app revoke watcher could not read");
      }
    },
  });
  const retireWatchers = new RetireWatchers({
    journal,
    ...watcherTuning,
    readDevices: async (userId, actor) => readRetireSnapshot(graph, await reader(actor), userId),
    isWaiting,
    onError: (error, userId) => {
      if (!isWaiting(error)) {
        logger.warn({ err: error, userId }, "retire watcher could not read the user's devices");
      }
    },
  });
  const deviceRetireWatchers = new RetireWatchers({
    journal,
    ...watcherTuning,
    readDevices: async (deviceId, actor) =>
      readDeviceRetireSnapshot(graph, await reader(actor), deviceId),
    isWaiting,
    onError: (error, deviceId) => {
      if (!isWaiting(error)) {
        logger.warn({ err: error, deviceId }, "retire watcher could not read the device");
      }
    },
  });
  const enrollmentWatchers = new EnrollmentTokenWatchers({
    journal,
    ...watcherTuning,
    readProfile: async (kind, id, actor) =>
      getEnrollmentProfile(graph, await reader(actor), kind, id),
    isWaiting,
    onError: (error, profileId) => {
      if (!isWaiting(error)) {
        logger.warn({ err: error, profileId }, "enrollment token watcher could not read");
      }
    },
  });
  const budget =
    shared?.appWriteBudget ??
    new WriteBudget({
      writes: appWriteBudget.writes,
      windowMs: appWriteBudget.windowSeconds * 1000,
    });
  const bulkRevokes = new BulkRevokeQueue({
    journal,
    graph,
    identities,
    budget,
    leases: shared?.leases,
    logger,
    ...(watcherTuning?.pollMs === undefined ? {} : { pollMs: watcherTuning.pollMs }),
    ...(watcherTuning?.reconcileWindowMs === undefined
      ? {}
      : { reconcileWindowMs: watcherTuning.reconcileWindowMs }),
  });
  const services: ActionServices = {
    journal,
    bus,
    identities,
    pipeline,
    vppWatchers,
    appWatchers,
    retireWatchers,
    deviceRetireWatchers,
    enrollmentWatchers,
    appWriteBudget: budget,
    bulkRevokes,
    streams: new EventStreams(bus, eventStreams),
    leases: shared?.leases,
    stop: async () => {
      stopTakeOver();
      await Promise.all([
        vppWatchers.stop(),
        appWatchers.stop(),
        retireWatchers.stop(),
        deviceRetireWatchers.stop(),
        enrollmentWatchers.stop(),
        bulkRevokes.stop(),
      ]);
      await shared?.close();
    },
  };
  if (shared !== undefined) {
    vppWatchers.useLeases(shared.leases, "vpp-token");
    appWatchers.useLeases(shared.leases, "app");
    retireWatchers.useLeases(shared.leases, "retire");
    enrollmentWatchers.useLeases(shared.leases, "enrollment-profile");
  }
  // Several instances: open work whose instance died is taken over (ADR 0020).
  const stopTakeOver =
    shared === undefined
      ? () => undefined
      : takeOverOpenWork(services, shared.leases.leaseMs, logger);
  return services;
};
