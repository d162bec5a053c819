import {
  knownOr,
  unrecognizedValuesOf,
  type GraphActionState,
  type Tolerant,
  type UnrecognizedValues,
  type VppTokenActionFailureReason,
} from "@ihc/contracts";

/**
 * A revoke result's state and failure reason in our terms. A state Graph added after our
 * schema (`queued`, …) reads as `pending`: not terminal, so a watcher keeps following it and
 * nothing claims it finished; the value Graph sent stays in `unrecognized`.
 * https://learn.microsoft.com/graph/best-practices-concept#handling-future-members-in-evolvable-enumerations
 */
export const actionOutcomeOf = (result: {
  actionState: Tolerant<GraphActionState>;
  actionFailureReason: Tolerant<VppTokenActionFailureReason> | undefined;
}): {
  actionState: GraphActionState;
  actionFailureReason: VppTokenActionFailureReason | undefined;
  unrecognized: UnrecognizedValues | undefined;
} => ({
  actionState: knownOr(result.actionState, "pending"),
  actionFailureReason: knownOr(result.actionFailureReason, undefined),
  unrecognized: unrecognizedValuesOf({
    actionState: result.actionState,
    actionFailureReason: result.actionFailureReason,
  }),
});
