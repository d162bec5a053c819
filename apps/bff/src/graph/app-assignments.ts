import { RELICENSING_INTENTS, type AppAssignment, type AppAssignmentList } from "@ihc/contracts";
import { z } from "zod";
import type { AuthenticatedUser } from "../auth/authenticated-user.js";
import { graphOptional, parseGraphBody } from "./graph-body.js";
import { GraphError } from "./graph-error.js";
import type { GraphGateway } from "./graph-gateway.js";

/** Groups whose name and member count are read (two Graph reads each); more are left unnamed. */
export const MAX_NAMED_GROUPS = 5;

const GraphAssignmentsSchema = z.object({
  value: z.array(
    z.object({
      intent: z.string(),
      target: z.object({
        "@odata.type": z.string(),
        groupId: graphOptional(z.string()),
      }),
    }),
  ),
});

const GraphGroupSchema = z.object({ id: z.string(), displayName: graphOptional(z.string()) });

const targetOf = (odataType: string): AppAssignment["target"] => {
  switch (odataType.replace(/^#microsoft\.graph\./, "")) {
    case "groupAssignmentTarget":
      return "group";
    case "allLicensedUsersAssignmentTarget":
      return "allLicensedUsers";
    case "allDevicesAssignmentTarget":
      return "allDevices";
    default:
      return "other";
  }
};

/** A group Graph does not show this person (deleted, or no right): its name stays unknown. */
const unlessMissing = async <T>(read: () => Promise<T>): Promise<T | null> => {
  try {
    return await read();
  } catch (error) {
    if (error instanceof GraphError && (error.status === 404 || error.status === 403)) return null;
    throw error;
  }
};

const groupOf = async (
  graph: GraphGateway,
  user: AuthenticatedUser,
  groupId: string,
): Promise<{ name: string | null; members: number | null }> => {
  const path = `/groups/${encodeURIComponent(groupId)}`;
  const [name, members] = await Promise.all([
    unlessMissing(async () => {
      const answer = await graph.get(user, path, { query: { $select: "id,displayName" } });
      return parseGraphBody(GraphGroupSchema, answer.body).displayName ?? null;
    }),
    // Intune licenses a group's nested members too: transitive members, an advanced query.
    // https://learn.microsoft.com/graph/aad-advanced-queries#count-of-directory-objects
    unlessMissing(async () => {
      const answer = await graph.get(user, `${path}/transitiveMembers/$count`, {
        headers: { ConsistencyLevel: "eventual" },
      });
      const count = Number(answer.body);
      return Number.isInteger(count) && count >= 0 ? count : null;
    }),
  ]);
  return { name, members };
};

/**
 * An app's assignments (Graph beta `mobileApps/{id}/assignments`) with each group's name and
 * transitive member count: 1 read, then 2 per group (at most MAX_NAMED_GROUPS groups).
 */
export const listAppAssignments = async (
  graph: GraphGateway,
  user: AuthenticatedUser,
  appId: string,
): Promise<AppAssignmentList> => {
  const answer = await graph.get(
    user,
    `/deviceAppManagement/mobileApps/${encodeURIComponent(appId)}/assignments`,
    { version: "beta" },
  );
  const assignments = parseGraphBody(GraphAssignmentsSchema, answer.body).value;
  const groupIds = [
    ...new Set(
      assignments.flatMap((a) => (a.target.groupId === undefined ? [] : [a.target.groupId])),
    ),
  ];
  const named = groupIds.slice(0, MAX_NAMED_GROUPS);
  const groups = new Map(
    await Promise.all(named.map(async (id) => [id, await groupOf(graph, user, id)] as const)),
  );
  return {
    items: assignments.map((a) => {
      const groupId = a.target.groupId ?? null;
      const group = groupId === null ? undefined : groups.get(groupId);
      return {
        intent: a.intent,
        target: targetOf(a.target["@odata.type"]),
        groupId,
        groupName: group?.name ?? null,
        memberCount: group?.members ?? null,
        givesLicensesBack: (RELICENSING_INTENTS as readonly string[]).includes(a.intent),
      };
    }),
    truncated: groupIds.length > named.length,
  };
};
