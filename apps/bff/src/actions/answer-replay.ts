import type { ActionRequestBase, ActionPipeline } from "./action-pipeline.js";
import type { StoredAction } from "./action-journal.js";

/**
 * The record this caller already made under this key, answered from the journal before any
 * precondition is read: the action itself has since changed them (a revoked token is gone, a
 * retired device is leaving), so its replay must not become a 404 or a 409. The same key with
 * another request, or on another target's route, is still a 422. Undefined for a new request.
 */
export const answerReplay = async (
  pipeline: ActionPipeline,
  request: Omit<ActionRequestBase, "target"> & { targetId: string },
): Promise<StoredAction | undefined> => {
  const replay = await pipeline.replayOf(request.user, request.idempotencyKey, request);
  if (replay === undefined) return undefined;
  const { record } = await pipeline.run({
    ...request,
    target: replay.target,
    // Never sent: the pipeline answers the replay from the journal (and checks its hash).
    graph: { version: "beta", path: "/" },
  });
  return record;
};
