import { z } from "zod";
import type { AuthenticatedUser } from "../auth/authenticated-user.js";
import type { GraphGateway } from "./graph-gateway.js";
import { graphOptional, parseGraphBody } from "./graph-body.js";

/** The signed-in user's profile as Graph returns it for `$select` below. */
export const GraphMeSchema = z.object({
  id: z.string(),
  displayName: graphOptional(z.string()),
  userPrincipalName: z.string(),
  mail: graphOptional(z.string()),
  jobTitle: graphOptional(z.string()),
});
export type GraphMe = z.infer<typeof GraphMeSchema>;

const SELECT = "id,displayName,userPrincipalName,mail,jobTitle";

/**
 * `GET /v1.0/me` with only the properties we show (User.Read suffices).
 * https://learn.microsoft.com/graph/api/user-get
 */
export const getMe = async (graph: GraphGateway, user: AuthenticatedUser): Promise<GraphMe> => {
  const response = await graph.get(user, "/me", { query: { $select: SELECT } });
  return parseGraphBody(GraphMeSchema, response.body);
};
