import type { ActionRecord } from "@ihc/contracts";

type Verb = "revoke" | "replace";
type Outcome = "running" | "succeeded" | "failed" | "unknown" | "notCompleted";

export interface TokenActionHeadline {
  /** Still on its way to Graph (or to its answer): a spinner instead of a status badge. */
  running: boolean;
  title:
    | `enrollmentProfiles.result.${Verb}.${Exclude<Outcome, "notCompleted">}`
    | "enrollmentProfiles.result.replace.notCompleted";
  detail?: `enrollmentProfiles.result.${Verb}.succeededDetail`;
}

/** The words for where a revoke or replace stands, from its journal record alone. */
export function tokenActionHeadline(action: ActionRecord): TokenActionHeadline {
  const verb: Verb = action.kind === "enrollment-profile.revoke-token" ? "revoke" : "replace";
  switch (action.state) {
    case "accepted":
    case "sent":
      return { running: true, title: `enrollmentProfiles.result.${verb}.running` };
    case "succeeded":
      return {
        running: false,
        title: `enrollmentProfiles.result.${verb}.succeeded`,
        detail: `enrollmentProfiles.result.${verb}.succeededDetail`,
      };
    case "unknown":
      // The journal's outcome below says, calmly, that it is being checked.
      return { running: false, title: `enrollmentProfiles.result.${verb}.unknown` };
    case "failed":
      return action.graph?.code === "notCompleted"
        ? { running: false, title: "enrollmentProfiles.result.replace.notCompleted" }
        : { running: false, title: `enrollmentProfiles.result.${verb}.failed` };
  }
}
