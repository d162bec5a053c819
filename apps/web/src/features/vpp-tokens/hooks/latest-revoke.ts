import {
  latestRevoke,
  progressFromRevokeResult,
  type ActionProgress,
  type ActionRecord,
  type VppToken,
} from "@ihc/contracts";
import { actionStatusOf, progressStatusOf, type ActionStatus } from "../../../lib/action-status";

export interface LatestRevoke {
  status: ActionStatus;
  progress: ActionProgress;
  /** Our journal's record, when the revoke was made through the console and we may see it. */
  action: ActionRecord | undefined;
  finishedAt: string | undefined;
}

const REVOKE = "vpp-token.revoke-licenses";
const time = (value: string | undefined) => (value === undefined ? Number.NaN : Date.parse(value));

/**
 * The token's latest revoke, from the journal's newest revoke record and Graph's newest revoke
 * result together: the record knows who asked, the ids and the total before it started; Graph's
 * result may be a moment fresher, or be a newer revoke someone started elsewhere.
 */
export function latestRevokeOf(
  token: VppToken,
  actions: readonly ActionRecord[] | undefined,
): LatestRevoke | undefined {
  const action = actions?.find((record) => record.kind === REVOKE);
  const result = latestRevoke(token.tokenActionResults);
  const fromGraph = result === undefined ? undefined : progressFromRevokeResult(result);

  if (!action) {
    return fromGraph === undefined
      ? undefined
      : {
          status: progressStatusOf(fromGraph),
          progress: fromGraph,
          action: undefined,
          finishedAt: undefined,
        };
  }

  const ours = action.progress ?? {
    actionState: "none" as const,
    attemptedCount: 0,
    failedCount: 0,
  };
  if (fromGraph !== undefined && ours.startDateTime !== undefined) {
    const graphStart = time(fromGraph.startDateTime);
    const ourStart = time(ours.startDateTime);
    if (graphStart > ourStart) {
      // A newer revoke than ours, started elsewhere (another agent, the Intune portal).
      return {
        status: progressStatusOf(fromGraph),
        progress: fromGraph,
        action: undefined,
        finishedAt: undefined,
      };
    }
    if (
      graphStart === ourStart &&
      time(fromGraph.lastUpdatedDateTime) > time(ours.lastUpdatedDateTime) &&
      action.state !== "failed"
    ) {
      // Graph's progress event overtook the record's: the same run, a moment later.
      const progress = { ...ours, ...fromGraph };
      return {
        status: progressStatusOf(progress),
        progress,
        action,
        finishedAt: action.completedAt,
      };
    }
  }
  return { status: actionStatusOf(action), progress: ours, action, finishedAt: action.completedAt };
}
