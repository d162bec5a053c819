import { Router } from "express";
import type { SimulatorContext } from "../simulator-context.js";
import { openidConfiguration } from "./openid-configuration.js";

/** Discovery, keys and the cloud-instance document under /{tenant}. */
export function createMetadataRouter(ctx: SimulatorContext): Router {
  const router = Router({ mergeParams: true });
  router.get("/v2.0/.well-known/openid-configuration", (_req, res) => {
    res
      .set("Cache-Control", "max-age=86400, private")
      .json(openidConfiguration(ctx.url, ctx.tenantId));
  });
  router.get("/discovery/v2.0/keys", (_req, res) => {
    res.set("Cache-Control", "max-age=86400, private").json(ctx.keys.jwks(ctx.issuer));
  });
  router.get("/discovery/instance", (_req, res) => {
    res.json(instanceDiscovery(ctx));
  });
  return router;
}

/**
 * MSAL asks /common/discovery/instance which hosts are aliases of an authority. The clients
 * pass knownAuthorities and authorityMetadata so they should not, but the answer is ready.
 */
export function instanceDiscovery(ctx: SimulatorContext): Record<string, unknown> {
  const host = new URL(ctx.url).host;
  return {
    tenant_discovery_endpoint: `${ctx.url}/${ctx.tenantId}/v2.0/.well-known/openid-configuration`,
    "api-version": "1.1",
    metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
  };
}
