import { actionTimeRange, type ActionFilter } from "@ihc/contracts";
import type { Request } from "express";
import type { ActionListQuery } from "../actions/action-journal.js";
import { userOf } from "../auth/authenticate.js";
import { permissionsFor } from "../auth/roles.js";

/** Whose records the caller sees: their own, or everyone's with Activity.ReadAll. */
export const visibleActor = (req: Request): string | undefined => {
  const user = userOf(req);
  return permissionsFor(user.roles).includes("activity:read-all") ? undefined : user.oid;
};

/** Activity's filter as the journal's query: what the caller may see, narrowed by the filter. */
export const journalQueryOf = (
  req: Request,
  filter: ActionFilter,
): Omit<ActionListQuery, "limit" | "before"> => {
  const actorOid = visibleActor(req);
  const { from, toExclusive } = actionTimeRange(filter);
  return {
    ...(actorOid === undefined ? {} : { actorOid }),
    ...(filter.actor === undefined ? {} : { actor: filter.actor }),
    ...(filter.kind === undefined ? {} : { kind: filter.kind }),
    ...(filter.targetId === undefined ? {} : { targetId: filter.targetId }),
    ...(filter.subject === undefined ? {} : { subject: filter.subject }),
    ...(filter.state === undefined ? {} : { state: filter.state }),
    ...(filter.q === undefined ? {} : { text: filter.q }),
    ...(from === undefined ? {} : { createdFrom: from }),
    ...(toExclusive === undefined ? {} : { createdBefore: toExclusive }),
    ...(filter.order === "oldest" ? { oldestFirst: true } : {}),
  };
};
