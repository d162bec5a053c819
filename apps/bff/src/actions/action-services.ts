import type { Logger } from "pino";
import { getVppToken } from "../graph/vpp-tokens.js";
import type { GraphGateway } from "../graph/graph-gateway.js";
import type { ActionJournal } from "./action-journal.js";
import { ActionPipeline } from "./action-pipeline.js";
import { InProcessEventBus, type EventBus } from "./event-bus.js";
import { IdentityPool } from "./identity-pool.js";
import { VppRevokeWatchers, type VppRevokeWatcherOptions } from "./vpp-revoke-watchers.js";

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
}

export type WatcherTuning = Pick<
  VppRevokeWatcherOptions,
  "pollMs" | "maxBackoffMs" | "timeoutMs" | "reconcileWindowMs" | "clockSkewMs"
>;

/** The action pipeline and what runs beside it, wired once per BFF process. */
export const createActionServices = ({
  journal,
  graph,
  logger,
  watcherTuning,
}: {
  journal: ActionJournal;
  graph: GraphGateway;
  logger: Logger;
  watcherTuning?: WatcherTuning;
}): ActionServices => {
  const bus = new InProcessEventBus();
  const identities = new IdentityPool();
  const pipeline = new ActionPipeline({ journal, bus, graph, logger });
  const vppWatchers = new VppRevokeWatchers({
    journal,
    bus,
    ...watcherTuning,
    readToken: (tokenId, actor) => {
      const user = identities.pick(actor.oid);
      if (!user) return Promise.reject(new NoIdentityError());
      return getVppToken(graph, user, tokenId);
    },
    isWaiting: (error) => error instanceof NoIdentityError,
    onError: (error, tokenId) => {
      if (!(error instanceof NoIdentityError)) {
        logger.warn({ err: error, vppTokenId: tokenId }, "VPP revoke watcher could not read");
      }
    },
  });
  return { journal, bus, identities, pipeline, vppWatchers };
};

/**
 * After a restart: a record still `accepted` never reached Graph (the `sent` write comes first),
 * so it is failed as interrupted and may run again under its key; one `sent` may have reached
 * Graph, so it becomes `unknown`; revokes still running are watched again.
 */
export const recoverActions = async (services: ActionServices): Promise<number> => {
  const open = await services.journal.listOpen();
  for (const record of open) {
    let current = record;
    if (record.state === "accepted") {
      await services.journal.update(record.id, {
        state: "failed",
        completedAt: new Date().toISOString(),
        graph: {
          clientRequestId: record.graph?.clientRequestId ?? "",
          code: "interrupted",
          message: "The console restarted before sending this to Graph; nothing was sent.",
        },
      });
      continue;
    }
    if (record.state === "sent") {
      current = await services.journal.update(record.id, {
        state: "unknown",
        graph: {
          clientRequestId: record.graph?.clientRequestId ?? "",
          code: "interrupted",
          message: "The console restarted while Graph was being called; checking what happened.",
        },
        // A multi-step action: the step that was in flight is the one whose outcome is unknown.
        ...(record.steps === undefined
          ? {}
          : {
              steps: record.steps.map((step) =>
                step.state === "sent" ? { ...step, state: "unknown" as const } : step,
              ),
            }),
      });
    }
    if (current.kind === "vpp-token.revoke-licenses") services.vppWatchers.watch(current);
  }
  return open.length;
};
