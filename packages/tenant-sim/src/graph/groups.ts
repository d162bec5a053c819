import { Router, type Request, type Response } from "express";
import type { SimulatorContext } from "../simulator-context.js";
import type { GroupRecord } from "../store/vpp-records.js";
import { groupRoutes } from "./directory-routes.js";
import { GraphError, sendGraphBody } from "./graph-error.js";
import { graphContext } from "./graph-request-context.js";
import { readOptions } from "./odata/odata-query.js";
import { applySelect, parseSelect } from "./odata-select.js";
import { requirePermission } from "./permissions.js";

/** The security groups apps are assigned to: what Graph's group GET gives, a subset of its properties. */
const groupProperties = [
  "id",
  "displayName",
  "description",
  "groupTypes",
  "mailEnabled",
  "mailNickname",
  "securityEnabled",
] as const;

const groupEntity = (group: GroupRecord): Record<string, unknown> => ({
  id: group.id,
  displayName: group.displayName,
  description: null,
  groupTypes: [],
  mailEnabled: false,
  mailNickname: group.displayName.toLowerCase().replace(/[^a-z0-9]/g, ""),
  securityEnabled: true,
});

/**
 * One group (`GET /groups/{id}`, `$select` allowed) and its member count
 * (`/groups/{id}/members/$count`, `/groups/{id}/transitiveMembers/$count`): an advanced query
 * that Entra ID answers only with `ConsistencyLevel: eventual`, as a text/plain number.
 * https://learn.microsoft.com/graph/api/group-get and
 * https://learn.microsoft.com/graph/aad-advanced-queries#count-of-directory-objects
 */
export function createGroupsRouter(ctx: SimulatorContext): Router {
  const router = Router();

  router.get(groupRoutes.item, requirePermission("GET", groupRoutes.item), (req, res) => {
    const { version } = graphContext(req);
    const options = readOptions(req);
    for (const key of options.keys()) {
      if (key !== "select") {
        throw new GraphError(
          400,
          "BadRequest",
          `The tenant simulator does not support the query option '$${key}' on a group.`,
        );
      }
    }
    const selected = parseSelect(options.get("select"), "microsoft.graph.group", groupProperties);
    const group = findGroupOrThrow(ctx, String(req.params.id));
    const entity = groupEntity(group);
    const context = `https://graph.microsoft.com/${version}/$metadata#groups${selected === undefined ? "" : `(${selected.join(",")})`}/$entity`;
    sendGraphBody(res.status(200), {
      "@odata.context": context,
      ...(selected === undefined ? entity : applySelect(entity, selected)),
    });
  });

  const count = (req: Request, res: Response): void => {
    const group = findGroupOrThrow(ctx, String(req.params.id));
    if (req.get("ConsistencyLevel")?.toLowerCase() !== "eventual") {
      // What Entra ID answers a $count without the advanced-query header.
      throw new GraphError(400, "Request_BadRequest", "Count is not currently supported.");
    }
    res
      .status(200)
      .set("Content-Type", "text/plain;charset=utf-8")
      .send(String(group.memberIds.size));
  };
  router.get(groupRoutes.memberCount, requirePermission("GET", groupRoutes.memberCount), count);
  router.get(
    groupRoutes.transitiveMemberCount,
    requirePermission("GET", groupRoutes.transitiveMemberCount),
    count,
  );
  return router;
}

function findGroupOrThrow(ctx: SimulatorContext, id: string): GroupRecord {
  const group = ctx.store.vpp.groups().find((g) => g.id.toLowerCase() === id.toLowerCase());
  if (group === undefined) {
    throw new GraphError(
      404,
      "Request_ResourceNotFound",
      `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
    );
  }
  return group;
}
