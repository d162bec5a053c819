import { ClientConfigSchema, type ClientConfig } from "@ihc/contracts";
import { Router } from "express";
import type { OidcMetadata } from "../auth/oidc-metadata.js";
import type { Config } from "../config.js";
import { sendJson } from "../http/send-json.js";

export type ClientConfigDeps = Pick<
  Config,
  "spaClientId" | "apiClientId" | "authority" | "authorityHost" | "tenantKind"
> & { metadata: OidcMetadata };

/**
 * What MSAL in the browser needs, from the same settings the BFF uses: the placeholder https
 * authority listed in knownAuthorities plus the metadata, so msal-browser never fetches
 * discovery (the simulator's endpoints are http://localhost).
 */
export const buildClientConfig = (deps: ClientConfigDeps): ClientConfig => ({
  clientId: deps.spaClientId,
  authority: deps.authority,
  knownAuthorities: [new URL(deps.authorityHost).host],
  authorityMetadata: JSON.stringify(deps.metadata),
  apiScopes: [`api://${deps.apiClientId}/access_as_user`],
  tenant: deps.tenantKind,
});

/** `GET /api/client-config`: public; nothing in it is secret. */
export const clientConfigRouter = (deps: ClientConfigDeps): Router => {
  const clientConfig = buildClientConfig(deps);
  return Router().get("/client-config", (_req, res) => {
    sendJson(res, ClientConfigSchema, clientConfig);
  });
};
