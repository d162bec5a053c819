import { Router, type ErrorRequestHandler, type RequestHandler } from "express";
import { demoTenant } from "../seed/demo-tenant.js";
import type { SimulatorContext } from "../simulator-context.js";
import { createAuthorizeRouter } from "./authorize-router.js";
import { EntraError } from "./entra-error.js";
import { createLogoutRouter } from "./logout-router.js";
import { createMetadataRouter, instanceDiscovery } from "./metadata-router.js";
import { spaCors } from "./spa-cors.js";
import { createTokenRouter, sendEntraError } from "./token-router.js";

/**
 * Entra ID's endpoints under /{tenant}. The tenant segment accepts the tenant id or its
 * domain, as Entra does; any other tenant is unknown (AADSTS90002).
 */
export function createIdentityRouter(ctx: SimulatorContext): Router {
  const router = Router();
  const cors = spaCors(ctx.spaOrigins);

  router.get("/common/discovery/instance", cors, (_req, res) => {
    res.json(instanceDiscovery(ctx));
  });

  const tenant = Router({ mergeParams: true });
  tenant.use(
    [
      "/v2.0/.well-known/openid-configuration",
      "/discovery/v2.0/keys",
      "/discovery/instance",
      "/oauth2/v2.0/token",
    ],
    cors,
  );
  tenant.use(createMetadataRouter(ctx));
  tenant.use(createAuthorizeRouter(ctx));
  tenant.use(createTokenRouter(ctx));
  tenant.use(createLogoutRouter(ctx));

  router.use("/:tenant", knownTenant(ctx), tenant);
  router.use(identityErrors(ctx));
  return router;
}

function knownTenant(ctx: SimulatorContext): RequestHandler {
  const names = new Set([ctx.tenantId, demoTenant.tenantDomain]);
  return (req, res, next) => {
    const raw = req.params.tenant;
    const name = typeof raw === "string" ? raw.toLowerCase() : "";
    if (names.has(name)) {
      next();
      return;
    }
    // Only paths that look like Entra's are answered as an unknown tenant; the rest fall through.
    if (!/^\/(v2\.0|oauth2|discovery)\//.test(req.path)) {
      next("router");
      return;
    }
    sendEntraError(
      req,
      res,
      ctx,
      new EntraError(
        "invalid_tenant",
        90002,
        `Tenant '${name}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
      ),
    );
  };
}

/** Body-parser failures (too large, bad encoding) become Entra-shaped 400s. */
function identityErrors(ctx: SimulatorContext): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const status = statusOf(error);
    if (status === undefined || status >= 500) {
      next(error);
      return;
    }
    sendEntraError(
      req,
      res,
      ctx,
      new EntraError("invalid_request", 90100, "The request body could not be read."),
    );
  };
}

function statusOf(error: unknown): number | undefined {
  if (typeof error !== "object" || error === null || !("status" in error)) return undefined;
  return typeof error.status === "number" ? error.status : undefined;
}
