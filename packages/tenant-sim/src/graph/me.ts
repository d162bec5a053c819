import { Router } from "express";
import type { SimulatorContext } from "../simulator-context.js";
import { GraphError, sendGraphBody } from "./graph-error.js";
import { graphContext, graphToken } from "./graph-request-context.js";
import { parseSelect } from "./odata-select.js";
import { requirePermission } from "./permissions.js";
import { userEntity, userEntityType, userProperties } from "./user-entity.js";

/** GET /me: the signed-in user. https://learn.microsoft.com/graph/api/user-get */
export function createMeRouter(ctx: SimulatorContext): Router {
  const router = Router();
  router.get("/me", requirePermission("GET", "/me"), (req, res) => {
    const { oid } = graphToken(req);
    const selected = parseSelect(req.query.$select, userEntityType, userProperties);
    const user = ctx.store.findUser(oid);
    if (user === undefined) {
      throw new GraphError(
        404,
        "Request_ResourceNotFound",
        `Resource '${oid}' does not exist or one of its queried reference-property objects are not present.`,
      );
    }
    sendGraphBody(res.status(200), userEntity(user, graphContext(req).version, selected));
  });
  return router;
}
