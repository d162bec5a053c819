import { Router, type Request, type RequestHandler } from "express";
import type { SimulatorContext } from "../simulator-context.js";
import type { VppTokenRecord } from "../store/vpp-records.js";
import { readActionArguments } from "./action-parameters.js";
import { sendGraphBody } from "./graph-error.js";
import { graphContext } from "./graph-request-context.js";
import { intuneError, requireGuidKey, segmentNotFound } from "./intune-error.js";
import { vppTokenRoutes as routes } from "./intune-routes.js";
import { vppTokenType } from "./odata/odata-model.js";
import {
  collectionBody,
  contextUrl,
  parseCollectionQuery,
  parseEntityQuery,
  selectProperties,
} from "./odata/odata-query.js";
import { requirePermission } from "./permissions.js";
import { vppTokenEntity } from "./vpp-entities.js";
import { vppTokenWithNewEnumValues } from "./new-enum-values.js";
import { effectiveTiming, revokeRealismOf } from "../store/realistic-timing.js";

/**
 * Apple VPP tokens: list, get, revokeLicenses (beta) and syncLicenses.
 * https://learn.microsoft.com/graph/api/resources/intune-onboarding-vpptoken?view=graph-rest-beta
 */
export function createVppTokensRouter(ctx: SimulatorContext): Router {
  const router = Router();

  router.get(routes.list, requirePermission("GET", routes.list), (req, res) => {
    const { version } = graphContext(req);
    const query = parseCollectionQuery(req, vppTokenType, version);
    const body = collectionBody(
      {
        req,
        version,
        type: vppTokenType,
        contextPath: "deviceAppManagement/vppTokens",
        entities: ctx.store.vpp.tokens().map((t) => presented(vppTokenEntity(t, version), req)),
        pageSize: 100,
      },
      query,
    );
    sendGraphBody(res.status(200), body);
  });

  router.get(routes.item, requirePermission("GET", routes.item), (req, res) => {
    const { version } = graphContext(req);
    const { select } = parseEntityQuery(req, vppTokenType, version);
    const token = findToken(ctx, req);
    sendGraphBody(res.status(200), {
      "@odata.context": `${contextUrl(version, "deviceAppManagement/vppTokens", select)}/$entity`,
      ...selectProperties(
        { entity: presented(vppTokenEntity(token, version), req), type: vppTokenType },
        select,
      ),
    });
  });

  router.post(
    routes.revokeLicenses,
    betaOnly("revokeLicenses"),
    requirePermission("POST", routes.revokeLicenses),
    (req, res) => {
      const token = findToken(ctx, req);
      const args = readActionArguments(req, "revokeLicenses", [
        { name: "notifyManagedDevices", type: "Edm.Boolean", nullable: false },
        { name: "revokeUntrackedLicenses", type: "Edm.Boolean", nullable: true },
      ]);
      const scenario = ctx.scenario.get();
      const outcome = ctx.store.vpp.startTokenRevoke(
        token,
        { revokeUntrackedLicenses: args.revokeUntrackedLicenses === true },
        effectiveTiming(scenario, ctx.timing.get()),
        Date.now(),
        revokeRealismOf(scenario),
      );
      if (!outcome.ok) {
        // Intune runs one revoke per token at a time (our choice; see README).
        throw intuneError(
          req,
          400,
          "BadRequest",
          `A RevokeLicenses action is already pending or active for VPP token '${token.id}'. Wait for it to finish before starting another.`,
        );
      }
      res.status(204).end();
    },
  );

  router.post(routes.syncLicenses, requirePermission("POST", routes.syncLicenses), (req, res) => {
    const { version } = graphContext(req);
    const token = findToken(ctx, req);
    readActionArguments(req, "syncLicenses", []);
    ctx.store.vpp.startSync(token, effectiveTiming(ctx.scenario.get(), ctx.timing.get()));
    sendGraphBody(res.status(200), {
      "@odata.context": `https://graph.microsoft.com/${version}/$metadata#microsoft.graph.vppToken`,
      ...presented(vppTokenEntity(token, version), req),
    });
  });

  return router;
}

function findToken(ctx: SimulatorContext, req: Request): VppTokenRecord {
  const id = String(req.params.id);
  requireGuidKey(req, id, "vppToken");
  const token = ctx.store.vpp.findToken(id);
  if (token === undefined) {
    throw intuneError(req, 404, "ResourceNotFound", `No vppToken with id '${id}' exists.`);
  }
  return token;
}

function presented(entity: Record<string, unknown>, req: Request): Record<string, unknown> {
  return graphContext(req).scenario.newEnumValues ? vppTokenWithNewEnumValues(entity) : entity;
}

/** v1.0 has no such action: Graph answers as for any segment it cannot resolve. */
export function betaOnly(segment: string): RequestHandler {
  return (req, _res, next) => {
    if (graphContext(req).version !== "beta") throw segmentNotFound(segment);
    next();
  };
}
